/**
 * The one scales-and-formatting module of the charts (profile and compare pages): value labels
 * in the conventions of the language (French `1 234,5 %`, English `1,234.5%`), shared linear
 * domains (percentages always 0–100, other units from 0 when all values are positive, so bars
 * and dots compare honestly), axis ticks with their labels, series colours and the rounding of
 * SVG coordinates. Pure: every chart layout imports it, none formats numbers on its own.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { formatNumber, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/index.ts';

/** A value with its unit (`58,2 %`), or an em dash for a missing value. */
export function fmt(lang: Lang, value: number | null | undefined, decimals: number, unit = ''): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatValue(lang, value, decimals, unit);
}

/** A bare number (`1 234,5`). */
export function fmtNumber(lang: Lang, value: number, decimals = 0): string {
  return formatNumber(lang, value, decimals);
}

/** A signed difference (`+3,2`, `−12`), with a true minus sign. */
export function fmtSigned(lang: Lang, value: number, decimals: number, unit = ''): string {
  const text = formatValue(lang, Math.abs(value), decimals, unit);
  const zero = Number(Math.abs(value).toFixed(decimals)) === 0;
  return zero ? text : `${value < 0 ? '−' : '+'}${text}`;
}

/** Coordinates rounded to 0.1 px: smaller SVG, stable snapshots. */
export const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Whether a unit is a percentage (differences are then written in points). */
export const isPercent = (unit: string): boolean => unit.trim() === '%';

/**
 * A domain shared by every value of a chart (or of one indicator across small multiples):
 * [0, 100] for percentages, [0, nice max] for non-negative values, a nice [min, max] otherwise
 * (an IPS-like index around 100 would be flattened by a zero baseline).
 */
export function sharedDomain(values: readonly (number | null | undefined)[], unit: string, zero = true): [number, number] {
  const finite = values.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (isPercent(unit) && finite.every((v) => v >= 0 && v <= 100)) return [0, 100];
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (zero && lo >= 0) lo = 0;
  if (hi === lo) {
    hi = lo === 0 ? 1 : hi + Math.abs(hi) * 0.1;
    lo = lo === 0 ? 0 : lo - Math.abs(lo) * 0.1;
  }
  const nice = scaleLinear().domain([lo, hi]).nice(5).domain();
  return [nice[0] ?? lo, nice[1] ?? hi];
}

/** A linear scale over `domain` onto pixels. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range);
}

/** Decimals that write every tick of a step exactly (step 0.25 → 2, step 5 → 0). */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

export interface Tick {
  value: number;
  /** position in pixels */
  pos: number;
  label: string;
}

/** About `count` round ticks of a scale, labelled in the language (no unit). */
export function ticksOf(lang: Lang, scale: ScaleLinear<number, number>, count = 5): Tick[] {
  const values = scale.ticks(count);
  const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : 1;
  const d = stepDecimals(step);
  return values.map((value) => ({ value, pos: r1(scale(value)), label: fmtNumber(lang, value, d) }));
}

/** Roles of the series drawn on the profile: the territory, its parent, France, a highlight. */
export const ROLE_COLORS = {
  territory: '#1d4f91',
  parent: '#b35806',
  france: '#5f6b7a',
  highlight: '#d7301f',
  muted: '#a9b4c2',
} as const;
export type Role = keyof typeof ROLE_COLORS;

/** Up to four compared territories (Okabe–Ito, colour-blind-safe), France in grey. */
export const COMPARE_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

/** The colour of the i-th compared territory. */
export const compareColor = (i: number): string => COMPARE_COLORS[i % COMPARE_COLORS.length] as string;

/**
 * Spreads label positions (sorted by wish) so neighbours are at least `gap` apart, within
 * [min, max]: end labels of lines, marker labels of a histogram.
 */
export function spread(wishes: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wishes.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  const pos = order.map((o) => o.w);
  for (let k = 0; k < pos.length; k++) pos[k] = Math.max(pos[k] as number, k === 0 ? min : (pos[k - 1] as number) + gap);
  const overflow = (pos[pos.length - 1] ?? min) - max;
  if (overflow > 0) {
    for (let k = pos.length - 1; k >= 0; k--) pos[k] = Math.min(pos[k] as number, k === pos.length - 1 ? max : (pos[k + 1] as number) - gap);
  }
  const out = new Array<number>(wishes.length);
  order.forEach((o, k) => (out[o.i] = r1(Math.max(min, pos[k] as number))));
  return out;
}
