/**
 * Number formatting, French by default (`1 234,5`, `45,2 %`), English on demand: written out
 * rather than through Intl.NumberFormat, whose first use loads the locale's data (15-35 ms on
 * this machine, on the map's first view), and tested against it. Like Intl (ICU), a number is
 * rounded from its shortest decimal form (`1.005` → `1,01`), half away from zero.
 */
import { localeOf, type Lang } from './index.ts';

/** Group and decimal separators (CLDR: fr-FR uses a narrow no-break space between groups). */
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  fr: { group: '\u202f', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** `digits` (a string of decimal digits) plus one in its last place. */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/** |value| (finite, below 1e21) with `decimals` decimals: [integer digits, fraction digits]. */
function fixed(abs: number, decimals: number): [string, string] {
  const shortest = String(abs);
  if (shortest.includes('e')) {
    // below 1e-6: zero for every number of decimals a table shows; else the exact binary value
    return decimals < 6 ? ['0', '0'.repeat(decimals)] : split(abs.toFixed(decimals), decimals);
  }
  const [int = '0', frac = ''] = shortest.split('.');
  if (frac.length <= decimals) return [int, frac.padEnd(decimals, '0')];
  const kept = int + frac.slice(0, decimals);
  const rounded = frac.charCodeAt(decimals) >= 53 /* '5' */ ? increment(kept) : kept;
  return [rounded.slice(0, rounded.length - decimals) || '0', rounded.slice(rounded.length - decimals)];
}

function split(text: string, decimals: number): [string, string] {
  const [int = '0', frac = ''] = text.split('.');
  return [int, frac.padEnd(decimals, '0')];
}

/** `value` with `decimals` decimals in the conventions of `lang`. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  const abs = Math.abs(value);
  if (!Number.isFinite(value) || abs >= 1e21) {
    return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  }
  const { group, decimal } = SEPARATORS[lang];
  const [int, frac] = fixed(abs, decimals);
  let grouped = int;
  for (let i = int.length - 3; i > 0; i -= 3) grouped = `${grouped.slice(0, i)}${group}${grouped.slice(i)}`;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${decimals > 0 ? decimal + frac : ''}`;
}

/**
 * A value followed by its unit: French puts a no-break space before every unit (`45,2 %`),
 * English none before `%` (`45.2%`). An empty unit gives the bare number.
 */
export function formatValue(lang: Lang, value: number, decimals: number, unit: string): string {
  const n = formatNumber(lang, value, decimals);
  if (!unit) return n;
  if (unit === '%' && lang === 'en') return `${n}%`;
  return `${n}\u00a0${unit}`;
}

/** A class range `min – max` (or a single number when both round to the same text). */
export function formatRange(lang: Lang, min: number, max: number, decimals: number): string {
  const a = formatNumber(lang, min, decimals);
  const b = formatNumber(lang, max, decimals);
  return a === b ? a : `${a} – ${b}`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A date (ISO string) as a long local date (`5 mars 2026`, `5 March 2026`: Intl's `dateStyle:
 * 'long'` in fr-FR and en-GB, tested against it), or the input when it is not a date. Written out
 * rather than through Intl.DateTimeFormat, whose first use loads the locale's calendar data
 * (5-10 ms on the map's first view, for one date in its source line).
 */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getDate()} ${MONTHS[lang][d.getMonth()]} ${d.getFullYear()}`;
}
