import { describe, expect, it } from 'vitest';
import { ckmeans, ckmeansStarts } from './ckmeans.ts';

/** Brute-force O(k·n²) dynamic programme of the same objective, for comparison. */
function bruteWithinss(sorted: number[], k: number): number {
  const n = sorted.length;
  const ss = (j: number, i: number) => {
    const part = sorted.slice(j, i + 1);
    const m = part.reduce((s, v) => s + v, 0) / part.length;
    return part.reduce((s, v) => s + (v - m) ** 2, 0);
  };
  let prev = Array.from({ length: n }, (_, i) => ss(0, i));
  for (let c = 1; c < k; c++) {
    const next = Array.from({ length: n }, () => Infinity);
    for (let i = c; i < n; i++) for (let j = c; j <= i; j++) next[i] = Math.min(next[i]!, prev[j - 1]! + ss(j, i));
    prev = next;
  }
  return prev[n - 1]!;
}

function withinss(clusters: number[][]): number {
  return clusters.reduce((total, c) => {
    const m = c.reduce((s, v) => s + v, 0) / c.length;
    return total + c.reduce((s, v) => s + (v - m) ** 2, 0);
  }, 0);
}

describe('ckmeans', () => {
  it('finds the three obvious groups of a clustered set', () => {
    // the example of simple-statistics' documentation
    expect(ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3)).toEqual([[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]);
  });

  it('separates well-spaced clusters of unequal sizes', () => {
    const set = [1, 2, 3, 10, 11, 12, 13, 50, 52, 100];
    expect(ckmeans(set, 4)).toEqual([[1, 2, 3], [10, 11, 12, 13], [50, 52], [100]]);
  });

  it('never makes more clusters than distinct values', () => {
    expect(ckmeans([5, 5, 5], 3)).toEqual([[5, 5, 5]]);
    expect(ckmeansStarts([1, 1, 2, 2], 4)).toEqual([0, 2]);
    expect(ckmeansStarts([], 3)).toEqual([]);
  });

  it('reaches the optimum of the brute-force programme on pseudo-random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 20; trial++) {
      const n = 8 + Math.floor(rand() * 40);
      const values = Array.from({ length: n }, () => Math.round(rand() ** 2 * 1000) / 10);
      const sorted = [...values].sort((a, b) => a - b);
      const k = 2 + (trial % 6);
      const distinct = new Set(sorted).size;
      const clusters = ckmeans(values, k);
      expect(clusters).toHaveLength(Math.min(k, distinct));
      expect(withinss(clusters)).toBeCloseTo(bruteWithinss(sorted, Math.min(k, distinct)), 6);
    }
  });

  it('is fast enough for every commune of France (35 000 values, 9 classes)', () => {
    const values = Array.from({ length: 35_000 }, (_, i) => Math.exp(Math.sin(i) * 3) * 100);
    const start = performance.now();
    const clusters = ckmeans(values, 9);
    expect(clusters).toHaveLength(9);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
