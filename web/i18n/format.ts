/**
 * Number formatting through Intl: French by default (`1 234,5`, `45,2 %`), English on demand.
 * Formatters are cached per locale and number of decimals.
 */
import { localeOf, type Lang } from './index.ts';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}|${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

/** `value` with `decimals` decimals in the conventions of `lang`. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  return formatter(lang, decimals).format(value);
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
