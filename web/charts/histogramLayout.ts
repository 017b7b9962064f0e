/**
 * Layout of the distribution of a territory's schools (or communes) for one indicator: a
 * histogram on round bins of the shared value domain (percentages 0–100), reference markers
 * (the territory's own value, its parent's, France's) as vertical lines labelled in rows above
 * the bars, and one highlighted unit (a school picked in the URL): its bin coloured, a pin at its
 * exact value. Pure.
 */
import { bin, quantileSorted } from 'd3';
import type { Lang } from '../i18n/index.ts';
import { fmt, linear, r1, ROLE_COLORS, sharedDomain, ticksOf, type Role, type Tick } from './scales.ts';

export interface Unit {
  id: string;
  name: string;
  value: number;
}

export interface Marker {
  key: string;
  label: string;
  role: Role;
  value: number | null;
}

export interface HistogramInput {
  lang: Lang;
  units: readonly Unit[];
  highlight?: string | null;
  markers?: readonly Marker[];
  unit: string;
  decimals: number;
  width?: number;
  height?: number;
}

export interface HistogramLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: { x: number; y: number; w: number; h: number; x0: number; x1: number; count: number; highlighted: boolean }[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** a line at `x`; its label starts at `labelX` (right of the line, or pulled left to fit) */
  markers: { key: string; x: number; color: string; labelX: number; labelY: number; text: string }[];
  pin: { x: number; labelX: number; labelY: number; text: string; color: string } | null;
  stats: { count: number; min: number; max: number; median: number } | null;
}

const ROW = 12;
const CHAR_W = 6.8; // bold 10px labels
/** Long school names are cut for the pin label (the full name is in the page). */
const shortName = (name: string) => (name.length > 34 ? `${name.slice(0, 33).trimEnd()}…` : name);

/** Positions the bars, markers and pin of a distribution. */
export function histogramLayout({ lang, units, highlight = null, markers = [], unit, decimals, width = 420, height = 170 }: HistogramInput): HistogramLayout {
  const values = units.map((u) => u.value).sort((a, b) => a - b);
  const shown = markers.filter((m) => m.value !== null && Number.isFinite(m.value));
  const picked = highlight ? (units.find((u) => u.id === highlight) ?? null) : null;
  const rows = shown.length + (picked ? 1 : 0);
  const plot = { left: 30, right: width - 10, top: 6 + rows * ROW, bottom: height - 18 };
  const domain = sharedDomain([...values, ...shown.map((m) => m.value)], unit);
  const x = linear(domain, [plot.left, plot.right]);
  const count = Math.min(20, Math.max(5, Math.round(Math.sqrt(values.length))));
  // inner edges only: an edge on the domain's end would make an empty-width last bin
  const edges = x.ticks(count).filter((e) => e > domain[0] && e < domain[1]);
  const bins = bin().domain(domain).thresholds(edges)(values);
  const maxCount = Math.max(1, ...bins.map((b) => b.length));
  const y = linear([0, maxCount], [plot.bottom, plot.top]).nice(4);
  const pickedBin = picked ? bins.findIndex((b) => picked.value >= (b.x0 ?? 0) && (picked.value < (b.x1 ?? 0) || b === bins[bins.length - 1])) : -1;
  const bars = bins.map((b, i) => {
    const x0 = b.x0 ?? domain[0];
    const x1 = b.x1 ?? domain[1];
    const top = r1(y(b.length));
    return { x: r1(x(x0) + 0.5), y: top, w: r1(Math.max(0.5, x(x1) - x(x0) - 1)), h: r1(plot.bottom - top), x0, x1, count: b.length, highlighted: i === pickedBin };
  });
  // a label reads rightwards from its line, pulled left as far as needed to stay in the chart
  const place = (v: number, row: number, text: string) => {
    const px = r1(x(v));
    return { x: px, labelX: r1(Math.max(2, Math.min(px + 3, width - 2 - text.length * CHAR_W))), labelY: 6 + row * ROW + 3 };
  };
  const laid = shown.map((m, i) => {
    const text = `${m.label} ${fmt(lang, m.value, decimals, unit)}`;
    return { key: m.key, color: ROLE_COLORS[m.role], text, ...place(m.value as number, i, text) };
  });
  const pinText = picked ? `${shortName(picked.name)} ${fmt(lang, picked.value, decimals, unit)}` : '';
  const pin = picked ? { ...place(picked.value, shown.length, pinText), text: pinText, color: ROLE_COLORS.highlight } : null;
  const stats = values.length
    ? { count: values.length, min: values[0] as number, max: values[values.length - 1] as number, median: quantileSorted(values, 0.5) as number }
    : null;
  return { width, height, plot, bars, xTicks: ticksOf(lang, x, 5), yTicks: ticksOf(lang, y, 3), markers: laid, pin, stats };
}

/** How many units are strictly below and above a value (for "plus élevé que 80 % des écoles"). */
export function positionOf(units: readonly Unit[], value: number): { below: number; above: number; total: number } {
  let below = 0;
  let above = 0;
  for (const u of units) {
    if (u.value < value) below++;
    else if (u.value > value) above++;
  }
  return { below, above, total: units.length };
}
