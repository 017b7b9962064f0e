// The whole equity block on a small hand-made territory: four communes in two départements over
// two years, contiguous in a chain.
import { describe, expect, it } from 'vitest';
import { equityBlock, measuresOf, type BlockInput } from './block.ts';
import { gini, theil } from './inequality.ts';

const input = (): BlockInput => ({
  year: 2025,
  years: [2024, 2025],
  units: {
    codes: ['c1', 'c2', 'c3', 'c4'],
    groups: ['d1', 'd1', 'd2', 'd2'],
    lon: Float64Array.from([0, 1, 2, 3]),
    lat: new Float64Array(4),
    values: new Map([
      [2024, Float64Array.from([0, 0, 100, 100])],
      [2025, Float64Array.from([50, 0, 100, NaN])],
    ]),
    weights: new Map([
      [2024, Float64Array.from([1, 1, 1, 1])],
      [2025, Float64Array.from([2, 1, 1, NaN])],
    ]),
  },
  grouped: true,
  neighbourhood: { kind: 'contiguity', a: Int32Array.from([0, 1, 2]), b: Int32Array.from([1, 2, 3]) },
  gapRows: [
    { dimension: 'density', class: 'rural', year: 2025, num: 1, den: 3, schools: 3, communes: 2 },
    { dimension: 'density', class: 'dense', year: 2025, num: 1, den: 1, schools: 1, communes: 1 },
    { dimension: 'density', class: 'rural', year: 2024, num: 0, den: 2, schools: 2, communes: 2 },
    { dimension: 'density', class: 'dense', year: 2024, num: 2, den: 2, schools: 2, communes: 2 },
  ],
  ipsRows: [],
  ipsObservations: 'schools',
  valueOf: (num, den) => (num === null || !den ? null : (100 * num) / den),
  permutations: 99,
  seed: 1,
  significance: 0.05,
});

describe('equity block', () => {
  it('measures the requested year over the units with a value, weighted', async () => {
    const b = await equityBlock(input());
    // 2025: values 50 (w 2), 0 (w 1), 100 (w 1); c4 has no value
    expect(b.measures.units).toBe(3);
    expect(b.measures.mean).toBeCloseTo(50, 14);
    expect(b.measures.gini).toBeCloseTo(gini({ values: [50, 0, 100], weights: [2, 1, 1] }) as number, 15);
    const t = theil({ values: [50, 0, 100], weights: [2, 1, 1] }, ['d1', 'd1', 'd2']);
    expect(b.measures.theil?.between).toBeCloseTo(t?.between as number, 15);
    expect(b.measures.theil?.groups.map((g) => g.code)).toEqual(['d1', 'd2']);
    expect(b.gaps.density?.gap.value).toBeCloseTo(100 - 100 / 3, 12);
    expect(b.gaps.ips_gradient).toBeNull();
  });

  it('follows every measure over the years', async () => {
    const b = await equityBlock(input());
    expect(b.trend.map((t) => t.measure)).toEqual(['gini', 'theil', 'theil_between', 'cv', 'p90_p10', 'top_bottom_fifth_gap', 'moran_i', 'density_gap', 'sector_gap', 'ips_slope']);
    const g = b.trend.find((t) => t.measure === 'gini');
    expect(g?.values[0]).toBeCloseTo(0.5, 15); // 0, 0, 100, 100: Σ|yi − yj| = 8·100, /(2·16·50)
    expect(g?.direction).toBe('narrowing');
    expect(b.trend.find((t) => t.measure === 'density_gap')).toMatchObject({ first: 100, direction: 'narrowing' });
  });

  it('runs the spatial statistics over the units with a value (c4 left out in 2025), none under 4 units', async () => {
    const b = await equityBlock(input());
    expect(b.spatial).toMatchObject({ units: 3, moran: null, lisa: null });
    const all = input();
    all.units.values.set(2025, Float64Array.from([50, 0, 100, 100]));
    all.units.weights.set(2025, Float64Array.from([2, 1, 1, 1]));
    expect((await equityBlock(all)).spatial.moran).toMatchObject({ seed: 1, permutations: 99, expected: -1 / 3 });
  });

  it('has empty measures when no unit has a value', () => {
    expect(measuresOf(Float64Array.from([NaN]), Float64Array.from([1]), null)).toMatchObject({ units: 0, gini: null, theil: null });
  });

  it('has no trend for a single-year indicator', async () => {
    const b = await equityBlock({ ...input(), years: [2025] });
    expect(b.trend).toEqual([]);
  });
});
