import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from './generate.ts';
import { seedHash } from './context.ts';
import { spatialField } from './spatial.ts';
import { syntheticSchools } from './synthetic.ts';

const root = seedHash(DEMO_SEED);

/** A grid of points over metropolitan France, about 11 km apart. */
const grid: [number, number][] = [];
for (let lon = -4.5; lon <= 8; lon += 0.15) for (let lat = 42.5; lat <= 51; lat += 0.1) grid.push([lon, lat]);
const values = grid.map(([lon, lat]) => spatialField(root, lon, lat));

describe('spatial field of the demo layer', () => {
  it('is deterministic, bounded and 0 where the position is unknown', () => {
    expect(spatialField(root, 3.08, 45.78)).toBe(spatialField(seedHash(DEMO_SEED), 3.08, 45.78));
    expect(spatialField(seedHash('another seed'), 3.08, 45.78)).not.toBe(spatialField(root, 3.08, 45.78));
    for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(spatialField(root, null, 45)).toBe(0);
    expect(spatialField(root, 3, undefined)).toBe(0);
    expect(spatialField(root, Number.NaN, 45)).toBe(0);
    expect(spatialField(root, 3, 200)).toBe(0);
  });

  it('is roughly centred, spread, and smooth at the scale of a few km', () => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(0.2);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(1);
    // ~2 km apart: about the same value; ~200 km apart: unrelated
    const meanDiff = (dLon: number, dLat: number): number =>
      grid.reduce((a, [lon, lat]) => a + Math.abs(spatialField(root, lon, lat) - spatialField(root, lon + dLon, lat + dLat)), 0) / grid.length;
    let nearMax = 0;
    for (const [lon, lat] of grid) nearMax = Math.max(nearMax, Math.abs(spatialField(root, lon, lat) - spatialField(root, lon + 0.02, lat + 0.01)));
    expect(nearMax).toBeLessThan(0.25);
    expect(meanDiff(0.02, 0.01)).toBeLessThan(0.05);
    expect(meanDiff(2.5, 1.8)).toBeGreaterThan(0.3);
  });

  it('makes fibre spatially clustered: schools in the best tenth of the field get it earlier', () => {
    const schools = syntheticSchools(20_000, 'spatial');
    const rows = generateDemo(schools, { seed: DEMO_SEED, years: [2022] });
    const geo = schools.map((s) => spatialField(root, s.lon, s.lat));
    const sorted = geo.filter((_, i) => schools[i]?.lon != null).sort((a, b) => a - b);
    const lo = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
    const hi = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
    const fibreShare = (keep: (g: number) => boolean): number => {
      const idx = geo.flatMap((g, i) => (schools[i]?.lon != null && keep(g) ? [i] : []));
      return idx.filter((i) => rows[i]?.accessTech === 'fibre').length / idx.length;
    };
    const gap = fibreShare((g) => g >= hi) - fibreShare((g) => g <= lo);
    expect(gap).toBeGreaterThan(0.1);
    expect(gap).toBeLessThan(0.7);
  });
});
