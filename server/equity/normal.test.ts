// The normal tail against reference values computed with CPython's math.erfc (which follows
// Cody's rational approximations to full double precision), and classic quantiles.
import { describe, expect, it } from 'vitest';
import { erfc, twoSided, upperTail } from './normal.ts';

describe('erfc and the normal tail', () => {
  it('matches math.erfc across the series / continued-fraction switch', () => {
    const ref: [number, number][] = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [1.99, 0.004888586800383003],
      [2, 0.004677734981047265],
      [2.5, 0.0004069520174449589],
      [3, 2.2090496998585438e-5],
      [5, 1.5374597944280351e-12],
      [10, 2.088487583762545e-45],
    ];
    for (const [x, v] of ref) expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-12);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
  });

  it('gives the classic normal quantiles', () => {
    expect(upperTail(0)).toBe(0.5);
    expect(upperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(twoSided(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSided(0)).toBe(1);
  });
});
