/** The line under the map: producer, title and vintage of each source, provenance, licence, build date. */
import { useQuery } from '@tanstack/react-query';
import { healthOptions } from '../api/queries.ts';
import type { Indicator } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';

export function SourceLine({ lang, indicator }: { lang: Lang; indicator: Indicator }) {
  const health = useQuery(healthOptions());
  const builtAt = health.data?.build.builtAt;
  const licences = [...new Set(indicator.sources.map((s) => s.licence))];
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  return (
    <p className="sources" data-testid="sources">
      <strong>
        {t(lang, indicator.sources.length > 1 ? 'sources.labelPlural' : 'sources.label')}
        {colon}
      </strong>{' '}
      {indicator.sources.map((s, i) => (
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
      <span className={`sources-provenance provenance-${indicator.provenance}`}>
        {t(lang, `provenance.${indicator.provenance}`)}
      </span>
      {licences.length > 0 ? ` · ${licences.join(', ')}` : null}
      {builtAt ? ` · ${t(lang, 'sources.build', { date: formatDate(lang, builtAt) })}` : null}
    </p>
  );
}
