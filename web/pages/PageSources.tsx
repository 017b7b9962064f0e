/**
 * The foot of a profile or comparison (and of its printed page): the sources of the indicators
 * shown (producer, title, vintage, licence), the partners' imports behind imported figures (body and
 * date), the demo-data warning when any value is simulated,
 * the date the warehouse was built and the date of the page (what a printed report must carry),
 * and its address.
 */
import { useQuery } from '@tanstack/react-query';
import { healthOptions } from '../api/queries.ts';
import type { Indicator } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { importDate, type ImportRef } from '../panels/provenance.ts';

interface Props {
  lang: Lang;
  indicators: readonly Indicator[];
  /** the page's address, printed (it holds the whole view) */
  url: string;
  /** the importing bodies behind the page's imported figures (e.g. its profile entries' `imports`) */
  imports?: readonly ImportRef[];
}

export function PageSources({ lang, indicators, url, imports = [] }: Props) {
  const health = useQuery(healthOptions());
  const builtAt = health.data?.build.builtAt;
  const sources = [...new Map(indicators.flatMap((i) => i.sources).map((s) => [s.id, s])).values()];
  const synthetic = indicators.some((i) => i.provenance === 'synthetic');
  const today = new Date().toISOString();
  // each body once, with its latest import date
  const bodies = [...imports.reduce((m, i) => m.set(i.body, (m.get(i.body) ?? '') > i.date ? (m.get(i.body) as string) : i.date), new Map<string, string>())];
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
      {bodies.length > 0 ? (
        <p className="pp-sources-imported" data-testid="page-sources-imported">
          {t(lang, 'sources.imported', { list: bodies.map(([body, date]) => `${body} (${importDate(lang, date)})`).join(' ; ') })}
        </p>
      ) : null}
      {synthetic ? <p className="pp-sources-synthetic">{t(lang, 'territory.syntheticNote')}</p> : null}
      <p>
        {builtAt ? `${t(lang, 'sources.build', { date: formatDate(lang, builtAt) })} · ` : null}
        {t(lang, 'profile.printedOn', { date: formatDate(lang, today) })} · <span className="pp-url">{url}</span>
      </p>
    </footer>
  );
}
