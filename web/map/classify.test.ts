import { describe, expect, it } from 'vitest';
import { classIndex, classify, type Classification } from './classify.ts';

const counts = (c: Classification) => c.bins.map((b) => b.count);
const ONE_TO_TEN = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('classify: quantiles (default)', () => {
  it('splits 10 distinct values into 5 classes of 2', () => {
    const c = classify(ONE_TO_TEN);
    expect(c.thresholds).toEqual([3, 5, 7, 9]);
    expect(counts(c)).toEqual([2, 2, 2, 2, 2]);
    expect(c.bins[0]).toEqual({ min: 1, max: 2, count: 2, lower: 1, upper: 3 });
    expect(c.bins[4]).toEqual({ min: 9, max: 10, count: 2, lower: 9, upper: 10 });
    expect(c.noData).toBe(0);
    expect(c.method).toBe('quantile');
  });

  it('counts null, undefined and NaN as no data', () => {
    const c = classify([1, null, 2, undefined, Number.NaN, 3]);
    expect(c.noData).toBe(3);
    expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('never puts equal values in two classes and never makes empty classes', () => {
    const c = classify([1, 1, 1, 1, 1, 1, 2, 3]);
    expect(c.bins.every((b) => b.count > 0)).toBe(true);
    expect(c.bins[0]).toMatchObject({ min: 1, max: 1, count: 6 });
    expect(c.thresholds).toEqual([2, 3]);
    expect(c.notes).toEqual(['fewValues']);
  });

  it('makes one class when all values are equal, none when there are no values', () => {
    expect(classify([4, 4, 4]).bins).toEqual([{ min: 4, max: 4, count: 3, lower: 4, upper: 4 }]);
    expect(classify([null, null])).toMatchObject({ thresholds: [], bins: [], noData: 2 });
  });

  it('keeps every value within its class bounds for an uneven count', () => {
    const values = Array.from({ length: 101 }, (_, i) => Math.sin(i) * 50 + 100);
    const c = classify(values);
    expect(c.bins).toHaveLength(5);
    for (const v of values) {
      const bin = c.bins[classIndex(c.thresholds, v)]!;
      expect(v).toBeGreaterThanOrEqual(bin.lower);
      expect(v).toBeLessThanOrEqual(bin.upper);
    }
  });
});

describe('classify: other methods', () => {
  it('equal intervals of [0, 100] into 4', () => {
    const c = classify([0, 10, 20, 60, 100], { method: 'equal', classes: 4 });
    expect(c.thresholds).toEqual([25, 50, 75]);
    expect(counts(c)).toEqual([3, 0, 1, 1]); // an empty class in a gap of the data is kept
  });

  it('natural breaks of a clustered set', () => {
    const c = classify([1, 2, 3, 10, 11, 12, 13, 50, 52, 100], { method: 'jenks', classes: 4 });
    expect(counts(c)).toEqual([3, 4, 2, 1]);
    // any break in (3, 10], (13, 50], (52, 100] gives these classes: the roundest (10 over 5) is kept
    expect(c.thresholds).toEqual([10, 50, 100]);
  });

  it('mean ± standard deviation', () => {
    const c = classify([2, 4, 4, 4, 5, 5, 7, 9], { method: 'stddev', classes: 4 });
    expect(c.thresholds).toEqual([3, 5, 7]);
    expect(counts(c)).toEqual([1, 3, 2, 2]);
    expect(c).toMatchObject({ mean: 5, sd: 2 });
  });

  it('geometric progression, and its fallback on values that are not all positive', () => {
    const c = classify([1, 5, 50, 1000], { method: 'geometric', classes: 3 });
    expect(c.thresholds).toEqual([10, 100]);
    const z = classify([0, 25, 50, 100], { method: 'geometric', classes: 4 });
    expect(z.method).toBe('equal');
    expect(z.notes).toContain('geometricNonPositive');
    expect(z.thresholds).toEqual([25, 50, 75]);
  });

  it('head/tail breaks on a heavy-tailed set, rounded', () => {
    const harmonic = Array.from({ length: 10 }, (_, i) => 1 / (i + 1));
    const c = classify(harmonic, { method: 'headtail', classes: 7 });
    expect(c.thresholds).toEqual([0.3, 0.6]);
    expect(counts(c)).toEqual([7, 2, 1]);
  });

  it('manual breaks, kept as typed, even when classes come out empty', () => {
    const c = classify([95, 97, 101, 104, 120], { method: 'manual', breaks: [90, 100, 110] });
    expect(c.thresholds).toEqual([90, 100, 110]);
    expect(counts(c)).toEqual([0, 2, 2, 1]);
    expect(c.bins[0]).toMatchObject({ lower: 95, upper: 90, count: 0 });
  });
});

describe('classIndex', () => {
  it('puts a value equal to a threshold in the upper class', () => {
    expect(classIndex([3, 5], 2.9)).toBe(0);
    expect(classIndex([3, 5], 3)).toBe(1);
    expect(classIndex([3, 5], 5)).toBe(2);
    expect(classIndex([], 42)).toBe(0);
  });
});
