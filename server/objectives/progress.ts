/**
 * Progress of an objective from its judged value per year: a least-squares line over the years
 * from the baseline, the year the line reaches the target with a 95 % interval, and the status.
 * Pure. The rules, as stated to users (STATUS_RULE):
 *
 * - `met`: the latest year with a value meets the target;
 * - otherwise, with fewer than 2 years of values from the baseline year: `insufficient_data`;
 * - `off_track`: the fitted line does not move toward the target (slope 0 or away from it): at
 *   this pace it is never reached;
 * - `on_track`: the first school year the line meets the target (never before the year after the
 *   latest value) is at most the deadline's school year;
 * - `late`: it is after the deadline.
 *
 * Why a straight line: 3 to 7 yearly points, a committee that must be able to redo the sum, and a
 * pace that reads "points per year". A logistic would bend shares toward 100 % but needs more
 * points than we have to estimate its ceiling and slope; the linear projection is the stated
 * "current pace". Its uncertainty is Fieller's 95 % interval for the year the true line crosses
 * the target (the years where the line's 95 % confidence band crosses it): unbounded when the
 * slope is not significantly different from 0, undefined with 2 points.
 */

export type Op = '>=' | '<=';
export type Status = 'met' | 'on_track' | 'late' | 'off_track' | 'insufficient_data';

export interface Point {
  year: number;
  value: number;
}

export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  x_mean: number;
  y_mean: number;
  sxx: number;
  /** residual standard error (n − 2 degrees of freedom); null with 2 points */
  residual_se: number | null;
  slope_se: number | null;
}

/** Ordinary least squares of value on year (null under 2 distinct years). */
export function linearFit(points: readonly Point[]): LinearFit | null {
  const n = points.length;
  if (n < 2) return null;
  const xm = points.reduce((s, p) => s + p.year, 0) / n;
  const ym = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - xm) ** 2;
    sxy += (p.year - xm) * (p.value - ym);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = ym - slope * xm;
  let sse = 0;
  for (const p of points) sse += (p.value - intercept - slope * p.year) ** 2;
  const residual_se = n > 2 ? Math.sqrt(sse / (n - 2)) : null;
  return { n, slope, intercept, x_mean: xm, y_mean: ym, sxx, residual_se, slope_se: residual_se === null ? null : residual_se / Math.sqrt(sxx) };
}

// two-sided 95 % quantiles of Student's t, df 1 to 30 (standard tables)
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (table up to 30; beyond, 2.0 below 120 (slightly conservative), else 1.96). */
export function t975(df: number): number {
  if (df < 1) return Number.NaN;
  return T975[df - 1] ?? (df < 120 ? 2.0 : 1.96);
}

export interface Crossing {
  /** the year (fractional) the fitted line meets the target; null when the slope is 0 */
  year: number | null;
  /** Fieller's 95 % interval for that year; null bounds: unbounded (slope not significant) or unknown (2 points) */
  low: number | null;
  high: number | null;
  bounded: boolean;
}

/** When the fitted line crosses `target`, with Fieller's 95 % interval. */
export function crossing(fit: LinearFit, target: number): Crossing {
  const year = fit.slope === 0 ? null : fit.x_mean + (target - fit.y_mean) / fit.slope;
  if (fit.residual_se === null || year === null) return { year, low: null, high: null, bounded: false };
  // (d + b·u)² = t²s²(1/n + u²/Sxx), u = x − x̄, d = ȳ − T
  const t2s2 = t975(fit.n - 2) ** 2 * fit.residual_se ** 2;
  const d = fit.y_mean - target;
  const a = fit.slope ** 2 - t2s2 / fit.sxx;
  const b = 2 * d * fit.slope;
  const c = d ** 2 - t2s2 / fit.n;
  if (a <= 0) return { year, low: null, high: null, bounded: false };
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  const u1 = (-b - root) / (2 * a);
  const u2 = (-b + root) / (2 * a);
  return { year, low: fit.x_mean + Math.min(u1, u2), high: fit.x_mean + Math.max(u1, u2), bounded: true };
}

const EPS = 1e-9;

/** Whether `value` meets `op target` (a hair of tolerance for floating point). */
export function meets(value: number, op: Op, target: number): boolean {
  return op === '>=' ? value >= target - EPS : value <= target + EPS;
}

/** How far `value` is from meeting `op bar` (positive: below the bar; 0 when met). */
export function gapTo(value: number, op: Op, bar: number): number {
  const g = op === '>=' ? bar - value : value - bar;
  return g > EPS ? g : 0;
}

export interface Progress {
  status: Status;
  latest: Point | null;
  fit: LinearFit | null;
  /** the fitted change per year, toward the target when positive */
  pace_toward_target: number | null;
  crossing: Crossing | null;
  /** the first school year the fitted line meets the target (≥ latest year + 1); null if never or met */
  expected_year: number | null;
  /** the same for the interval's bounds (null: unbounded or unknown) */
  expected_year_low: number | null;
  expected_year_high: number | null;
}

/** Judges a series against `op target` by `deadline` (a school year); years before `baseline` are ignored by the fit. */
export function judge(series: readonly { year: number; value: number | null }[], op: Op, target: number, baseline: number, deadline: number): Progress {
  const points = series.filter((p): p is Point => p.value !== null && Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  const latest = points[points.length - 1] ?? null;
  const none = { fit: null, pace_toward_target: null, crossing: null, expected_year: null, expected_year_low: null, expected_year_high: null };
  if (latest && meets(latest.value, op, target)) return { status: 'met', latest, ...none };
  const fit = linearFit(points.filter((p) => p.year >= baseline));
  if (!latest || !fit) return { status: 'insufficient_data', latest, ...none, fit };
  const pace = op === '>=' ? fit.slope : -fit.slope;
  if (pace <= EPS) return { status: 'off_track', latest, ...none, fit, pace_toward_target: pace };
  const cross = crossing(fit, target);
  const firstYear = (x: number | null) => (x === null ? null : Math.max(Math.ceil(x - EPS), latest.year + 1));
  const expected = firstYear(cross.year) as number;
  // the interval in "first school year" terms: the low bound of the year is the early one
  return {
    status: expected <= deadline ? 'on_track' : 'late',
    latest,
    fit,
    pace_toward_target: pace,
    crossing: cross,
    expected_year: expected,
    expected_year_low: firstYear(cross.low),
    expected_year_high: firstYear(cross.high),
  };
}

/** The rules, as shown with every status. */
export const STATUS_RULE = {
  fr: 'Atteint : la dernière valeur atteint la cible. Sinon, droite des moindres carrés sur les années depuis l’année de référence (au moins 2) : hors trajectoire si elle ne progresse pas vers la cible ; en bonne voie si elle atteint la cible au plus tard l’année scolaire de l’échéance ; en retard si elle l’atteint après. Incertitude : intervalle à 95 % (Fieller) de l’année où la droite atteint la cible, non borné si la pente n’est pas significative.',
  en: 'Met: the latest value meets the target. Otherwise, least-squares line over the years since the baseline year (at least 2): off track if it does not move toward the target; on track if it meets the target by the deadline’s school year; late if after. Uncertainty: 95 % interval (Fieller) of the year the line meets the target, unbounded when the slope is not significant.',
} as const;
