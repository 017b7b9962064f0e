import { describe, expect, it } from 'vitest';
import { aggregateOf, meanOf } from './reference.ts';

const rows = [
  { value: 50, num: 1, den: 2 },
  { value: 75, num: 3, den: 4 },
  { value: null, num: null, den: null },
];

describe('reference values', () => {
  it('is the ratio of sums for a ratio indicator (the parent’s own value)', () => {
    // (1 + 3) / (2 + 4) × 100, not the mean of 50 and 75
    expect(aggregateOf(rows, { scale: 100, denominator: { fr: 'x', en: 'x' } })).toEqual({ value: (400 / 6), kind: 'ratio' });
  });

  it('falls back to the mean per territory for counts (no denominator)', () => {
    expect(aggregateOf(rows, { scale: 1, denominator: null })).toEqual({ value: 62.5, kind: 'mean' });
  });

  it('is null without values', () => {
    expect(meanOf([])).toBeNull();
    expect(aggregateOf([{ value: null, num: null, den: null }], { scale: 1, denominator: {} })).toBeNull();
  });
});
