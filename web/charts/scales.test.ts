// The shared scales and formatting of the charts: French numbers, shared domains, ticks, spreading labels.
import { describe, expect, it } from 'vitest';
import { fmt, fmtSigned, linear, sharedDomain, spread, stepDecimals, ticksOf } from './scales.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
  it('writes French numbers with a space for thousands, a decimal comma and a space before the unit', () => {
    expect(plain(fmt('fr', 1234.5, 1, '%'))).toBe('1 234,5 %');
    expect(fmt('fr', 58.24, 1, '%')).toBe('58,2\u00a0%');
    expect(fmt('en', 1234.5, 1, '%')).toBe('1,234.5%');
    expect(fmt('fr', null, 1, '%')).toBe('—');
  });

  it('signs differences with a true minus, and zero without a sign', () => {
    expect(fmtSigned('fr', -6.8, 1, 'Mbit/s')).toBe('−6,8\u00a0Mbit/s');
    expect(fmtSigned('en', 3.21, 1, 'points')).toBe('+3.2\u00a0points');
    expect(fmtSigned('fr', -0.01, 1)).toBe('0,0');
  });
});

describe('shared domains', () => {
  it('puts percentages on 0–100', () => {
    expect(sharedDomain([58, 72.1, null], '%')).toEqual([0, 100]);
  });
  it('starts other non-negative values at zero, on a nice maximum', () => {
    expect(sharedDomain([181, 265, 241], 'Mbit/s')).toEqual([0, 300]);
  });
  it('keeps a nice [min, max] when asked not to start at zero', () => {
    expect(sharedDomain([105.3, 107.7], '', false)).toEqual([105, 108]);
  });
  it('survives no values and a single value', () => {
    expect(sharedDomain([], 'x')).toEqual([0, 1]);
    expect(sharedDomain([0, 0], 'x')).toEqual([0, 1]);
  });
});

describe('ticks', () => {
  it('label round ticks with as many decimals as the step needs', () => {
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(5)).toBe(0);
    const ticks = ticksOf('fr', linear([0, 2], [0, 100]), 4);
    expect(ticks.map((t) => t.label)).toEqual(['0,0', '0,5', '1,0', '1,5', '2,0']);
    expect(ticks[2]?.pos).toBe(50);
  });
});

describe('spread', () => {
  it('moves labels apart by at least the gap, keeping their order, within bounds', () => {
    const out = spread([50, 52, 10], 10, 0, 60);
    expect(out[2]).toBe(10);
    expect((out[1] as number) - (out[0] as number)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...out)).toBeLessThanOrEqual(60);
  });
});
