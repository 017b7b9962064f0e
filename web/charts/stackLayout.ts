/**
 * Layout of a single stacked bar (the Theil index split into its part between groups and its
 * part within them): segments proportional to their values, each labelled with its share of
 * the total below the bar (first at the left edge, last at the right edge). Pure.
 */
import type { Lang } from '../i18n/index.ts';
import { fmtNumber, r1, spread } from './scales.ts';

export interface StackPart {
  key: string;
  label: string;
  value: number;
  color: string;
}

export interface StackLayout {
  width: number;
  height: number;
  total: number;
  segments: { key: string; x: number; w: number; color: string; share: number; text: string; labelX: number; anchor: 'start' | 'middle' | 'end' }[];
}

const CHAR_W = 5.6;

/** Positions the segments of a stacked bar and their "label 67 %" captions. */
export function stackLayout(lang: Lang, parts: readonly StackPart[], width = 320, height = 44): StackLayout {
  const total = parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const left = 2;
  const inner = width - 4;
  let cursor = left;
  const raw = parts.map((p) => {
    const share = total > 0 ? Math.max(0, p.value) / total : 0;
    const w = inner * share;
    const seg = { key: p.key, x: r1(cursor), w: r1(w), color: p.color, share, text: `${p.label} ${fmtNumber(lang, share * 100, 0)}${lang === 'fr' ? '\u00a0%' : '%'}` };
    cursor += w;
    return seg;
  });
  // the first caption starts at the left edge, the last ends at the right edge, others are
  // centred under their segment (spread apart, widths estimated)
  const last = raw.length - 1;
  const widths = raw.map((s) => s.text.length * CHAR_W);
  const centres = spread(raw.map((s) => s.x + s.w / 2), Math.max(0, ...widths) + 8, left, width - 2);
  const segments = raw.map((s, i) => ({
    ...s,
    labelX: i === 0 ? left : i === last ? width - 2 : (centres[i] as number),
    anchor: (i === 0 ? 'start' : i === last ? 'end' : 'middle') as 'start' | 'middle' | 'end',
  }));
  return { width, height, total, segments };
}
