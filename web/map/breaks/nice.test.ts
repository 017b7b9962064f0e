import { describe, expect, it } from 'vitest';
import { clean, decimalsOf, roundBreaks, stepLadder } from './nice.ts';

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('stepLadder', () => {
  it('tries whole steps before decimal ones, coarse before fine', () => {
    expect(stepLadder(9).slice(0, 8)).toEqual([5, 2, 1, 2.5, 0.5, 0.2, 0.1, 0.25]);
    expect(stepLadder(100).slice(0, 4)).toEqual([500, 250, 200, 100]);
  });
});

describe('decimalsOf and clean', () => {
  it('counts decimals without floating noise', () => {
    expect(clean(0.1 + 0.2)).toBe(0.3);
    expect(decimalsOf(97)).toBe(0);
    expect(decimalsOf(97.5)).toBe(1);
    expect(decimalsOf(0.25)).toBe(2);
    expect(decimalsOf(clean(0.1 + 0.2))).toBe(1);
  });
});

describe('roundBreaks', () => {
  it('keeps breaks that are already round', () => {
    expect(roundBreaks([25, 50, 75], [0, 10, 60, 100], 'value')).toEqual([25, 50, 75]);
    expect(roundBreaks([3, 5, 7, 9], range(10, (i) => i + 1), 'partition')).toEqual([3, 5, 7, 9]);
  });

  it('rounds to 1, 2, 2.5 or 5 × 10ⁿ within 10 % of the narrower neighbouring class', () => {
    // IPS-like: classes about 5 wide around 100
    const values = range(56, (i) => 75 + i);
    expect(roundBreaks([96.83, 101.27, 104.9, 109.6], values, 'value')).toEqual([97, 101, 105, 110]);
    // Jiang's harmonic series: 0.2929 → 0.3, 0.6111 → 0.6
    const harmonic = range(10, (i) => 1 / (10 - i));
    expect(roundBreaks([0.2929, 0.6111], harmonic, 'value')).toEqual([0.3, 0.6]);
  });

  it('moves a partition break anywhere between the two values it separates', () => {
    // nothing between 23.4 and 31.7: the break 31.7 can become 25 (the coarsest step with a
    // multiple in between) without changing the classes
    expect(roundBreaks([31.7], [10.2, 23.4, 31.7, 44.9], 'partition')).toEqual([25]);
    // as a value break (equal intervals), 31.7 may only move 10 % of its class: 31.7 → 32
    expect(roundBreaks([31.7], [10.2, 23.4, 31.7, 44.9], 'value')).toEqual([32]);
  });

  it('never makes two breaks equal and never empties a class', () => {
    const values = [0.1, 0.11, 0.12, 0.13, 9.9];
    const out = roundBreaks([0.105, 0.115, 0.125], values, 'value');
    expect(new Set(out).size).toBe(3);
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThan(out[i - 1]!);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[out.filter((t) => t <= v).length]! += 1;
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it('keeps every break inside the data range', () => {
    const values = [1, 2, 3, 4, 1000];
    const out = roundBreaks([999], values, 'value');
    expect(out[0]!).toBeGreaterThan(4);
    expect(out[0]!).toBeLessThanOrEqual(1000);
  });
});
