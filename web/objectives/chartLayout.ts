/**
 * Layout of an objective's chart: the value per year (solid line and dots), the target (a
 * horizontal line), the deadline (a vertical line), the least-squares projection (dashed) and
 * its 95 % confidence band, from the baseline to the year after the deadline. The band is that of
 * the fitted line, ŷ ± t(n−2) · se, with se² = slope_se² · (Sxx/n + (x − x̄)²), from the API's
 * slope and its standard error (the residual variance is slope_se² · Sxx). Pure: coordinates only,
 * the component clips what leaves the plot.
 */
import type { Lang } from '../i18n/index.ts';
import { fmt, linear, r1, sharedDomain, ticksOf, type Tick } from '../charts/scales.ts';
import { tQuantile } from './status.ts';

export interface ObjectiveChartInput {
  lang: Lang;
  series: readonly { year: number; value: number | null }[];
  baselineYear: number;
  deadlineYear: number;
  target: number;
  projection: { slope_per_year: number | null; intercept: number | null; slope_se: number | null } | null;
  unit: string;
  decimals: number;
  width?: number;
  height?: number;
}

export interface ObjectiveChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  observed: { d: string; points: { x: number; y: number; year: number; value: number; label: string }[] };
  target: { y: number; label: string };
  deadline: { x: number; year: number };
  projection: { d: string } | null;
  band: { d: string } | null;
}

export function objectiveChartLayout(input: ObjectiveChartInput): ObjectiveChartLayout {
  const { lang, series, baselineYear, deadlineYear, target, projection, unit, decimals, width = 560, height = 220 } = input;
  const known = series.filter((s): s is { year: number; value: number } => s.value !== null && Number.isFinite(s.value));
  const years = series.map((s) => s.year);
  const first = Math.min(baselineYear, ...years);
  const lastObserved = Math.max(first, ...years);
  const end = Math.max(deadlineYear, lastObserved) + 1;
  const plot = { left: 40, right: width - 12, top: 12, bottom: height - 22 };
  const y = linear(sharedDomain([...known.map((k) => k.value), target], unit, true), [plot.bottom, plot.top]);
  const x = linear([first, end], [plot.left + 6, plot.right - 6]);
  const span = end - first;
  const every = (plot.right - plot.left) / Math.max(1, span) < 34 ? 2 : 1;
  const xTicks: Tick[] = [];
  for (let year = first; year <= end; year++) xTicks.push({ value: year, pos: r1(x(year)), label: (end - year) % every === 0 ? String(year) : '' });
  const yTicks = ticksOf(lang, y, 5);

  const points = known.map((k) => ({ ...k, x: r1(x(k.year)), y: r1(y(k.value)), label: fmt(lang, k.value, decimals, unit) }));
  let d = '';
  let prev: number | null = null;
  for (const p of points) {
    d += `${prev !== null && p.year === prev + 1 ? 'L' : 'M'}${p.x},${p.y}`;
    prev = p.year;
  }

  let line: ObjectiveChartLayout['projection'] = null;
  let band: ObjectiveChartLayout['band'] = null;
  const { slope_per_year: slope, intercept, slope_se: se } = projection ?? { slope_per_year: null, intercept: null, slope_se: null };
  const fitted = known.filter((k) => k.year >= baselineYear);
  if (slope !== null && intercept !== null && fitted.length >= 2) {
    const at = (year: number) => intercept + slope * year;
    line = { d: `M${r1(x(first))},${r1(y(at(first)))}L${r1(x(end))},${r1(y(at(end)))}` };
    const n = fitted.length;
    const mean = fitted.reduce((a, k) => a + k.year, 0) / n;
    const sxx = fitted.reduce((a, k) => a + (k.year - mean) ** 2, 0);
    const q = tQuantile(n - 2);
    if (se !== null && se > 0 && Number.isFinite(q)) {
      const half = (year: number) => q * se * Math.sqrt(sxx / n + (year - mean) ** 2);
      const steps: number[] = [];
      for (let i = 0; i <= 40; i++) steps.push(first + (span * i) / 40);
      const upper = steps.map((yr) => `${r1(x(yr))},${r1(y(at(yr) + half(yr)))}`);
      const lower = steps.reverse().map((yr) => `${r1(x(yr))},${r1(y(at(yr) - half(yr)))}`);
      band = { d: `M${upper.join('L')}L${lower.join('L')}Z` };
    }
  }
  return {
    width,
    height,
    plot,
    xTicks,
    yTicks,
    observed: { d, points },
    target: { y: r1(y(target)), label: fmt(lang, target, Number.isInteger(target) ? 0 : decimals, unit) },
    deadline: { x: r1(x(deadlineYear)), year: deadlineYear },
    projection: line,
    band,
  };
}
