// "Worst inequities first": which figures open a profile, in which order.
import { describe, expect, it } from 'vitest';
import { defaultIndicator, gapScore, worstFirst } from './gaps.ts';

type E = Parameters<typeof gapScore>[0];
const e = (indicator: string, index: number | null, over: Partial<E> = {}): E => ({
  indicator,
  theme: 'connectivity',
  direction: 'higher_is_better',
  index,
  value: index === null ? null : 1,
  provenance: 'synthetic',
  ...over,
});

describe('gap score', () => {
  it('is how far behind the parent the territory is, in the indicator’s direction', () => {
    expect(gapScore(e('thd_share', 82))).toBe(18);
    expect(gapScore(e('pupils_per_device', 110, { direction: 'higher_is_worse', theme: 'equipment' }))).toBeCloseTo(10);
    expect(gapScore(e('ent_active_share', 104, { theme: 'usage' }))).toBe(-4);
  });

  it('ignores context, neutral and historical indicators and missing values', () => {
    expect(gapScore(e('ips', 80, { theme: 'context' }))).toBeNull();
    expect(gapScore(e('private_share', 50, { theme: 'context', direction: 'neutral' }))).toBeNull();
    expect(gapScore(e('ftth_share', 60, { provenance: 'historical' }))).toBeNull();
    expect(gapScore(e('fibre_share', null))).toBeNull();
  });
});

describe('worst first', () => {
  const profile = [
    e('population', 10, { theme: 'context', direction: 'neutral' }),
    e('ips', 70, { theme: 'context' }),
    e('thd_share', 91),
    e('fibre_share', 82),
    e('bandwidth_mean', 75),
    e('pupils_per_device', 110.4, { direction: 'higher_is_worse', theme: 'equipment' }),
    e('maintenance_delay_days', 124.5, { direction: 'higher_is_worse', theme: 'equipment' }),
    e('ent_active_share', 100.2, { theme: 'usage' }),
  ];

  it('opens with the three largest gaps, the rest in catalog order', () => {
    const { worst, rest } = worstFirst(profile);
    expect(worst.map((x) => x.indicator)).toEqual(['bandwidth_mean', 'maintenance_delay_days', 'fibre_share']);
    expect(rest.map((x) => x.indicator)).toEqual(['population', 'ips', 'thd_share', 'pupils_per_device', 'ent_active_share']);
  });

  it('shows fewer when the territory is ahead, and none when it is ahead everywhere', () => {
    expect(worstFirst([e('a', 99.5), e('b', 97), e('c', 120)]).worst.map((x) => x.indicator)).toEqual(['b']);
    expect(worstFirst([e('a', 130)]).worst).toEqual([]);
  });

  it('focuses the page on the largest gap, or a default', () => {
    expect(defaultIndicator(profile)).toBe('bandwidth_mean');
    expect(defaultIndicator([e('a', 130)])).toBe('thd_share');
  });
});
