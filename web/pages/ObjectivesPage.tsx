/**
 * `/objectifs?lang=`: the convention objectives grouped by convention and partner, each with its
 * status badge, latest value, number of schools below the bar and the "exemple fictif" label,
 * linking to its follow-up page.
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
import { objectivePath, objectivesPath } from './routes.ts';
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
        {query.isError ? <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? <p className="loading-pill">{t(lang, 'obj.loading')}</p> : null}
        {data && data.objectives.length === 0 ? <p>{t(lang, 'obj.none')}</p> : null}
        {data
          ? groupObjectives(data.objectives).map((c) => (
              <section key={c.convention.id} className="obj-convention" data-convention={c.convention.id}>
                <h2>{c.convention.title}</h2>
                {c.partners.map((p) => (
                  <div key={p.partner.id} className="obj-partner">
                    <h3>{p.partner.name}</h3>
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
              {t(lang, 'sources.build', { date: formatDate(lang, data.built_at) })} · {t(lang, 'obj.synthetic')} · {t(lang, 'obj.example')}
            </p>
          </footer>
        ) : null}
      </main>
    </div>
  );
}
