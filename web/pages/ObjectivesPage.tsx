/**
 * `/objectifs?lang=`: the convention objectives grouped by convention and partner, each with its
 * status badge, latest value, number of schools below the bar and the "exemple fictif" (shipped
 * example) or "importé" (a partner's import) label, linking to its follow-up page; links to the
 * printable follow-up report of every convention, every partner, and of all of them.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { objectivesOptions } from '../api/objectives.ts';
import { fmt } from '../charts/scales.ts';
import { formatDate } from '../i18n/format.ts';
import { DEFAULT_LANG, isLang, pick, t } from '../i18n/index.ts';
import { groupObjectives, statusClass, statusLabel, valueUnit } from '../objectives/status.ts';
import { ErrorBanner } from '../panels/ErrorBanner.tsx';
import { Header } from '../panels/Header.tsx';
import { objectivePath, objectivesPath, objectivesReportPath } from './routes.ts';
import { navigateTo, setDocumentMeta, useLocation } from './useLocation.ts';
import './pages.css';
import './print.css';
import './objectives.css';

export function ObjectivesPage() {
  const l = new URLSearchParams(useLocation().search).get('lang');
  const lang = isLang(l) ? l : DEFAULT_LANG;
  const query = useQuery(objectivesOptions());
  useEffect(() => setDocumentMeta(lang, `${t(lang, 'obj.listTitle')} — ${t(lang, 'app.title')}`), [lang]);
  const data = query.data;
  return (
    <div className="app profile-app">
      <Header lang={lang} onLang={(next) => navigateTo(objectivesPath(next))} />
      <main className="profile-page obj-list-page" data-testid="objectives-page" aria-busy={query.isPending}>
        <nav className="pp-crumbs no-print">
          <a href={`/?lang=${lang}`}>{t(lang, 'profile.backToMap')}</a>
        </nav>
        <h1 className="pp-name">{t(lang, 'obj.listTitle')}</h1>
        <p className="pp-facts">{t(lang, 'obj.listIntro')}</p>
        {data?.objectives.some((o) => o.example) ? (
          <p className="obj-notice" data-testid="examples-banner">
            {t(lang, 'obj.examplesBanner')}
          </p>
        ) : null}
        {data && data.objectives.length ? (
          <p className="obj-report-links">
            <a className="pp-button" href={objectivesReportPath({ lang })} data-testid="report-all">
              {t(lang, 'obj.reportAllLink')}
            </a>
          </p>
        ) : null}
        {query.isError ? <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? <p className="loading-pill">{t(lang, 'obj.loading')}</p> : null}
        {data && data.objectives.length === 0 ? <p>{t(lang, 'obj.none')}</p> : null}
        {data
          ? groupObjectives(data.objectives).map((c) => (
              <section key={c.convention.id} className="obj-convention" data-convention={c.convention.id}>
                <div className="obj-group-head">
                  <h2>{c.convention.title}</h2>
                  <a href={objectivesReportPath({ convention: c.convention.id, lang })} className="obj-report-link" data-report-convention={c.convention.id}>
                    {t(lang, 'obj.reportConventionLink')}
                  </a>
                </div>
                {c.partners.map((p) => (
                  <div key={p.partner.id} className="obj-partner">
                    <div className="obj-group-head">
                      <h3>{p.partner.name}</h3>
                      <a href={objectivesReportPath({ partner: p.partner.id, lang })} className="obj-report-link" data-report-partner={p.partner.id}>
                        {t(lang, 'obj.reportPartnerLink')}
                      </a>
                    </div>
                    <ul className="obj-items">
                      {p.objectives.map((o) => (
                        <li key={o.id} className="obj-item" data-objective={o.id}>
                          <a href={objectivePath(o.id, lang)} className="obj-item-title">
                            {pick(lang, o.title)}
                          </a>
                          <span className="obj-item-meta">
                            <span className={statusClass(o.status)} data-status={o.status}>
                              {statusLabel(lang, o.status)}
                            </span>
                            {o.example ? <span className="tag tag-synthetic">{t(lang, 'obj.example')}</span> : null}
                            {o.origin === 'imported' && o.imported ? (
                              <span className="tag" title={o.imported.file_name}>
                                {t(lang, 'obj.imported')} · {o.imported.body}
                              </span>
                            ) : null}
                            {o.latest_year !== null ? <span>{t(lang, 'obj.latest', { year: o.latest_year, value: fmt(lang, o.latest_value, 1, valueUnit(lang, o)) })}</span> : null}
                            <span>{t(lang, 'obj.deadline', { year: o.deadline_year })}</span>
                            <span>{o.schools_below === 1 ? t(lang, 'obj.schoolsBelowOne') : t(lang, 'obj.schoolsBelow', { n: o.schools_below })}</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            ))
          : null}
        {data ? (
          <footer className="pp-sources">
            <p>{pick(lang, data.rule)}</p>
            <p>
              {t(lang, 'sources.build', { date: formatDate(lang, data.built_at) })}
              {data.objectives.some((o) => o.provenance === 'synthetic' || o.provenance === 'mixed') ? ` · ${t(lang, 'obj.synthetic')}` : null}
              {data.objectives.some((o) => o.example) ? ` · ${t(lang, 'obj.example')}` : null}
            </p>
          </footer>
        ) : null}
      </main>
    </div>
  );
}
