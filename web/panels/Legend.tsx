/**
 * The legend: what the colours mean, a histogram of the values with the class thresholds, one
 * row per class (colour, range, number of territories), a distinct "no data" row, the unit, the
 * method and its notes (fallbacks), the reference value of a diverging palette, and when some
 * values rest on partners' imported data, how many territories are imported, mixed or demo.
 */
import type { Indicator } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { hasValue, type Classification } from '../map/classify.ts';
import { findPalette, NO_DATA_COLOR, type Palette } from '../map/palette.ts';
import type { Reference } from '../map/useClassification.ts';
import { CLASSIFICATION_ID, revealClassification } from './ClassificationControls.tsx';
import { Histogram } from './Histogram.tsx';
import { classLabels, colorMeaning, methodLine, referenceLine } from './legendText.ts';
import { provenanceCountLine, provenanceCounts } from './provenance.ts';

interface Props {
  lang: Lang;
  indicator: Indicator;
  classification: Classification;
  colors: readonly string[];
  /** true while the values of a new view state are loading */
  stale: boolean;
  /** the values classified (for the histogram) */
  values?: readonly (number | null)[];
  palette?: Palette;
  reverse?: boolean;
  /** the centre of a diverging palette (null while it loads, or for sequential palettes) */
  reference?: Reference | null;
  /** number of classes asked for */
  requested?: number;
  /** the map's values with their imported share, to count territories by provenance */
  provenanceValues?: readonly { value: number | null; imported_share?: number | null }[];
}

function Count({ lang, n }: { lang: Lang; n: number }) {
  return (
    <span className="legend-count">
      {formatNumber(lang, n)}
      <span className="sr-only"> {t(lang, n === 1 ? 'legend.territory' : 'legend.territories')}</span>
    </span>
  );
}

export function Legend(props: Props) {
  const { lang, indicator, classification, colors, stale, values = [], reverse = false, reference = null } = props;
  const palette = props.palette ?? findPalette(undefined);
  const requested = props.requested ?? classification.bins.length;
  const unit = pick(lang, indicator.unit);
  const { bins, noData, notes } = classification;
  const labels = classLabels(lang, classification, indicator.decimals);
  const finite = values.filter(hasValue);
  const diverging = palette.kind === 'diverging';
  const provenanceLine = props.provenanceValues ? provenanceCountLine(lang, provenanceCounts(props.provenanceValues)) : null;
  return (
    <section className={`panel legend${stale ? ' is-stale' : ''}`} aria-labelledby="legend-title" aria-busy={stale} data-testid="legend" tabIndex={0}>
      <h2 id="legend-title">{t(lang, 'legend.title')}</h2>
      <p className="legend-indicator">
        {pick(lang, indicator.label)}
        {unit ? <span className="legend-unit"> ({unit})</span> : null}
      </p>
      <p className="legend-darker" data-testid="legend-meaning">
        {colorMeaning(lang, indicator, palette, reverse, reference)}
      </p>
      {diverging ? (
        <p className="legend-reference" data-testid="legend-reference">
          {reference ? referenceLine(lang, indicator, reference, classification.thresholds) : t(lang, 'legend.centreLoading')}
        </p>
      ) : null}
      {bins.length === 0 && !stale ? <p className="hint">{t(lang, 'legend.empty')}</p> : null}
      <Histogram
        lang={lang}
        values={finite}
        thresholds={classification.thresholds}
        colors={colors}
        decimals={indicator.decimals}
        reference={diverging ? (reference?.value ?? null) : null}
      />
      <ul className="legend-classes">
        {bins.map((bin, i) => (
          <li key={i} data-testid="legend-class" className={bin.count === 0 ? 'is-empty' : undefined}>
            <span className="swatch" style={{ background: colors[i] }} aria-hidden="true" />
            <span className="legend-range">{labels[i]}</span>
            <Count lang={lang} n={bin.count} />
          </li>
        ))}
        <li data-testid="legend-nodata" className="legend-nodata">
          <span className="swatch swatch-nodata" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          <span className="legend-range">{t(lang, 'legend.noData')}</span>
          <Count lang={lang} n={noData} />
        </li>
      </ul>
      <p className="legend-method" data-testid="legend-method">
        {methodLine(lang, classification, requested)}
        {classification.method === 'stddev' && classification.mean !== null && classification.sd !== null
          ? ` · ${t(lang, 'legend.stddevLine', {
              mean: formatNumber(lang, classification.mean, indicator.decimals),
              sd: formatNumber(lang, classification.sd, indicator.decimals),
            })}`
          : null}
        {unit ? ` · ${t(lang, 'legend.unit', { unit })}` : null}{' '}
        <button type="button" className="link-button" aria-controls={CLASSIFICATION_ID} onClick={revealClassification}>
          {t(lang, 'legend.change')}
        </button>
      </p>
      {notes.map((n) => (
        <p key={n} className="legend-note" role="note">
          {t(lang, `legend.note.${n}`, { k: requested })}
        </p>
      ))}
      {provenanceLine ? (
        <p className="legend-provenance" data-testid="legend-provenance">
          {provenanceLine}
        </p>
      ) : null}
      {bins.length > 1 ? <p className="legend-rule">{t(lang, 'legend.boundRule')}</p> : null}
    </section>
  );
}
