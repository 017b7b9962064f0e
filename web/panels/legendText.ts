/**
 * The words of the legend, pure so they can be tested: class ranges (French number formatting,
 * `1 234,5`), what the colours mean (darker = more or less favourable, or the two sides of a
 * diverging palette), the reference value, the method line and manual-break errors.
 */
import type { Indicator } from '../api/types.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { BreaksError } from '../map/breaks/manual.ts';
import { decimalsOf } from '../map/breaks/nice.ts';
import type { Classification } from '../map/classify.ts';
import { darkerMeans, isFlipped, type Palette } from '../map/palette.ts';
import type { Reference } from '../map/useClassification.ts';

/** Decimals to write thresholds with: as many as the roundest writing of each needs. */
export function thresholdDecimals(thresholds: readonly number[]): number {
  return Math.max(0, ...thresholds.map(decimalsOf));
}

/**
 * One range per class: `lower – upper`, the ends being the smallest and largest values (written
 * with the indicator's decimals) and the thresholds in between (written as rounded). An empty
 * end class reads `< 90` or `≥ 110`.
 */
export function classLabels(lang: Lang, c: Pick<Classification, 'thresholds' | 'bins'>, decimals: number): string[] {
  const td = thresholdDecimals(c.thresholds);
  const last = c.bins.length - 1;
  return c.bins.map((bin, i) => {
    const lower = formatNumber(lang, bin.lower, i === 0 ? decimals : td);
    const upper = formatNumber(lang, bin.upper, i === last ? decimals : td);
    if (bin.count === 0 && i === 0 && last > 0) return `< ${upper}`;
    if (bin.count === 0 && i === last && last > 0) return `≥ ${lower}`;
    return lower === upper ? lower : `${lower} – ${upper}`;
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who the reference is: "la France", "le territoire parent (Cantal)", … */
export function referenceName(lang: Lang, r: Reference): string {
  if (r.scope === 'france') return t(lang, 'ref.france');
  if (r.scope === 'shown') return t(lang, 'ref.shown');
  return t(lang, 'ref.parent', { parent: r.parentName ?? r.parent ?? '' });
}

/** What the colours mean, for the legend and the map's text alternative. */
export function colorMeaning(
  lang: Lang,
  indicator: Pick<Indicator, 'direction'>,
  palette: Palette,
  reverse: boolean,
  reference: Reference | null,
): string {
  // flipped: the dark (sequential) or high (diverging) end goes to the lower values
  const flip = isFlipped(indicator.direction, reverse);
  if (palette.kind === 'diverging' && palette.ends) {
    const [lowEnd, highEnd] = palette.ends[lang];
    const ref = reference ? referenceName(lang, reference) : t(lang, 'ref.france');
    const high = flip ? lowEnd : highEnd; // colour of the higher values
    const low = flip ? highEnd : lowEnd;
    if (indicator.direction === 'neutral') return t(lang, 'legend.divergingHigher', { high: capitalise(high), low, ref });
    // the favourable side is the palette's high end unless reversed
    const good = reverse ? lowEnd : highEnd;
    const bad = reverse ? highEnd : lowEnd;
    return t(lang, 'legend.divergingBetter', { high: capitalise(good), low: bad, ref });
  }
  switch (darkerMeans(indicator.direction, reverse)) {
    case 'higher':
      return t(lang, 'legend.darkerHigher');
    case 'lower':
      return t(lang, 'legend.darkerLower');
    case 'better':
      return t(lang, flip ? 'legend.darkerBetterLow' : 'legend.darkerBetter');
    case 'worse':
      return t(lang, flip ? 'legend.darkerWorseLow' : 'legend.darkerWorse');
  }
}

/**
 * "Couleurs centrées sur la France : 78,2 %", written with as many decimals as the thresholds so
 * it can be placed among them (3,27 rather than 3,3 between 3,15 and 3,28).
 */
export function referenceLine(lang: Lang, indicator: Pick<Indicator, 'decimals' | 'unit'>, r: Reference, thresholds: readonly number[] = []): string {
  const decimals = Math.max(indicator.decimals, thresholdDecimals(thresholds));
  const value = formatValue(lang, r.value, decimals, pick(lang, indicator.unit));
  return t(lang, r.kind === 'mean' && r.scope !== 'shown' ? 'legend.centreMean' : 'legend.centre', { ref: referenceName(lang, r), value });
}

/** "Seuils naturels (Jenks), 7 classes"; head/tail and stddev say the most asked for. */
export function methodLine(lang: Lang, c: Pick<Classification, 'method' | 'bins'>, requested: number): string {
  const method = t(lang, `method.${c.method}`);
  const k = c.bins.length;
  if ((c.method === 'headtail' || c.method === 'stddev') && k < requested) return t(lang, 'legend.methodLineMax', { method, k, max: requested });
  return t(lang, 'legend.methodLine', { method, k });
}

/** The message of a manual-break error. */
export function breaksErrorText(lang: Lang, e: BreaksError): string {
  switch (e.code) {
    case 'empty':
      return t(lang, 'breaks.empty', { min: 2 });
    case 'notNumber':
      return t(lang, 'breaks.notNumber', { token: e.token });
    case 'count':
      return t(lang, 'breaks.count', { min: e.min, max: e.max, got: e.got });
    case 'duplicate':
      return t(lang, 'breaks.duplicate', { value: formatNumber(lang, e.value, decimalsOf(e.value)) });
  }
}
