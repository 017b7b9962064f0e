import { describe, expect, it } from 'vitest';
import { formatBreaks, parseBreaks } from './manual.ts';

describe('parseBreaks', () => {
  it('reads commas, spaces and semicolons, and sorts', () => {
    expect(parseBreaks('90, 100, 110')).toEqual({ ok: true, breaks: [90, 100, 110] });
    expect(parseBreaks('110 90 100')).toEqual({ ok: true, breaks: [90, 100, 110] });
    expect(parseBreaks('97,5 ; 102 ; 1,25')).toEqual({ ok: true, breaks: [1.25, 97.5, 102] });
    expect(parseBreaks('0.5,1.5,-2')).toEqual({ ok: true, breaks: [-2, 0.5, 1.5] });
    expect(parseBreaks(' −3 ; 4 ')).toEqual({ ok: true, breaks: [-3, 4] });
  });

  it('explains what is wrong', () => {
    expect(parseBreaks('  ')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseBreaks('90, abc, 110')).toEqual({ ok: false, error: { code: 'notNumber', token: 'abc' } });
    expect(parseBreaks('90')).toEqual({ ok: false, error: { code: 'count', min: 2, max: 8, got: 1 } });
    expect(parseBreaks('1 2 3 4 5 6 7 8 9')).toMatchObject({ ok: false, error: { code: 'count', got: 9 } });
    expect(parseBreaks('90, 100, 90')).toEqual({ ok: false, error: { code: 'duplicate', value: 90 } });
    expect(parseBreaks('1e3, 5')).toMatchObject({ ok: false, error: { code: 'notNumber' } });
  });

  it('writes breaks back for the text field', () => {
    expect(formatBreaks([90, 100.5, 110])).toBe('90, 100.5, 110');
  });
});
