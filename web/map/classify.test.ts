import { describe, expect, it } from 'vitest';
import { classIndex, classify } from './classify.ts';

describe('classify', () => {
  it('splits 10 distinct values into 5 classes of 2', () => {
    const c = classify([10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.thresholds).toEqual([3, 5, 7, 9]);
    expect(c.bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
    expect(c.bins[0]).toEqual({ min: 1, max: 2, count: 2 });
    expect(c.bins[4]).toEqual({ min: 9, max: 10, count: 2 });
    expect(c.noData).toBe(0);
  });

  it('counts null, undefined and NaN as no data', () => {
    const c = classify([1, null, 2, undefined, Number.NaN, 3]);
    expect(c.noData).toBe(3);
    expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('never puts equal values in two classes and never makes empty classes', () => {
    const c = classify([1, 1, 1, 1, 1, 1, 2, 3]);
    expect(c.bins.every((b) => b.count > 0)).toBe(true);
    expect(c.bins[0]).toEqual({ min: 1, max: 1, count: 6 });
    expect(c.thresholds).toEqual([2, 3]);
  });

  it('makes one class when all values are equal, none when there are no values', () => {
    expect(classify([4, 4, 4]).bins).toEqual([{ min: 4, max: 4, count: 3 }]);
    expect(classify([null, null])).toEqual({ thresholds: [], bins: [], noData: 2 });
  });

  it('keeps every value within its class range for an uneven count', () => {
    const values = Array.from({ length: 101 }, (_, i) => Math.sin(i) * 50 + 100);
    const c = classify(values);
    expect(c.bins).toHaveLength(5);
    expect(c.bins.map((b) => b.count)).toEqual([21, 20, 20, 20, 20]);
    for (const v of values) {
      const bin = c.bins[classIndex(c.thresholds, v)];
      expect(v).toBeGreaterThanOrEqual(bin!.min);
      expect(v).toBeLessThanOrEqual(bin!.max);
    }
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
