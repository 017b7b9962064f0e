// Unit tests for the web output: rounding, ring repair and winding, serialisation.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { cleanGeometry, cleanRing, countPositions, serializeFeatureCollection } from './geojsonOut.ts';
import { ringArea } from './surface.ts';

describe('cleanRing', () => {
  it('rounds, removes repeated vertices and keeps the ring closed', () => {
    const ring = cleanRing([[0.000001, 0], [1, 0], [1.000004, 0.000001], [1, 1], [0, 1], [0, 0]], 5, true);
    expect(ring).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('closes an open ring', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 1]], 4, true)).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('winds exteriors counter-clockwise and holes clockwise', () => {
    const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    expect(ringArea(cleanRing(cw, 5, true) ?? [])).toBeGreaterThan(0);
    expect(ringArea(cleanRing(cw, 5, false) ?? [])).toBeLessThan(0);
  });

  it('rejects rings that collapse to a line or a point', () => {
    expect(cleanRing([[0, 0], [1, 1], [2, 2], [0, 0]], 5, true)).toBeNull();
    expect(cleanRing([[0, 0], [0.000001, 0], [0, 0.000001], [0, 0]], 5, true)).toBeNull();
  });
});

describe('cleanGeometry', () => {
  it('drops a collapsed part and turns a one-part MultiPolygon into a Polygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [5.000001, 5], [5, 5.000001], [5, 5]]]],
    };
    expect(cleanGeometry(multi)).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  });

  it('returns null when nothing is left', () => {
    const dot: Polygon = { type: 'Polygon', coordinates: [[[5, 5], [5.000001, 5], [5, 5.000001], [5, 5]]] };
    expect(cleanGeometry(dot)).toBeNull();
  });

  it('keeps holes', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]] };
    const out = cleanGeometry(holed);
    expect(out?.type).toBe('Polygon');
    expect(out && countPositions(out)).toBe(10);
  });
});

describe('serializeFeatureCollection', () => {
  it('writes parseable GeoJSON with code and name only', () => {
    const text = serializeFeatureCollection([
      { type: 'Feature', properties: { code: '63', name: 'Puy-de-Dôme' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ]);
    const parsed = JSON.parse(text) as { type: string; features: { properties: unknown }[] };
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features[0]?.properties).toEqual({ code: '63', name: 'Puy-de-Dôme' });
  });
});
