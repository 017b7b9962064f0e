/**
 * `/objectifs/rapport?convention=&partenaire=&lang=`: the follow-up report of a convention and/or
 * a partner, for the comité de suivi. A cover page (what the report covers, its date and the
 * data's, the objectives with their status and page, the status rule, sources and vintages, the
 * "exemple fictif" / "données fictives" / import mentions), then one page per objective
 * (ObjectiveSheet, compact: status and rule, value per year against the target, projection with
 * its 95 % interval, the schools still below with their gap — the first REPORT_LIMITS rows, the
 * count of the rest and the address of the full CSV). Printed: 1 + n A4 pages (print.css,
 * objectives.css: each sheet starts a page).
 */
import { useEffect } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { objectiveOptions, objectivesOptions, type ObjectiveDetail, type ObjectiveSource, type ObjectiveSummary } from '../api/objectives.ts';
import { fmt, fmtNumber } from '../charts/scales.ts';
import { formatDate } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { statusClass, statusLabel, valueUnit } from '../objectives/status.ts';
import { ErrorBanner } from '../panels/ErrorBanner.tsx';
import { Header } from '../panels/Header.tsx';
import { importedLine, ObjectiveSheet, type SheetLimits } from './ObjectivePage.tsx';
import { objectivePath, objectivesPath, objectivesReportPath, parseReportQuery } from './routes.ts';
import { navigateTo, setDocumentMeta, useLocation } from './useLocation.ts';
import './pages.css';
import './print.css';
import './objectives.css';

/** Rows of the left-behind tables on each objective's page of the report. */
export const REPORT_LIMITS: SheetLimits = { schools: 10, communes: 5 };

export function ObjectivesReportPage() {
  const q = parseReportQuery(useLocation().search);
  const lang: Lang = q.lang ?? 'fr';
  const list = useQuery(objectivesOptions({ convention: q.convention, partner: q.partner }));
  const details = useQueries({ queries: (list.data?.objectives ?? []).map((o) => objectiveOptions(o.id)) });
  const ready = list.data !== undefined && details.every((d) => d.data !== undefined);
  const subject = reportSubject(lang, list.data?.objectives ?? [], q.convention, q.partner);
  useEffect(() => setDocumentMeta(lang, `${t(lang, 'obj.reportTitle')} — ${subject} — ${t(lang, 'app.title')}`), [lang, subject]);
  const failed = details.find((d) => d.isError);
  return (
    <div className="app profile-app">
      <Header lang={lang} onLang={(next) => navigateTo(objectivesReportPath({ ...q, lang: next }))} />
      <main className="profile-page obj-report" data-testid="objectives-report" aria-busy={!ready && !list.isError}>
        <nav className="pp-crumbs no-print">
          <a href={objectivesPath(lang)}>{t(lang, 'obj.back')}</a> · <a href={`/?lang=${lang}`}>{t(lang, 'obj.map')}</a>
        </nav>
        {list.isError ? <ErrorBanner lang={lang} error={list.error} onRetry={() => void list.refetch()} /> : null}
        {failed?.error ? <ErrorBanner lang={lang} error={failed.error} onRetry={() => void failed.refetch()} /> : null}
        {!ready && !list.isError ? <p className="loading-pill">{t(lang, 'obj.loading')}</p> : null}
        {list.data ? <Cover lang={lang} subject={subject} list={list.data.objectives} details={details.map((d) => d.data)} rule={list.data.rule} builtAt={list.data.built_at} /> : null}
        {ready
          ? details.map((d) =>
              d.data ? (
                <article key={d.data.id} className="obj-sheet" data-objective={d.data.id} data-testid="report-sheet">
                  <ObjectiveSheet lang={lang} o={d.data} compact={REPORT_LIMITS} />
                </article>
              ) : null,
            )
          : null}
      </main>
    </div>
  );
}

/** What the report covers: the convention's title and/or the partner's name (else every objective). */
function reportSubject(lang: Lang, list: readonly ObjectiveSummary[], convention: string | null, partner: string | null): string {
  const c = convention ? list.find((o) => o.convention.id === convention)?.convention.title ?? convention : null;
  const p = partner ? list.find((o) => o.partner.id === partner)?.partner.name ?? partner : null;
  return [c, p].filter(Boolean).join(' — ') || t(lang, 'obj.reportAll');
}

/** Every source of the objectives once, by id. */
const uniqueSources = (list: readonly ObjectiveSummary[]): ObjectiveSource[] => [...new Map(list.flatMap((o) => o.sources).map((s) => [s.id, s])).values()];

function Cover({ lang, subject, list, details, rule, builtAt }: {
  lang: Lang;
  subject: string;
  list: readonly ObjectiveSummary[];
  details: readonly (ObjectiveDetail | undefined)[];
  rule: { fr: string; en: string };
  builtAt: string;
}) {
  const synthetic = list.some((o) => o.provenance === 'synthetic' || o.provenance === 'mixed');
  const examples = list.filter((o) => o.example);
  const imported = list.filter((o) => o.imported);
  const notice = list.find((o) => o.notice)?.notice;
  const sources = uniqueSources(list);
  const url = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <section className="obj-cover" data-testid="report-cover">
      <header className="obj-head">
        <div>
          <p className="obj-kicker">
            {t(lang, 'obj.report')} {examples.length ? <span className="tag tag-synthetic">{t(lang, 'obj.example')}</span> : null}{' '}
            {synthetic ? <span className="tag tag-synthetic">{t(lang, 'obj.synthetic')}</span> : null}
          </p>
          <h1 className="pp-name obj-title">
            {t(lang, 'obj.reportTitle')}
            <span className="obj-cover-subject">{subject}</span>
          </h1>
          <dl className="obj-facts">
            <div>
              <dt>{t(lang, 'obj.reportDate')}</dt>
              <dd data-testid="report-date">{formatDate(lang, new Date().toISOString())}</dd>
            </div>
            <div>
              <dt>{t(lang, 'obj.reportData')}</dt>
              <dd>{t(lang, 'sources.build', { date: formatDate(lang, builtAt) })}</dd>
            </div>
            <div>
              <dt>{t(lang, 'obj.reportCount')}</dt>
              <dd>{fmtNumber(lang, list.length)}</dd>
            </div>
          </dl>
        </div>
        <div className="pp-actions no-print">
          <button type="button" className="pp-button" onClick={() => window.print()} disabled={details.some((d) => d === undefined)}>
            {t(lang, 'obj.print')}
          </button>
        </div>
      </header>
      {examples.length ? <p className="obj-notice">{t(lang, 'obj.examplesBanner')}</p> : null}
      {list.length === 0 ? <p>{t(lang, 'obj.reportEmpty')}</p> : null}
      {list.length ? (
        <>
          <h2>{t(lang, 'obj.reportContents')}</h2>
          <p className="pp-note">{t(lang, 'obj.reportPages')}</p>
          <div className="pp-table-scroll">
            <table className="pp-table obj-table obj-contents" data-testid="report-contents">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'obj.colObjective')}</th>
                  <th scope="col">{t(lang, 'obj.partner')}</th>
                  <th scope="col">{t(lang, 'obj.colStatus')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colLatest')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colDeadline')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colBelow')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colPage')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((o, i) => (
                  <tr key={o.id} data-objective={o.id}>
                    <th scope="row">
                      <a href={objectivePath(o.id, lang)}>{pick(lang, o.title)}</a>
                      {o.example ? <span className="tag tag-synthetic">{t(lang, 'obj.example')}</span> : null}
                      {o.imported ? <span className="tag">{t(lang, 'obj.imported')}</span> : null}
                    </th>
                    <td>{o.partner.name}</td>
                    <td>
                      <span className={statusClass(o.status)} data-status={o.status}>
                        {statusLabel(lang, o.status)}
                      </span>
                    </td>
                    <td className="num">{o.latest_year === null ? '—' : `${fmt(lang, o.latest_value, 1, valueUnit(lang, o))} (${o.latest_year})`}</td>
                    <td className="num">{o.deadline_year}</td>
                    <td className="num">{fmtNumber(lang, o.schools_below)}</td>
                    <td className="num">{i + 2}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="obj-rule">
            <strong>{t(lang, 'obj.rule')}</strong> {pick(lang, rule)}
          </p>
        </>
      ) : null}
      <footer className="pp-sources" data-testid="report-sources">
        <p>
          <strong>{t(lang, 'obj.reportSources')}</strong>
          {lang === 'fr' ? '\u00a0: ' : ': '}
          {sources.map((s, i) => (
            <span key={s.id} data-source={s.id}>
              {i > 0 ? ' ; ' : null}
              {s.producer}, <cite>{s.title}</cite>, {s.vintage}
              {s.licence ? ` · ${s.licence}` : null}
            </span>
          ))}
          .
        </p>
        {synthetic ? <p className="pp-sources-synthetic">{t(lang, 'obj.reportSynthetic')}{notice ? ` (${notice})` : null}</p> : null}
        {examples.length ? <p className="pp-sources-synthetic">{examples[0]?.example_notice}</p> : null}
        {imported.map((o) => (o.imported ? <p key={o.id}>{pick(lang, o.title)} — {importedLine(lang, o.imported)}</p> : null))}
        <p>
          {t(lang, 'profile.printedOn', { date: formatDate(lang, new Date().toISOString()) })} · <span className="pp-url">{url}</span>
        </p>
      </footer>
    </section>
  );
}
