import { describe, expect, it } from 'vitest';
import { equalBreaks, geometricBreaks, headTailBreaks, jenksBreaks, meanSd, quantileBreaks, stddevBreaks } from './methods.ts';

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('quantileBreaks', () => {
  it('splits 1..10 into 5 classes of 2 values', () => {
    expect(quantileBreaks(ONE_TO_TEN, 5)).toEqual([3, 5, 7, 9]);
  });

  it('does not split a run of ties', () => {
    expect(quantileBreaks([1, 1, 1, 1, 1, 1, 2, 3], 4)).toEqual([2, 3]);
  });
});

describe('equalBreaks', () => {
  it('cuts [0, 100] into 4 intervals of 25', () => {
    expect(equalBreaks([0, 10, 60, 100], 4)).toEqual([25, 50, 75]);
  });

  it('gives no break when all values are equal', () => {
    expect(equalBreaks([3, 3], 4)).toEqual([]);
  });
});

describe('jenksBreaks', () => {
  it('puts breaks at the first value of each natural group', () => {
    expect(jenksBreaks([1, 2, 3, 10, 11, 12, 13, 50, 52, 100], 4)).toEqual([10, 50, 100]);
  });
});

describe('stddevBreaks', () => {
  // mean 5, population standard deviation 2
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it('computes mean and population standard deviation', () => {
    expect(meanSd(values)).toEqual({ mean: 5, sd: 2 });
  });

  it('makes the mean a break for an even number of classes', () => {
    expect(stddevBreaks(values, 4)).toEqual([3, 5, 7]);
  });

  it('centres the middle class on the mean for an odd number, dropping breaks outside the data', () => {
    // mean ± 0.5σ = 4, 6; ± 1.5σ = 2 (the minimum: dropped), 8
    expect(stddevBreaks(values, 5)).toEqual([4, 6, 8]);
  });
});

describe('geometricBreaks', () => {
  it('multiplies by the same ratio from min to max', () => {
    // 1 → 1000 in 3 classes: ratio 10
    const b = geometricBreaks([1, 5, 50, 1000], 3);
    expect(b?.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 100]);
  });

  it('refuses values that are zero or negative', () => {
    expect(geometricBreaks([0, 1, 2], 3)).toBeNull();
    expect(geometricBreaks([-1, 1, 2], 3)).toBeNull();
  });
});

describe('headTailBreaks', () => {
  it('splits the harmonic series 1, 1/2, …, 1/10 twice (Jiang 2013)', () => {
    const values = Array.from({ length: 10 }, (_, i) => 1 / (10 - i));
    const { breaks, heavyTailed } = headTailBreaks(values, 9);
    // mean 0.2929 (head 1, 1/2, 1/3: 30 %), then mean of the head 0.6111 (head 1: 33 %)
    expect(breaks.map((b) => Math.round(b * 1e4) / 1e4)).toEqual([0.2929, 0.6111]);
    expect(heavyTailed).toBe(true);
  });

  it('follows the head of a heavy-tailed set and stops at k classes', () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 5, 10, 20, 50, 100];
    // mean 199/15 = 13.27 (head 20, 50, 100: 20 %), then 170/3 = 56.67 (head 100: 33 %)
    expect(headTailBreaks(values, 7).breaks.map((b) => Math.round(b * 100) / 100)).toEqual([13.27, 56.67]);
    expect(headTailBreaks(values, 2).breaks).toHaveLength(1);
  });

  it('says when the data is not heavy-tailed', () => {
    const { breaks, heavyTailed } = headTailBreaks([1, 2, 3, 4, 5, 6], 5);
    // head 4, 5, 6 is 50 % of the values; its own head (6) is 33 %, so it is split again
    expect(heavyTailed).toBe(false);
    expect(breaks).toEqual([3.5, 5]);
  });
});
