/**
 * Whether a gap narrows or widens over the years: the least-squares slope of the measure's
 * magnitude (|value|: a gap of −10 points is as wide as one of +10) over the years it has, and
 * the change that slope implies from the first to the last year, relative to the mean magnitude.
 * Under STABLE_SHARE of it the measure is called stable. Pure.
 */
import { fitFromMoments, moments } from './regression.ts';

/** A fitted change smaller than this share of the measure's mean magnitude is "stable". */
export const STABLE_SHARE = 0.05;

export type Direction = 'narrowing' | 'widening' | 'stable';

export interface Trend {
  measure: string;
  years: number[];
  values: (number | null)[];
  first_year: number | null;
  last_year: number | null;
  first: number | null;
  last: number | null;
  /** fitted change of the magnitude from the first to the last year */
  fitted_change: number | null;
  direction: Direction | null;
}

/** The trend of one measure given its value per year (null = not computable that year). */
export function trendOf(measure: string, years: readonly number[], values: readonly (number | null)[]): Trend {
  const points = years.map((year, i) => ({ year, v: values[i] ?? null })).filter((p): p is { year: number; v: number } => p.v !== null && Number.isFinite(p.v));
  const base = { measure, years: [...years], values: values.map((v) => (v === null || !Number.isFinite(v) ? null : v)) };
  if (points.length === 0) return { ...base, first_year: null, last_year: null, first: null, last: null, fitted_change: null, direction: null };
  const first = points[0] as { year: number; v: number };
  const last = points[points.length - 1] as { year: number; v: number };
  const out = { ...base, first_year: first.year, last_year: last.year, first: first.v, last: last.v };
  if (points.length < 2) return { ...out, fitted_change: null, direction: null };
  const mags = points.map((p) => Math.abs(p.v));
  const fit = fitFromMoments(moments(points.map((p) => p.year), mags));
  if (!fit) return { ...out, fitted_change: null, direction: null };
  const change = fit.slope * (last.year - first.year);
  const scale = mags.reduce((a, b) => a + b, 0) / mags.length;
  const direction: Direction = scale === 0 || Math.abs(change) < STABLE_SHARE * scale ? 'stable' : change < 0 ? 'narrowing' : 'widening';
  return { ...out, fitted_change: change, direction };
}
