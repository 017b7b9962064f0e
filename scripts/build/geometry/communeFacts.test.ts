// Unit tests for per-commune facts: real-geometry area and point, display point, and the
// communes without a polygon placed at their host's point.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { communeFacts } from './communeFacts.ts';
import { INSETS } from './dromLayout.ts';
import { isStrictlyInside } from './surface.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

const communes = [
  { code: '15108', name: 'Hôte', dep: '15', geometry: rect(2.9, 45.1, 3.0, 45.2) },
  { code: '97411', name: 'Saint-Denis', dep: '974', geometry: rect(55.4, -20.95, 55.5, -20.87) },
  { code: '63113', name: 'Ailleurs', dep: '63', geometry: rect(3.0, 45.7, 3.1, 45.8) },
];
const without = [
  { code: '15031', name: 'Celles', dep: '15', population: 217 },
  { code: '15035', name: 'Chalinargues', dep: '15', population: 304 },
  { code: '15047', name: 'Chavagnac', dep: '15', population: null },
];

describe('communeFacts', () => {
  const facts = communeFacts(communes, without, new Map([['15031', '15108'], ['15035', '63113']]));

  it('computes area and an interior point on the real polygon', () => {
    const f = facts.get('15108');
    expect(f?.hasGeometry).toBe(true);
    expect(f?.areaKm2).toBeGreaterThan(80); // 0.1° × 0.1° at 45°N ≈ 87 km²
    expect(f?.areaKm2).toBeLessThan(90);
    expect(isStrictlyInside([f?.lon ?? NaN, f?.lat ?? NaN], communes[0]?.geometry ?? rect(0, 0, 0, 0))).toBe(true);
    expect([f?.displayLon, f?.displayLat]).toEqual([f?.lon, f?.lat]);
  });

  it('gives DROM communes a real point and a display point in their inset', () => {
    const f = facts.get('97411');
    expect(f?.lon).toBeGreaterThan(55.4);
    const [x0, y0, x1, y1] = INSETS.find((i) => i.code === '974')?.frame ?? [0, 0, 0, 0];
    expect((f?.displayLon ?? NaN) > x0 && (f?.displayLon ?? NaN) < x1).toBe(true);
    expect((f?.displayLat ?? NaN) > y0 && (f?.displayLat ?? NaN) < y1).toBe(true);
  });

  it('keeps communes without polygon, placed at their host of the same département', () => {
    expect(facts.size).toBe(6);
    const celles = facts.get('15031');
    const host = facts.get('15108');
    expect(celles).toEqual({ areaKm2: null, lon: host?.lon, lat: host?.lat, displayLon: host?.displayLon, displayLat: host?.displayLat, hasGeometry: false });
  });

  it('refuses a host in another département and leaves the point null without host', () => {
    for (const code of ['15035', '15047']) {
      expect(facts.get(code)).toEqual({ areaKm2: null, lon: null, lat: null, displayLon: null, displayLat: null, hasGeometry: false });
    }
  });
});
