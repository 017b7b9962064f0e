import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatRange, formatValue } from './format.ts';
import { localeOf } from './index.ts';
import { pick, t } from './index.ts';

/** Intl uses narrow or plain no-break spaces: normalise them to compare. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it('uses French separators by default conventions', () => {
    expect(plain(formatNumber('fr', 1234.5, 1))).toBe('1 234,5');
    expect(plain(formatNumber('fr', 1234567))).toBe('1 234 567');
    expect(formatNumber('fr', 0.25, 2)).toBe('0,25');
  });

  it('uses English separators in English', () => {
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
  });

  it('rounds to the requested decimals', () => {
    expect(formatNumber('fr', 99.96, 1)).toBe('100,0');
    expect(formatNumber('en', 2.5, 0)).toBe('3');
    // from the shortest decimal form, as Intl (ICU) does, not the binary value (toFixed: 1.00)
    expect(formatNumber('en', 1.005, 2)).toBe('1.01');
  });

  it('writes what Intl.NumberFormat writes, in both languages', () => {
    const special = [0, -0, 0.5, -0.5, 1.005, 1.045, 8.345, 999.95, 999.5, -0.01, -0.04, 1e-7, -3e-9, 0.000123, 123456789.125, 1e20, 1e21, -2.5e21, NaN, Infinity, -Infinity];
    // a fixed pseudo-random sample over many magnitudes, with values on a rounding edge
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const sample = Array.from({ length: 3000 }, (_, i) => {
      const magnitude = 10 ** Math.floor(random() * 12 - 4);
      const value = Math.round(random() * 1e4) / 1e4 * magnitude;
      const edge = i % 3 === 0 ? Math.round(value * 1000) / 1000 + 0.0005 : value;
      return random() < 0.3 ? -edge : edge;
    });
    for (const lang of ['fr', 'en'] as const) {
      for (const decimals of [0, 1, 2, 3]) {
        const intl = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        for (const value of [...special, ...sample]) expect(formatNumber(lang, value, decimals), `${value} (${decimals})`).toBe(intl.format(value));
      }
    }
  });
});

describe('formatValue', () => {
  it('puts a no-break space before the unit in French', () => {
    expect(formatValue('fr', 45.25, 1, '%')).toBe('45,3\u00a0%');
    expect(plain(formatValue('fr', 1234, 0, 'hab.'))).toBe('1 234 hab.');
  });

  it('glues % in English and keeps a space before words', () => {
    expect(formatValue('en', 45.25, 1, '%')).toBe('45.3%');
    expect(formatValue('en', 12, 0, 'pupils')).toBe('12\u00a0pupils');
  });

  it('gives the bare number when the unit is empty', () => {
    expect(formatValue('fr', 103.44, 1, '')).toBe('103,4');
  });
});

describe('formatRange and formatDate', () => {
  it('formats a class range and collapses equal ends', () => {
    expect(formatRange('fr', 1.04, 2.5, 1)).toBe('1,0 – 2,5');
    expect(formatRange('fr', 3, 3.01, 1)).toBe('3,0');
  });

  it('formats dates and passes non-dates through', () => {
    expect(formatDate('fr', '2026-03-05T10:00:00Z')).toBe('5 mars 2026');
    // as Intl's long date, in both languages, for every month
    for (let m = 0; m < 12; m++) {
      const iso = new Date(2026, m, 1 + m * 2, 12).toISOString();
      for (const lang of ['fr', 'en'] as const) {
        expect(formatDate(lang, iso)).toBe(new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long' }).format(new Date(iso)));
      }
    }
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});

describe('t and pick', () => {
  it('substitutes parameters and leaves unknown ones visible', () => {
    expect(t('fr', 'tooltip.schools', { n: 12 })).toBe('12 établissements');
    expect(t('en', 'tooltip.schools')).toBe('{n} schools');
  });

  it('picks the language of an API label, falling back to French', () => {
    expect(pick('en', { fr: 'Usages', en: 'Usage' })).toBe('Usage');
    expect(pick('en', { fr: 'Usages', en: '' })).toBe('Usages');
  });
});
