/**
 * The legend: one row per quantile class (colour, value range, number of territories), a
 * distinct "no data" row, the unit, and what a darker colour means.
 */
import type { Indicator } from '../api/types.ts';
import { formatNumber, formatRange } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { Classification } from '../map/classify.ts';
import { NO_DATA_COLOR } from '../map/palette.ts';
import { darkerText } from '../map/summary.ts';

interface Props {
  lang: Lang;
  indicator: Indicator;
  classification: Classification;
  colors: readonly string[];
  /** true while the values of a new view state are loading */
  stale: boolean;
}

function Count({ lang, n }: { lang: Lang; n: number }) {
  return (
    <span className="legend-count">
      {formatNumber(lang, n)}
      <span className="sr-only"> {t(lang, n === 1 ? 'legend.territory' : 'legend.territories')}</span>
    </span>
  );
}

export function Legend({ lang, indicator, classification, colors, stale }: Props) {
  const unit = pick(lang, indicator.unit);
  const { bins, noData } = classification;
  return (
    <section className={`panel legend${stale ? ' is-stale' : ''}`} aria-labelledby="legend-title" aria-busy={stale}>
      <h2 id="legend-title">{t(lang, 'legend.title')}</h2>
      <p className="legend-indicator">
        {pick(lang, indicator.label)}
        {unit ? <span className="legend-unit"> ({unit})</span> : null}
      </p>
      <p className="legend-darker">{darkerText(lang, indicator)}</p>
      {bins.length === 0 && !stale ? <p className="hint">{t(lang, 'legend.empty')}</p> : null}
      <ul className="legend-classes">
        {bins.map((bin, i) => (
          <li key={i} data-testid="legend-class">
            <span className="swatch" style={{ background: colors[i] }} aria-hidden="true" />
            <span className="legend-range">{formatRange(lang, bin.min, bin.max, indicator.decimals)}</span>
            <Count lang={lang} n={bin.count} />
          </li>
        ))}
        <li data-testid="legend-nodata" className="legend-nodata">
          <span className="swatch swatch-nodata" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          <span className="legend-range">{t(lang, 'legend.noData')}</span>
          <Count lang={lang} n={noData} />
        </li>
      </ul>
      <p className="legend-method">
        {t(lang, 'legend.method', { k: bins.length || 5 })}
        {unit ? ` · ${t(lang, 'legend.unit', { unit })}` : null}
      </p>
    </section>
  );
}
