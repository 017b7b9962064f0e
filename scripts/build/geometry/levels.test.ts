// Unit tests for the display levels on tiny inline polygons: unions by académie and région,
// shared borders, simplification that never drops a feature, DROM moved into insets.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { INSETS } from './dromLayout.ts';
import { countPositions } from './geojsonOut.ts';
import { communeLevel, upperLevels } from './levels.ts';
import type { DepartementInfo } from './levels.ts';
import { ringArea } from './surface.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

/** Planar area of a (Multi)Polygon, holes subtracted (rings are wound RFC 7946 on output). */
const planarArea = (g: Polygon | MultiPolygon): number =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((s, p) => s + p.reduce((t, r) => t + ringArea(r), 0), 0);

const info = (code: string, academieCode: string, regionCode: string): DepartementInfo => ({
  code,
  name: `Dép ${code}`,
  academieCode,
  academieName: `Académie ${academieCode}`,
  regionCode,
  regionName: `Région ${regionCode}`,
});

describe('upperLevels', () => {
  // Three 1°×1° squares in a row; 01 and 02 form académie A, 03 académie B; one région.
  const shapes = [
    { code: '01', geometry: rect(2, 45, 3, 46) },
    { code: '02', geometry: rect(3, 45, 4, 46) },
    { code: '03', geometry: rect(4, 45, 5, 46) },
  ];
  const mapping = [info('01', 'A', 'R'), info('02', 'A', 'R'), info('03', 'B', 'R'), info('99', 'C', 'S')];

  it('merges adjacent départements into one académie with the union area', () => {
    const { departement, academie, region } = upperLevels(shapes, mapping);
    expect(departement.features.map((f) => f.properties)).toEqual([
      { code: '01', name: 'Dép 01' },
      { code: '02', name: 'Dép 02' },
      { code: '03', name: 'Dép 03' },
    ]);
    expect(academie.features.map((f) => f.properties)).toEqual([
      { code: 'A', name: 'Académie A' },
      { code: 'B', name: 'Académie B' },
    ]);
    const a = academie.features[0]?.geometry;
    expect(a?.type).toBe('Polygon'); // one piece, the inner border is gone
    expect(a && planarArea(a)).toBeCloseTo(2, 10);
    // 4 corners + closing + the 2 former junctions (3,45), (3,46), kept so that borders coincide
    expect(a && countPositions(a)).toBe(7);
    expect(region.features).toHaveLength(1);
    expect(region.features[0]?.geometry && planarArea(region.features[0].geometry)).toBeCloseTo(3, 10);
  });

  it('throws when a département has no académie/région in the mapping', () => {
    expect(() => upperLevels(shapes, mapping.slice(1))).toThrow(/département\(s\) 01/);
  });

  it('keeps an enclave as a hole of its surrounding académie', () => {
    const ring = [[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]];
    const hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
    const { academie } = upperLevels(
      [
        { code: '01', geometry: { type: 'Polygon', coordinates: [ring, hole] } },
        { code: '02', geometry: rect(1, 1, 2, 2) },
      ],
      [info('01', 'A', 'R'), info('02', 'B', 'R')],
    );
    const a = academie.features.find((f) => f.properties.code === 'A')?.geometry;
    expect(a && planarArea(a)).toBeCloseTo(8, 10);
  });
});

describe('communeLevel', () => {
  /** A wiggly 1°-wide commune with many tiny teeth on its top edge, and a tiny neighbour. */
  const teeth: Position[] = [];
  for (let i = 0; i <= 100; i++) teeth.push([3 - i / 100, 46 + (i % 2) * 0.0001]);
  const big: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2.999, 45], [3, 45], ...teeth, [2, 45]]] };
  const tiny = rect(2.999, 44.999, 3, 45); // ≈ 80 m × 110 m, sharing a corner region with `big`

  it('simplifies wiggles but never drops a commune, however small', () => {
    const { features, unsimplified } = communeLevel(
      [
        { code: '63001', name: 'Grande', dep: '63', geometry: big },
        { code: '63002', name: 'Petite', dep: '63', geometry: tiny },
      ],
      { minWeight: 1e-3 },
    );
    expect(features.map((f) => f.properties.code)).toEqual(['63001', '63002']);
    expect(unsimplified).toEqual([]); // kept by the ring protection, not by the fallback
    const [g, p] = features.map((f) => f.geometry);
    expect(g && countPositions(g)).toBeLessThan(20);
    expect(p && Math.abs(planarArea(p))).toBeGreaterThan(0);
  });

  it('moves DROM communes into their inset and keeps names from the input', () => {
    const { features } = communeLevel([{ code: '97411', name: 'Saint-Denis', dep: '974', geometry: rect(55.4, -20.95, 55.5, -20.87) }]);
    expect(features[0]?.properties).toEqual({ code: '97411', name: 'Saint-Denis' });
    const [x0, y0, x1, y1] = INSETS.find((i) => i.code === '974')?.frame ?? [0, 0, 0, 0];
    const g = features[0]?.geometry as Polygon;
    for (const [x, y] of (g.coordinates[0] ?? []) as [number, number][]) {
      expect(x > x0 && x < x1 && y > y0 && y < y1).toBe(true);
    }
  });
});
