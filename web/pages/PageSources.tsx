/**
 * The foot of a profile or comparison (and of its printed page): the sources of the indicators
 * shown (producer, title, vintage, licence), the demo-data warning when any value is simulated,
 * the date the warehouse was built and the date of the page (what a printed report must carry),
 * and its address.
 */
import { useQuery } from '@tanstack/react-query';
import { healthOptions } from '../api/queries.ts';
import type { Indicator } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';

interface Props {
  lang: Lang;
  indicators: readonly Indicator[];
  /** the page's address, printed (it holds the whole view) */
  url: string;
}

export function PageSources({ lang, indicators, url }: Props) {
  const health = useQuery(healthOptions());
  const builtAt = health.data?.build.builtAt;
  const sources = [...new Map(indicators.flatMap((i) => i.sources).map((s) => [s.id, s])).values()];
  const synthetic = indicators.some((i) => i.provenance === 'synthetic');
  const today = new Date().toISOString();
  return (
    <footer className="pp-sources" data-testid="page-sources">
      <p>
        <strong>{t(lang, sources.length > 1 ? 'sources.labelPlural' : 'sources.label')}</strong>
        {lang === 'fr' ? '\u00a0: ' : ': '}
        {sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? ' ; ' : null}
            {s.producer}, <cite>{s.title}</cite>, {s.vintage}
          </span>
        ))}
        {sources.length ? ` · ${[...new Set(sources.map((s) => s.licence))].join(', ')}` : null}.
      </p>
      {synthetic ? <p className="pp-sources-synthetic">{t(lang, 'territory.syntheticNote')}</p> : null}
      <p>
        {builtAt ? `${t(lang, 'sources.build', { date: formatDate(lang, builtAt) })} · ` : null}
        {t(lang, 'profile.printedOn', { date: formatDate(lang, today) })} · <span className="pp-url">{url}</span>
      </p>
    </footer>
  );
}
