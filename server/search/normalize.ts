/**
 * Search text normalisation, the TypeScript twin of `search_norm` in
 * scripts/build/sql/search_index.sql (the build normalises names, this module the query, and
 * test/server/search.mirror.test.ts checks both agree on every name of the real warehouse):
 * lower case, accents stripped, œ/æ spelt out, anything that is not a letter or a digit
 * (hyphens, apostrophes, punctuation, spaces) splits words, and st/ste/mt are expanded.
 */

/** Abbreviations expanded as whole words, on both sides (names like "ST PIERRE D OLERON"). */
const ABBREVIATIONS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['mt', 'mont'],
]);

/** Most tokens a query binds; words beyond are not used to filter (the phrase still ranks). */
export const MAX_TOKENS = 6;

/** The words of `text`, normalised: `"Saint-Flour"` and `"ST  flour"` → `['saint', 'flour']`. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS.get(w) ?? w);
}

/** The normalised text, words joined by one space, without the padding the index stores. */
export function normalizeText(text: string): string {
  return words(text).join(' ');
}

/** A UAI (school id: 7 digits and a letter, any case, surrounding spaces ignored) in upper case, else null. */
export function detectUai(text: string): string | null {
  const m = /^\s*(\d{7}[a-z])\s*$/i.exec(text);
  return m?.[1] ? m[1].toUpperCase() : null;
}

/** A territory code (`15`, `2A`, `63113`, `246300701`) or UAI the query may be, in upper case, else null. */
export function detectCode(text: string): string | null {
  const uai = detectUai(text);
  if (uai) return uai;
  const t = text.trim().toUpperCase();
  return /^(?:\d{2,9}|2[AB]\d{0,3})$/.test(t) ? t : null;
}

export interface ParsedQuery {
  /** every normalised word joined by single spaces ('' when the query has no letter or digit) */
  phrase: string;
  /** distinct words, at most MAX_TOKENS, in query order */
  tokens: string[];
  /** the code (UAI or territory code) the query may be, upper case */
  code: string | null;
}

/** Splits a raw query into what the search query binds. */
export function parseQuery(q: string): ParsedQuery {
  const all = words(q);
  return { phrase: all.join(' '), tokens: [...new Set(all)].slice(0, MAX_TOKENS), code: detectCode(q) };
}
