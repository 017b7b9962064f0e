/**
 * Layout of one small multiple of the compare page: one indicator, one row per compared
 * territory plus France, a bar from the baseline to the value ending in a dot, France's value
 * as a dashed line across the rows, and the values in a column on the right. Every territory of the
 * comparison sits on the same x scale (scales.ts `sharedDomain`: 0–100 for percentages).
 * Pure.
 */
import type { Lang } from '../i18n/index.ts';
import { fmt, linear, r1, ROLE_COLORS, sharedDomain, ticksOf, type Tick } from './scales.ts';

export interface DotRow {
  key: string;
  label: string;
  value: number | null;
  color: string;
  /** France's row: grey, and its value drawn across the chart */
  france?: boolean;
}

export interface DotInput {
  lang: Lang;
  rows: readonly DotRow[];
  unit: string;
  decimals: number;
  width?: number;
  /** the x domain when several charts must share it; default: from the rows */
  domain?: [number, number];
}

export interface DotLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** x of the right-aligned value column */
  valueX: number;
  rows: { key: string; label: string; y: number; color: string; x0: number; x: number | null; text: string; france: boolean }[];
  reference: { x: number; color: string } | null;
  ticks: Tick[];
}

const ROW_H = 17;
const LABEL_W = 104;
const CHAR_W = 5.6;
const VALUE_W = 66;

/** Cuts a label to what fits in the label column. */
export const fitLabel = (label: string, width = LABEL_W - 6): string => {
  const max = Math.floor(width / CHAR_W);
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
};

/** Positions the rows, bars, dots and values of one small multiple. */
export function dotLayout({ lang, rows, unit, decimals, width = 300, domain }: DotInput): DotLayout {
  // the values are written after the dots: keep room for them on the right
  const plot = { left: LABEL_W, right: width - VALUE_W, top: 4, bottom: 4 + rows.length * ROW_H };
  const height = plot.bottom + 16;
  const d = domain ?? sharedDomain(rows.map((r) => r.value), unit);
  const x = linear(d, [plot.left, plot.right]);
  const base = r1(x(Math.max(d[0], Math.min(d[1], 0))));
  const laid = rows.map((r, i) => {
    const y = r1(plot.top + i * ROW_H + ROW_H / 2);
    const px = r.value === null || !Number.isFinite(r.value) ? null : r1(x(r.value));
    return {
      key: r.key,
      label: fitLabel(r.label),
      y,
      color: r.france ? ROLE_COLORS.france : r.color,
      x0: base,
      x: px,
      text: fmt(lang, r.value, decimals, unit),
      france: r.france ?? false,
    };
  });
  const france = laid.find((r) => r.france && r.x !== null);
  return {
    width,
    height,
    plot,
    valueX: width - 2,
    rows: laid,
    reference: france ? { x: france.x as number, color: ROLE_COLORS.france } : null,
    ticks: ticksOf(lang, x, 4),
  };
}
