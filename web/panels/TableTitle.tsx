/**
 * The heading of the territory table: "Tableau des communes", then what the values are
 * (indicator, year), where (the `within` parent, named through /api/territories) and how many.
 */
import { useQuery } from '@tanstack/react-query';
import { territoriesOptions } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import type { ViewState } from '../state/url.ts';
import { isDemo, provenanceTag } from './figures.ts';

interface Props {
  id: string;
  lang: Lang;
  view: ViewState;
  indicator: Indicator;
  count: number;
  /** of the values shown (the API's, which may be 'mixed'), else the indicator's */
  provenance: string;
}

export function TableTitle({ id, lang, view, indicator, count, provenance }: Props) {
  const tag = provenanceTag(lang, provenance, indicator);
  const { within } = view;
  const unit = pick(lang, indicator.unit);
  const parents = useQuery({ ...territoriesOptions(within?.level ?? 'region'), enabled: within !== null });
  const withinName = within ? (parents.data?.territories.find((p) => p.code === within.code)?.name ?? within.code) : null;
  return (
    <>
      <h2 id={id} className="tt-title">
        {t(lang, 'table.title', { levels: t(lang, `levels.${view.level}`) })}
      </h2>
      <p className="tt-detail">
        {pick(lang, indicator.label)}
        {unit ? ` (${unit})` : null} · {view.year}
        {within && withinName ? ` · ${t(lang, 'table.within', { level: t(lang, `level.${within.level}`), name: withinName })}` : null}
        {' · '}
        {t(lang, 'table.count', { n: formatNumber(lang, count) })}
        {tag && isDemo(provenance) ? (
          <>
            {' '}
            <span className="tag tag-synthetic">{tag}</span>
          </>
        ) : null}
      </p>
    </>
  );
}
