/**
 * The text alternative of the map canvas: what is shown, how many territories, the range of
 * values and what darker means. Pure, so it is easy to test and reuse (e.g. in embeds).
 */
import type { Indicator } from '../../server/indicators/catalog.ts';
import { formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { MapLevel } from '../state/url.ts';
import type { Classification } from './classify.ts';
import { darkerMeans } from './palette.ts';

/** The legend line saying what a darker colour means for this indicator. */
export function darkerText(lang: Lang, indicator: Pick<Indicator, 'direction'>): string {
  if (darkerMeans(indicator.direction) === 'higher') return t(lang, 'legend.darkerHigher');
  return t(lang, indicator.direction === 'higher_is_worse' ? 'legend.darkerBetterLow' : 'legend.darkerBetter');
}

/** aria-label of the map: a one-paragraph summary, or a loading notice without data. */
export function mapSummary(
  lang: Lang,
  indicator: Indicator,
  level: MapLevel,
  year: number,
  classification: Classification | null,
  /** what the colours mean, when the palette is not the default (reversed, diverging) */
  meaning?: string,
): string {
  const levels = t(lang, `levels.${level}`);
  const bins = classification?.bins ?? [];
  const first = bins[0];
  const last = bins.at(-1);
  if (!classification || !first || !last) return t(lang, 'map.ariaLoading', { levels });
  const unit = pick(lang, indicator.unit);
  return t(lang, 'map.aria', {
    levels,
    indicator: pick(lang, indicator.label),
    year,
    count: bins.reduce((s, b) => s + b.count, 0),
    min: formatValue(lang, first.min, indicator.decimals, unit),
    max: formatValue(lang, last.max, indicator.decimals, unit),
    noData: classification.noData,
    darker: meaning ?? darkerText(lang, indicator),
  });
}
