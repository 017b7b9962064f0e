/**
 * Layout of a small time-series chart (profile page): one line per series (the territory, its
 * parent, France) over the years, on the shared value domain of scales.ts, with year ticks,
 * value ticks, a legend row and the last value written at the end of each line (labels spread
 * so they never overlap). Missing years break the line. Pure: the component only draws it.
 */
import type { Lang } from '../i18n/index.ts';
import { fmt, linear, r1, ROLE_COLORS, sharedDomain, spread, ticksOf, type Role, type Tick } from './scales.ts';

export interface LineSeries {
  key: string;
  label: string;
  role: Role;
  /** one value per year of the chart (null: no value that year) */
  values: readonly (number | null)[];
}

export interface LineInput {
  lang: Lang;
  years: readonly number[];
  series: readonly LineSeries[];
  unit: string;
  decimals: number;
  /** a note closing the legend, e.g. "données fictives" */
  note?: string | null;
  /** draw the legend row(s) (false when a page shows one legend for several charts) */
  legend?: boolean;
  width?: number;
  height?: number;
}

export interface LayoutLine {
  key: string;
  label: string;
  color: string;
  dashed: boolean;
  /** SVG path (several sub-paths when years are missing) */
  d: string;
  points: { x: number; y: number; year: number; value: number }[];
  /** the last value, written right of the plot at `labelY` */
  end: { x: number; y: number; labelY: number; text: string } | null;
}

export interface LineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** legend items (a null colour is the note), wrapped in rows */
  legend: { key: string; label: string; color: string | null; dashed: boolean; x: number; y: number }[];
  lines: LayoutLine[];
}

const LEGEND_H = 16;
const CHAR_W = 6;

/** Positions everything of a line chart. */
export function lineLayout({ lang, years, series, unit, decimals, note = null, legend: withLegend = true, width = 320, height = 150 }: LineInput): LineLayout {
  const items = !withLegend ? [] : [
    ...series.map((s) => ({ key: s.key, label: s.label, color: ROLE_COLORS[s.role] as string | null, dashed: s.role !== 'territory' })),
    ...(note ? [{ key: 'note', label: note, color: null, dashed: false }] : []),
  ];
  const legend: LineLayout['legend'] = [];
  let cursor = 4;
  let row = 0;
  for (const item of items) {
    const w = (item.color ? 20 : 0) + item.label.length * CHAR_W;
    if (cursor > 4 && cursor + w > width - 4) {
      row++;
      cursor = 4;
    }
    legend.push({ ...item, x: r1(cursor), y: 8 + row * LEGEND_H });
    cursor += w + 12;
  }
  // room on the right for the longest end value
  const endWidth = Math.max(0, ...series.map((s) => {
    const last = [...s.values].reverse().find((v) => v !== null && Number.isFinite(v));
    return last === undefined || last === null ? 0 : fmt(lang, last, decimals, unit).length * 5.6;
  }));
  const top = items.length ? (row + 1) * LEGEND_H + 8 : 8;
  const plot = { left: 30, right: width - Math.ceil(endWidth + 10), top, bottom: height - 18 };
  // from zero, unless every value sits far from it (an index around 100): the slope is the point
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const zero = !(all.length > 0 && Math.min(...all) > 0.6 * Math.max(...all));
  const y = linear(sharedDomain(all, unit, zero), [plot.bottom, plot.top]);
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  const x = linear(first === last ? [first - 1, last + 1] : [first, last], [plot.left + 4, plot.right - 4]);
  // every year when there is room for it, else every other one (always the last)
  const every = years.length > 1 && (x(last) - x(first)) / (years.length - 1) < 30 ? 2 : 1;
  const xTicks = years.map((year, i) => ({ value: year, pos: r1(x(year)), label: (years.length - 1 - i) % every === 0 ? String(year) : '' }));
  const yTicks = ticksOf(lang, y, 4);

  const lines = series.map((s): LayoutLine => {
    const points = years
      .map((year, i) => ({ year, value: s.values[i] ?? null }))
      .filter((p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value))
      .map((p) => ({ ...p, x: r1(x(p.year)), y: r1(y(p.value)) }));
    let d = '';
    let previous: number | null = null;
    for (const p of points) {
      const idx = years.indexOf(p.year);
      d += `${previous !== null && idx === previous + 1 ? 'L' : 'M'}${p.x},${p.y}`;
      previous = idx;
    }
    const lastPoint = points[points.length - 1];
    return {
      key: s.key,
      label: s.label,
      color: ROLE_COLORS[s.role],
      dashed: s.role !== 'territory',
      d,
      points,
      end: lastPoint ? { x: lastPoint.x, y: lastPoint.y, labelY: lastPoint.y, text: fmt(lang, lastPoint.value, decimals, unit) } : null,
    };
  });
  // end labels: spread vertically so they do not overlap
  const withEnd = lines.filter((l) => l.end);
  const spreadY = spread(withEnd.map((l) => (l.end as NonNullable<LayoutLine['end']>).y), 11, plot.top, plot.bottom);
  withEnd.forEach((l, i) => ((l.end as NonNullable<LayoutLine['end']>).labelY = spreadY[i] as number));
  return { width, height, plot, xTicks, yTicks, legend, lines };
}

/** The chart's description: each series from its first to its last value. */
export function lineDescription(lang: Lang, years: readonly number[], series: readonly LineSeries[], unit: string, decimals: number): string {
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const parts = series.map((s) => {
    const pts = years.map((year, i) => ({ year, v: s.values[i] ?? null })).filter((p) => p.v !== null);
    const a = pts[0];
    const b = pts[pts.length - 1];
    if (!a || !b) return `${s.label}${colon}—`;
    const from = `${fmt(lang, a.v, decimals, unit)} (${a.year})`;
    const to = `${fmt(lang, b.v, decimals, unit)} (${b.year})`;
    if (a === b) return `${s.label}${colon}${from}`;
    return lang === 'fr' ? `${s.label}${colon}de ${from} à ${to}` : `${s.label}${colon}from ${from} to ${to}`;
  });
  return `${parts.join(' ; ')}.`;
}
