/**
 * The text alternative of the map canvas: what is shown, how many territories, the range of
 * values, what darker means, and that the values are demo data when they are (as the badge says
 * to a sighted reader). Pure, so it is easy to test and reuse (e.g. in embeds).
 */
import type { Indicator } from '../../server/indicators/catalog.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { MapLevel } from '../state/url.ts';
import type { Classification } from './classify.ts';
import { includesDemo } from '../panels/provenance.ts';
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
  /** the values' provenance (the map's answer, else the catalog's): demo values are said to be so */
  provenance: string = indicator.provenance,
): string {
  const levels = t(lang, `levels.${level}`);
  const bins = classification?.bins ?? [];
  const first = bins[0];
  const last = bins.at(-1);
  if (!classification || !first || !last) return t(lang, 'map.ariaLoading', { levels });
  const unit = pick(lang, indicator.unit);
  const demo = provenance === 'mixed' ? ` ${t(lang, 'provenance.mixed')}.` : includesDemo(provenance) ? ` ${t(lang, 'export.demo')}` : '';
  return `${t(lang, 'map.aria', {
    levels,
    indicator: pick(lang, indicator.label),
    year,
    count: formatNumber(lang, bins.reduce((s, b) => s + b.count, 0)),
    min: formatValue(lang, first.min, indicator.decimals, unit),
    max: formatValue(lang, last.max, indicator.decimals, unit),
    noData: formatNumber(lang, classification.noData),
    darker: meaning ?? darkerText(lang, indicator),
  })}${demo}`;
}
