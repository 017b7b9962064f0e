// Spatial weights: CSR construction, subsets, row standardisation, k nearest neighbours on the
// sphere (checked against brute-force haversine), libpysal-style island attachment.
import { describe, expect, it } from 'vitest';
import { seededRng } from './random.ts';
import { attachIslands, degrees, graphFromLinks, graphFromPairs, haversineKm, knnGraph, rowStandardised, subgraph, type Graph } from './weights.ts';

const rows = (g: Graph) => Array.from({ length: g.n }, (_, i) => Array.from(g.neighbors.subarray(g.offsets[i], g.offsets[i + 1])));

describe('graphs from links', () => {
  it('sorts rows and drops duplicates, self-links and out-of-range ids', () => {
    const g = graphFromLinks(3, [0, 0, 0, 1, 2, 2, 5], [2, 1, 2, 1, 0, -1, 0]);
    expect(rows(g)).toEqual([[1, 2], [], [0]]);
    expect(Array.from(degrees(g))).toEqual([2, 0, 1]);
  });

  it('makes symmetric contiguity from pairs', () => {
    expect(rows(graphFromPairs(4, [0, 1, 1], [1, 2, 3]))).toEqual([[1], [0, 2, 3], [1], [1]]);
  });

  it('row-standardises and keeps empty rows empty', () => {
    const g = rowStandardised(graphFromPairs(4, [0, 1], [1, 2]));
    expect(Array.from(g.weights)).toEqual([1, 0.5, 0.5, 1]);
    expect(degrees(g)[3]).toBe(0);
  });

  it('restricts to a subset, renumbering', () => {
    const { graph, index } = subgraph(graphFromPairs(4, [0, 1, 2], [1, 2, 3]), [true, false, true, true]);
    expect(Array.from(index)).toEqual([0, 2, 3]);
    expect(rows(graph)).toEqual([[], [2], [1]]);
  });
});

describe('great-circle distances and nearest neighbours', () => {
  it('one degree of longitude on the equator is 6371·π/180 km', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo((6371 * Math.PI) / 180, 9);
    expect(haversineKm(3, 45, 3, 46)).toBeCloseTo((6371 * Math.PI) / 180, 9);
  });

  it('finds the k nearest on a line of points', () => {
    // longitudes 0, 1, 2.2, 4.5, 8.5 on the equator
    const lon = [0, 1, 2.2, 4.5, 8.5];
    const g = knnGraph(lon, [0, 0, 0, 0, 0], 2);
    expect(rows(g)).toEqual([[1, 2], [0, 2], [0, 1], [1, 2], [2, 3]]);
    const one = knnGraph(lon, [0, 0, 0, 0, 0], 1);
    expect(rows(one)).toEqual([[1], [0], [1], [2], [3]]);
  });

  it('agrees with brute-force haversine on 600 random points over France', () => {
    const rng = seededRng(3);
    const n = 600;
    const lon = Array.from({ length: n }, () => -5 + rng() * 13);
    const lat = Array.from({ length: n }, () => 42 + rng() * 9);
    const g = knnGraph(lon, lat, 8);
    for (let i = 0; i < n; i += 7) {
      const brute = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i)
        .sort((a, b) => haversineKm(lon[i] as number, lat[i] as number, lon[a] as number, lat[a] as number) - haversineKm(lon[i] as number, lat[i] as number, lon[b] as number, lat[b] as number))
        .slice(0, 8)
        .sort((a, b) => a - b);
      expect(rows(g)[i]).toEqual(brute);
    }
  });

  it('handles many units at the same place (schools at their commune’s point)', () => {
    const lon = [3, 3, 3, 3, 3, 4];
    const lat = [45, 45, 45, 45, 45, 45];
    expect(rows(knnGraph(lon, lat, 2))).toEqual([[1, 2], [0, 2], [0, 1], [0, 1], [0, 1], [0, 1]]);
  });

  it('gives units without a position no neighbours, and never as neighbours', () => {
    const g = knnGraph([0, NaN, 1, 2], [0, 0, 0, 0], 2);
    expect(rows(g)).toEqual([[2, 3], [], [0, 3], [0, 2]]);
  });
});

describe('islands', () => {
  it('are linked both ways to their nearest unit (libpysal attach_islands)', () => {
    // 0–1 contiguous; 2 is an island nearest to 1; 3 is an island without a position
    const g = graphFromPairs(4, [0], [1]);
    const { graph, attached } = attachIslands(g, [0, 1, 1.5, NaN], [0, 0, 0, NaN]);
    expect(attached).toBe(1);
    expect(rows(graph)).toEqual([[1], [0, 2], [1], []]);
  });

  it('leave a graph without islands untouched', () => {
    const g = graphFromPairs(2, [0], [1]);
    expect(attachIslands(g, [0, 1], [0, 0]).graph).toBe(g);
  });
});
