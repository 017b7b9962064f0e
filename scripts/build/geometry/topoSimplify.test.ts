// Unit tests for the topology simplification: equal-area weights, ring protection, shared
// borders simplified identically on both sides.
import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { equalAreaWeight, layerFeatures, simplifyLayer } from './topoSimplify.ts';

const feature = (code: string, ring: Position[]) => ({
  type: 'Feature' as const,
  properties: { code },
  geometry: { type: 'Polygon', coordinates: [ring] } as Polygon,
});

describe('equalAreaWeight', () => {
  it('is the triangle area with longitudes scaled by cos(lat)', () => {
    expect(equalAreaWeight([[0, 0], [1, 0], [0, 1]])).toBeCloseTo(0.5, 12);
    expect(equalAreaWeight([[0, 60], [1, 60], [0, 61]])).toBeCloseTo(0.25, 12);
  });
});

describe('simplifyLayer', () => {
  it('keeps at least 4 distinct vertices of a lone ring, however small', () => {
    const ring: Position[] = [[0, 0], [1e-4, 0], [2e-4, 1e-5], [2e-4, 1e-4], [1e-4, 2e-4], [0, 1e-4], [0, 0]];
    const [out] = layerFeatures(simplifyLayer([feature('a', ring)], { minWeight: 1 }));
    const kept = (out?.geometry as Polygon).coordinates[0] ?? [];
    expect(new Set(kept.map((p) => p.join())).size).toBe(4);
    expect(kept[0]).toEqual(kept[kept.length - 1]);
  });

  it('drops an insignificant vertex and simplifies a shared border the same on both sides', () => {
    // Two squares sharing the edge x = 1, which has a tiny bump at (1.001, 0.5).
    const left = feature('L', [[0, 0], [1, 0], [1.001, 0.5], [1, 1], [0, 1], [0, 0]]);
    const right = feature('R', [[1, 0], [2, 0], [2, 1], [1, 1], [1.001, 0.5], [1, 0]]);
    const kept = (minWeight: number) =>
      layerFeatures(simplifyLayer([left, right], { minWeight })).map((f) => ((f.geometry as Polygon).coordinates[0] ?? []).map((p) => p.join()));
    expect(kept(1e-6).every((ring) => ring.includes('1.001,0.5'))).toBe(true);
    const simplified = kept(1e-3);
    expect(simplified.some((ring) => ring.includes('1.001,0.5'))).toBe(false);
    expect(simplified.map((r) => r.length)).toEqual([5, 5]);
  });

  it('restores the borders of a feature that simplification would make self-intersecting', () => {
    // A notch from the top reaches below y = 0, into a shallow bump of the bottom edge (5, -1):
    // dropping the bump vertex (weight 5 < 7) would make the bottom edge cross the notch.
    const ring: Position[] = [[0, 0], [5, -1], [10, 0], [10, 10], [7, 10], [6, -0.5], [4, -0.5], [3, 10], [0, 10], [0, 0]];
    const layer = simplifyLayer([feature('a', ring)], { minWeight: 7 });
    expect(layer.repaired).toEqual([0]);
    const [out] = layerFeatures(layer);
    expect((out?.geometry as Polygon).coordinates[0]).toEqual(ring);
    expect(simplifyLayer([feature('a', ring)], { minWeight: 4 }).repaired).toEqual([]);
  });
});
