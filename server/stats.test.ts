import { expect, it } from 'vitest';
import { summarize } from './stats.ts';

it('summarises present values and counts the missing ones', () => {
  const s = summarize([4, null, 1, 3, 2, null]);
  expect(s).toMatchObject({ count: 4, missing: 2, min: 1, max: 4, mean: 2.5, median: 2.5 });
  expect(s.stddev).toBeCloseTo(Math.sqrt(5 / 3), 12); // sample standard deviation of 1..4
  expect(s.deciles[0]).toBe(1);
  expect(s.deciles[10]).toBe(4);
  expect(s.deciles[5]).toBe(2.5);
});

it('handles no values', () => {
  expect(summarize([null])).toMatchObject({ count: 0, missing: 1, min: null, deciles: [] });
});
