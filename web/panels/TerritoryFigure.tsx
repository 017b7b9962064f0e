/**
 * One key figure of the territory panel: indicator and year, the value with its unit and its
 * provenance tag ("Données fictives" on every simulated value, "En partie importées (50 %)",
 * "Données importées (Région, 15 avril 2026)", "Données ouvertes (DEPP, rentrées 2021 et 2022)"
 * with the explanation on hover), then the comparisons (parent,
 * France, index, rank, schools) and a warning when fewer than `minSchools` schools are behind it.
 */
import type { ProfileEntry, TerritoryDetail } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { describeEntry, provenanceTag, tagClass } from './figures.ts';
import { explainText } from './provenance.ts';

interface FigureProps {
  lang: Lang;
  entry: ProfileEntry;
  indicators: readonly Indicator[];
  isCurrent: boolean;
  comparedWith: TerritoryDetail['compared_with'];
  minSchools: number;
}

export function TerritoryFigure({ lang, entry, indicators, isCurrent, comparedWith, minSchools }: FigureProps) {
  const indicator = indicators.find((i) => i.id === entry.indicator);
  const tag = entry.value === null ? null : provenanceTag(lang, entry, indicator, { openData: true });
  const { value, comparisons } = describeEntry(lang, entry, indicator ?? { decimals: 1, grain: 'school' }, comparedWith);
  return (
    <li className={`figure${isCurrent ? ' is-current' : ''}`} data-testid="territory-figure" data-indicator={entry.indicator}>
      <h4 className="figure-label">
        {pick(lang, entry.label)} <span className="figure-year">({entry.year})</span>
        {isCurrent ? <span className="figure-current"> · {t(lang, 'territory.current')}</span> : null}
      </h4>
      <p className="figure-main">
        <span className="figure-value">{value}</span>
        {tag ? (
          <span className={tagClass(entry.provenance)} data-provenance={entry.provenance} title={explainText(lang, entry) ?? undefined}>
            {tag}
          </span>
        ) : null}
      </p>
      <dl className="figure-compare">
        {comparisons.map((c) => (
          <div key={c.term}>
            <dt>{c.term}</dt>
            <dd>{c.value}</dd>
          </div>
        ))}
      </dl>
      {entry.low_n ? (
        <p className="figure-lown">
          <span aria-hidden="true">⚠ </span>
          {t(lang, 'territory.lowN', { min: minSchools })}
        </p>
      ) : null}
    </li>
  );
}
