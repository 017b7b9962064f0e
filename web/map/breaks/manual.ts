/**
 * Manual class breaks typed by the user ("90, 100, 110"): parse, validate, and say what is wrong
 * in words the UI can translate. Separators: commas, semicolons or spaces. Decimals: a point, or
 * a comma when the list is separated by semicolons ("97,5 ; 102"). Pure, no DOM.
 */
import { MAX_CLASSES, MIN_CLASSES } from '../../state/url.ts';

/** Fewest and most breaks: 3 to 9 classes. */
export const MIN_BREAKS = MIN_CLASSES - 1;
export const MAX_BREAKS = MAX_CLASSES - 1;

export type BreaksError =
  | { code: 'empty' }
  | { code: 'notNumber'; token: string }
  | { code: 'count'; min: number; max: number; got: number }
  | { code: 'duplicate'; value: number };

export type BreaksResult = { ok: true; breaks: number[] } | { ok: false; error: BreaksError };

const NUMBER = /^[-+−]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** The tokens of a typed list. */
function tokens(text: string): string[] {
  const t = text.trim();
  if (t.includes(';')) return t.split(';').map((s) => s.trim().replace(/\s/g, '')).filter(Boolean);
  return t.split(/[,\s]+/).filter(Boolean);
}

/** Parses "90, 100, 110" into ascending breaks, or explains what is wrong. */
export function parseBreaks(text: string): BreaksResult {
  const parts = tokens(text);
  if (parts.length === 0) return { ok: false, error: { code: 'empty' } };
  const values: number[] = [];
  for (const token of parts) {
    if (!NUMBER.test(token)) return { ok: false, error: { code: 'notNumber', token: token.slice(0, 20) } };
    values.push(Number(token.replace('−', '-').replace(',', '.')));
  }
  if (values.length < MIN_BREAKS || values.length > MAX_BREAKS) {
    return { ok: false, error: { code: 'count', min: MIN_BREAKS, max: MAX_BREAKS, got: values.length } };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const dup = sorted.find((v, i) => i > 0 && v === sorted[i - 1]);
  if (dup !== undefined) return { ok: false, error: { code: 'duplicate', value: dup } };
  return { ok: true, breaks: sorted };
}

/** The breaks written back for the text field ("90, 100, 110"). */
export function formatBreaks(breaks: readonly number[]): string {
  return breaks.join(', ');
}

