// Weighted least squares from centred moments: exact lines, a hand-computed weighted case, and
// weights acting as repeated observations.
import { describe, expect, it } from 'vitest';
import { fitFromMoments, moments } from './regression.ts';

describe('weighted least squares', () => {
  it('recovers an exact line with r² = 1', () => {
    const fit = fitFromMoments(moments([1, 2, 3, 4], [5, 8, 11, 14]));
    expect(fit?.slope).toBeCloseTo(3, 14);
    expect(fit?.intercept).toBeCloseTo(2, 14);
    expect(fit?.r2).toBeCloseTo(1, 14);
  });

  it('matches a hand computation with weights', () => {
    // x = 0, 1, 2; y = 0, 1, 5; w = 1, 1, 2: Σw = 4, x̄ = 5/4, ȳ = 11/4,
    // Sxx = 1.5625 + 0.0625 + 2·0.5625 = 2.75, Sxy = 3.4375 + 0.4375 + 2·1.6875 = 7.25,
    // Syy = 7.5625 + 3.0625 + 2·5.0625 = 20.75 → b = 7.25/2.75, a = 11/4 − b·5/4, r² = 7.25²/(2.75·20.75)
    const m = moments([0, 1, 2], [0, 1, 5], [1, 1, 2]);
    expect(m).toEqual({ sw: 4, mx: 1.25, my: 2.75, sxx: 2.75, sxy: 7.25, syy: 20.75 });
    const fit = fitFromMoments(m);
    expect(fit?.slope).toBeCloseTo(7.25 / 2.75, 14);
    expect(fit?.intercept).toBeCloseTo(2.75 - (7.25 / 2.75) * 1.25, 14);
    expect(fit?.r2).toBeCloseTo((7.25 * 7.25) / (2.75 * 20.75), 14);
  });

  it('treats integer weights as repeated observations', () => {
    const a = fitFromMoments(moments([0, 1, 2], [0, 1, 5], [1, 1, 2]));
    const b = fitFromMoments(moments([0, 1, 2, 2], [0, 1, 5, 5]));
    expect(a?.slope).toBeCloseTo(b?.slope as number, 14);
    expect(a?.intercept).toBeCloseTo(b?.intercept as number, 14);
    expect(a?.r2).toBeCloseTo(b?.r2 as number, 14);
  });

  it('skips non-finite values and non-positive weights; null when x does not vary', () => {
    expect(moments([0, 1, NaN, 2], [0, 1, 7, 2], [1, 1, 1, 0]).sw).toBe(2);
    expect(fitFromMoments(moments([3, 3, 3], [1, 2, 3]))).toBeNull();
    expect(fitFromMoments(moments([1, 2, 3], [4, 4, 4]))).toEqual({ slope: 0, intercept: 4, r2: null });
  });
});
