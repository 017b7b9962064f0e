// The analysis graph (restriction to units with a value, islands, exclusions) and the spatial
// block's shape.
import { describe, expect, it } from 'vitest';
import { moranI } from './moran.ts';
import { analysisGraph, moranOnly, spatialStatistics, type SpatialUnits } from './spatial.ts';

const rowsOf = (ag: ReturnType<typeof analysisGraph>) =>
  Array.from({ length: ag.graph.n }, (_, i) => Array.from(ag.graph.neighbors.subarray(ag.graph.offsets[i], ag.graph.offsets[i + 1]), (j) => ag.index[j]));

describe('analysis graph', () => {
  // A–B–C contiguous; D an island near C; E an island without position
  const units: SpatialUnits = { codes: ['A', 'B', 'C', 'D', 'E'], lon: Float64Array.from([0, 1, 2, 2.5, NaN]), lat: new Float64Array(5) };
  const nb = { kind: 'contiguity' as const, a: Int32Array.from([0, 1]), b: Int32Array.from([1, 2]) };

  it('attaches islands to their nearest unit and leaves out units without position', () => {
    const ag = analysisGraph(units, nb, [true, true, true, true, true]);
    expect(Array.from(ag.index)).toEqual([0, 1, 2, 3]);
    expect(rowsOf(ag)).toEqual([[1], [0, 2], [1, 3], [2]]);
    expect(ag).toMatchObject({ attached: 1, excluded: 1 });
    expect(Array.from(ag.graph.weights)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 1]);
  });

  it('restricts contiguity to units with a value: a unit cut off becomes an island', () => {
    const ag = analysisGraph(units, nb, [true, false, true, true, false]);
    // without B, A and C lost their only neighbour: A and C are attached to their nearest kept
    // unit (C and D), and so is D (to C)
    expect(rowsOf(ag)).toEqual([[2], [0, 3], [2]]);
    expect(ag.attached).toBe(3);
  });

  it('uses k nearest neighbours for points', () => {
    const ag = analysisGraph(units, { kind: 'knn', k: 2 }, [true, true, true, true, true]);
    expect(rowsOf(ag)).toEqual([[1, 2], [0, 2], [1, 3], [1, 2]]);
    expect(ag).toMatchObject({ attached: 0, excluded: 1 });
  });
});

describe('spatial statistics', () => {
  // 6 × 6 rook lattice as contiguity pairs, values rising towards one corner
  const n = 36;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 6; i++)
    for (let j = 0; j < 6; j++) {
      if (j < 5) {
        a.push(i * 6 + j);
        b.push(i * 6 + j + 1);
      }
      if (i < 5) {
        a.push(i * 6 + j);
        b.push(i * 6 + j + 6);
      }
    }
  const units: SpatialUnits = { codes: Array.from({ length: n }, (_, k) => `u${String(k).padStart(2, '0')}`), lon: new Float64Array(n), lat: new Float64Array(n) };
  const values = Float64Array.from({ length: n }, (_, k) => Math.floor(k / 6) + (k % 6));
  const ag = analysisGraph(units, { kind: 'contiguity', a: Int32Array.from(a), b: Int32Array.from(b) }, Array(n).fill(true));

  it('reports Moran’s I with its seed and only the significant LISA units, sorted', async () => {
    const s = await spatialStatistics(units, values, ag, { permutations: 999, seed: 3, significance: 0.05 });
    expect(s.moran?.I).toBeCloseTo(moranI(values, ag.graph) as number, 14);
    expect(s.moran).toMatchObject({ permutations: 999, seed: 3, p_value: 0.001 });
    const counts = s.lisa?.counts as Record<string, number>;
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(36);
    expect(s.lisa?.clusters.length).toBe(36 - (counts['not-significant'] as number));
    expect(s.lisa?.clusters.find((c) => c.code === 'u00')).toMatchObject({ cluster: 'low-low', value: 0 });
    expect(s.lisa?.clusters.find((c) => c.code === 'u35')).toMatchObject({ cluster: 'high-high', value: 10 });
    const order = s.lisa?.clusters.map((c) => c.cluster) ?? [];
    expect(order).toEqual([...order].sort((x, y) => ['high-high', 'low-high', 'low-low', 'high-low'].indexOf(x) - ['high-high', 'low-high', 'low-low', 'high-low'].indexOf(y)));
  });

  it('is reproducible and computes I alone for the trend', async () => {
    const opts = { permutations: 99, seed: 11, significance: 0.05 };
    expect(await spatialStatistics(units, values, ag, opts)).toEqual(await spatialStatistics(units, values, ag, opts));
    expect(moranOnly(values, ag)).toBeCloseTo(moranI(values, ag.graph) as number, 15);
  });

  it('has no statistics for a constant variable', async () => {
    const s = await spatialStatistics(units, new Float64Array(n).fill(5), ag, { permutations: 99, seed: 1, significance: 0.05 });
    expect(s).toMatchObject({ units: 36, moran: null, lisa: null });
  });
});
