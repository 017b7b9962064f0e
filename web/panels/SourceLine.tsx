/**
 * The line under the map: producer, title and vintage of each source, provenance, licence, build
 * date. With `mix` (the answer whose values are shown: its provenance and sources), the sources
 * and provenance are those of the values, e.g. the importing bodies and dates of imported data and
 * « En partie importées (42 %) » when imported and demo values are mixed.
 */
import { useQuery } from '@tanstack/react-query';
import { healthOptions } from '../api/queries.ts';
import type { Indicator } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { includesDemo, provenanceText, type ProvenanceMix } from './provenance.ts';

export function SourceLine({ lang, indicator, mix }: { lang: Lang; indicator: Indicator; mix?: (ProvenanceMix & { sources?: Indicator['sources'] }) | null }) {
  const health = useQuery(healthOptions());
  const builtAt = health.data?.build.builtAt;
  const sources = mix?.sources ?? indicator.sources;
  const provenance = mix?.provenance ?? indicator.provenance;
  const licences = [...new Set(sources.map((s) => s.licence))];
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  return (
    <p className="sources" data-testid="sources">
      <strong>
        {t(lang, sources.length > 1 ? 'sources.labelPlural' : 'sources.label')}
        {colon}
      </strong>{' '}
      {sources.map((s, i) => (
        <span key={s.id} className="source">
          {i > 0 ? ' ; ' : null}
          {s.producer}, <cite>
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.title}
            </a>
          </cite>, {s.vintage}
        </span>
      ))}
      {'. '}
      <span className={`sources-provenance provenance-${includesDemo(provenance) ? 'synthetic' : provenance}`} data-provenance={provenance}>
        {mix ? provenanceText(lang, mix, indicator) : t(lang, `provenance.${indicator.provenance}`)}
      </span>
      {licences.length > 0 ? ` · ${licences.join(', ')}` : null}
      {builtAt ? ` · ${t(lang, 'sources.build', { date: formatDate(lang, builtAt) })}` : null}
    </p>
  );
}
