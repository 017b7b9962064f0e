/**
 * The compare page, `/comparer?territories=departement:03,departement:15&indicators=&year=
 * &lang=`: two to four territories of any levels side by side on the same indicators, as small
 * multiples (one chart per indicator, every territory and France on one scale) and as a table.
 * Territories are added with a search field and removed with a button; the URL holds everything.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { compareOptions } from '../api/profile.ts';
import { indicatorsOptions } from '../api/queries.ts';
import { DotChart } from '../charts/DotChart.tsx';
import { chartSearch } from '../embed/chartUrl.ts';
import { chartFileBase } from '../export/naming.ts';
import { ChartActions } from '../panels/ChartActions.tsx';
import { compareColor } from '../charts/scales.ts';
import { DEFAULT_LANG, pick, t } from '../i18n/index.ts';
import { ErrorBanner } from '../panels/ErrorBanner.tsx';
import { Header } from '../panels/Header.tsx';
import { provenanceNote } from '../profile/sentences.ts';
import { refString } from '../state/url.ts';
import { isProvisional, pickYear, schoolYears } from '../state/years.ts';
import { CompareTable } from './CompareTable.tsx';
import { DEFAULT_COMPARE, multiplesOf } from './compareData.ts';
import { PageSources } from './PageSources.tsx';
import { comparePath, MAX_COMPARE, parseCompareQuery, profilePath, type CompareQuery } from './routes.ts';
import { TerritoryPicker } from './TerritoryPicker.tsx';
import { navigateTo, setDocumentMeta, useLocation } from './useLocation.ts';
import './pages.css';
import './print.css';

export function ComparePage() {
  const { search } = useLocation();
  const q = parseCompareQuery(search);
  const lang = q.lang ?? DEFAULT_LANG;
  const catalog = useQuery(indicatorsOptions()).data.indicators;
  // the school years of the served warehouse (web/state/years.ts)
  const years = schoolYears(catalog);
  const year = pickYear(years, q.year, catalog.some(isProvisional));
  const chosen = q.indicators.filter((id) => catalog.some((c) => c.id === id));
  const ids = chosen.length ? chosen : DEFAULT_COMPARE;
  const refs = q.territories.map(refString);
  const query = useQuery({ ...compareOptions(refs, ids, year), enabled: refs.length > 0 });
  const go = (patch: Partial<CompareQuery>) => navigateTo(comparePath({ ...q, year, ...patch }));

  useEffect(() => setDocumentMeta(lang, `${t(lang, 'compare.title')} — ${t(lang, 'app.title')}`), [lang]);
  // the URL always names the year shown (a shared link keeps showing it after new data)
  useEffect(() => {
    if (q.year !== year) navigateTo(comparePath({ ...q, year }), { replace: true });
  });

  const data = query.data;
  const multiples = data ? multiplesOf(lang, data, catalog) : [];
  return (
    <div className="app profile-app">
      <Header lang={lang} onLang={(l) => go({ lang: l })} />
      <main className="profile-page compare-page" data-testid="compare-page">
        <nav className="pp-crumbs no-print">
          <a href={`/?lang=${lang}`}>{t(lang, 'profile.backToMap')}</a>
        </nav>
        <h1 className="pp-name">{t(lang, 'compare.title')}</h1>
        <p className="pp-facts">{t(lang, 'compare.lead', { year })}</p>
        <ul className="cp-chips" aria-label={t(lang, 'compare.chosen')}>
          {q.territories.map((ref, i) => {
            const found = data?.territories.find((x) => x.territory === refString(ref));
            return (
              <li key={refString(ref)} className="cp-chip" style={{ borderColor: compareColor(i) }}>
                <span className="cp-swatch" style={{ background: compareColor(i) }} aria-hidden="true" />
                <a href={profilePath(ref, { year, lang })}>{found?.name ?? ref.code}</a>
                <span className="cp-level"> {t(lang, `level.${ref.level}`)}</span>
                <button type="button" className="cp-remove no-print" aria-label={t(lang, 'compare.remove', { name: found?.name ?? ref.code })} onClick={() => go({ territories: q.territories.filter((_, k) => k !== i) })}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {q.territories.length < MAX_COMPARE ? (
          <TerritoryPicker lang={lang} exclude={refs} onPick={(ref) => go({ territories: [...q.territories, ref] })} />
        ) : null}
        {q.territories.length < 2 ? <p className="hint">{t(lang, 'compare.needTwo', { max: MAX_COMPARE })}</p> : null}
        <div className="pp-controls no-print">
          <label>
            <span>{t(lang, 'control.year')}</span>
            <select value={year} onChange={(e) => go({ year: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <details className="cp-indicators">
            <summary>{t(lang, 'compare.indicators', { n: ids.length })}</summary>
            {catalog.map((ind) => (
              <label key={ind.id}>
                <input
                  type="checkbox"
                  checked={ids.includes(ind.id)}
                  onChange={(e) => go({ indicators: e.target.checked ? [...ids, ind.id] : ids.filter((x) => x !== ind.id) })}
                />{' '}
                {pick(lang, ind.label)}
              </label>
            ))}
          </details>
        </div>
        {query.isError ? <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data ? (
          <>
            <section aria-labelledby="cp-multiples-title" data-testid="small-multiples">
              <h2 id="cp-multiples-title">{t(lang, 'compare.multiples')}</h2>
              <div className="cp-grid">
                {multiples.map((m) => (
                  <ChartActions
                    key={m.indicator.id}
                    lang={lang}
                    title={`${pick(lang, m.indicator.label)} (${m.year})`}
                    subtitle={data.territories.map((x) => x.name).join(' · ')}
                    notice={m.provenance === 'synthetic' || m.provenance === 'mixed' ? t(lang, 'export.demo') : null}
                    embedSearch={chartSearch({ chart: 'compare', territories: q.territories, indicator: m.indicator.id, year, lang: lang === 'fr' ? null : lang })}
                    indicators={[m.indicator]}
                    fileBase={chartFileBase('compare', data.territories.map((x) => x.name), m.indicator.id, m.year)}
                    print={350}
                    className="pp-card-chart"
                    render={(width) => (
                      <DotChart lang={lang} title={`${pick(lang, m.indicator.label)} (${m.year})`} note={provenanceNote(lang, m.provenance)} rows={m.rows} unit={pick(lang, m.indicator.unit)} decimals={m.indicator.decimals} width={width} />
                    )}
                  />
                ))}
              </div>
            </section>
            <CompareTable lang={lang} data={data} multiples={multiples} />
            <PageSources lang={lang} indicators={multiples.map((m) => m.indicator)} url={window.location.href} />
          </>
        ) : null}
      </main>
    </div>
  );
}
