/**
 * `/objectifs/{id}?lang=`: one objective's follow-up report. Title, convention, partner, scope
 * and how it is judged; its status with the rule; the value per year against the target and the
 * deadline, with the projection and its 95 % band; who is left behind: the schools below the bar
 * sorted by gap (CSV download) and their communes, on a small map of the scope; sources, dates
 * and the "exemple fictif" / "données fictives" mentions. Prints as one A4 page (objectives.css:
 * the tables are cut to their first rows on paper, the rest is in the CSV). `ObjectiveSheet` is
 * that report, also used (compact: top rows only, with the value per year in a table) as one page
 * of the follow-up report of a convention or partner (ObjectivesReportPage).
 */
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { leftBehindCsvUrl, objectiveOptions, type ObjectiveDetail } from '../api/objectives.ts';
import { geometryOptions, healthOptions } from '../api/queries.ts';
import type { MapFeature, MapPoint } from '../charts/mapLayout.ts';
import { fmt, fmtNumber, fmtSigned } from '../charts/scales.ts';
import { Sized } from '../charts/Sized.tsx';
import { chartSearch } from '../embed/chartUrl.ts';
import { chartFileBase } from '../export/naming.ts';
import { ChartActions } from '../panels/ChartActions.tsx';
import { TerritoryMap } from '../charts/TerritoryMap.tsx';
import { formatDate } from '../i18n/format.ts';
import { DEFAULT_LANG, isLang, pick, t, type Lang } from '../i18n/index.ts';
import { sectorLabel, typeLabel } from '../objectives/labels.ts';
import { ObjectiveChart } from '../objectives/ObjectiveChart.tsx';
import { condition, schoolUnit, statusClass, statusLabel, valueUnit } from '../objectives/status.ts';
import { ErrorBanner } from '../panels/ErrorBanner.tsx';
import { Header } from '../panels/Header.tsx';
import { parseRef } from '../state/url.ts';
import { objectivePath, objectivesPath } from './routes.ts';
import { navigateTo, setDocumentMeta, useLocation } from './useLocation.ts';
import './pages.css';
import './print.css';
import './objectives.css';

/** Rows of the tables kept on the printed page (the rest: the CSV and the page online). */
export const PRINT_SCHOOLS = 20;
export const PRINT_COMMUNES = 8;

export function ObjectivePage({ id }: { id: string }) {
  const l = new URLSearchParams(useLocation().search).get('lang');
  const lang: Lang = isLang(l) ? l : DEFAULT_LANG;
  const query = useQuery(objectiveOptions(id));
  const o = query.data;
  const title = o ? pick(lang, o.title) : id;
  useEffect(() => setDocumentMeta(lang, `${title} — ${t(lang, 'obj.docTitle')} — ${t(lang, 'app.title')}`), [lang, title]);
  return (
    <div className="app profile-app">
      <Header lang={lang} onLang={(next) => navigateTo(objectivePath(id, next))} />
      <main className="profile-page obj-page" data-testid="objective-page" aria-busy={query.isPending}>
        <nav className="pp-crumbs no-print">
          <a href={objectivesPath(lang)}>{t(lang, 'obj.back')}</a> · <a href={`/?lang=${lang}`}>{t(lang, 'obj.map')}</a>
        </nav>
        {query.isError ? <ErrorBanner lang={lang} error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? <p className="loading-pill">{t(lang, 'obj.loading')}</p> : null}
        {o ? <ObjectiveSheet lang={lang} o={o} /> : null}
      </main>
    </div>
  );
}

/** Rows of the tables in a compact sheet (a page of the follow-up report). */
export interface SheetLimits {
  schools: number;
  communes: number;
}

/** One objective's report; `compact`: a page of a longer report (h2 title, top rows only). */
export function ObjectiveSheet({ lang, o, compact }: { lang: Lang; o: ObjectiveDetail; compact?: SheetLimits }) {
  const H = compact ? 'h2' : 'h1';
  const H2 = compact ? 'h3' : 'h2';
  const synthetic = o.provenance === 'synthetic';
  const note = synthetic ? t(lang, 'obj.synthetic') : null;
  const unit = valueUnit(lang, o);
  const sUnit = schoolUnit(lang, o);
  const p = o.projection;
  const scope = [o.scope.territory_name ?? o.scope.territory, typeLabel(lang, o.scope.school_type), sectorLabel(lang, o.scope.sector)].filter(Boolean).join(' · ');
  const judged =
    o.judged_by === 'share_of_schools' && o.threshold
      ? t(lang, 'obj.judgedShare', { threshold: condition(lang, o.threshold.op, o.threshold.value, sUnit), target: condition(lang, o.target.op, o.target.value, '%') })
      : t(lang, 'obj.judgedValue', { indicator: pick(lang, o.indicator.label), target: condition(lang, o.target.op, o.target.value, unit) });
  const lb = o.left_behind;
  const schools = compact ? lb.schools.slice(0, compact.schools) : lb.schools;
  const communes = compact ? lb.communes.slice(0, compact.communes) : lb.communes;
  const csvHref = (level: 'school' | 'commune') => `${typeof window === 'undefined' ? '' : window.location.origin}${leftBehindCsvUrl(o.id, level)}`;
  return (
    <>
      <header className="obj-head">
        <div>
          <p className="obj-kicker">
            {t(lang, 'obj.docTitle')} {o.example ? <span className="tag tag-synthetic">{t(lang, 'obj.example')}</span> : null}
            {o.imported ? <span className="tag">{t(lang, 'obj.imported')} · {o.imported.body}</span> : null}
          </p>
          <H className="pp-name obj-title">{pick(lang, o.title)}</H>
          <dl className="obj-facts">
            <div>
              <dt>{t(lang, 'obj.convention')}</dt>
              <dd>{o.convention.title}</dd>
            </div>
            <div>
              <dt>{t(lang, 'obj.partner')}</dt>
              <dd>{o.partner.name}</dd>
            </div>
            <div>
              <dt>{t(lang, 'obj.scope')}</dt>
              <dd>{scope}</dd>
            </div>
          </dl>
        </div>
        {compact ? null : (
          <div className="pp-actions no-print">
            <button type="button" className="pp-button" onClick={() => window.print()}>
              {t(lang, 'obj.print')}
            </button>
          </div>
        )}
      </header>
      {o.example_notice ? <p className="obj-notice">{o.example_notice}</p> : null}

      <div className="obj-top">
        <section className="obj-status" data-testid="objective-status">
          <H2>
            {t(lang, 'obj.statusTitle')}{' '}
            <span className={statusClass(o.status)} data-status={o.status}>
              {statusLabel(lang, o.status)}
            </span>
          </H2>
          <ul className="obj-status-lines">
            {o.latest_year !== null ? <li>{t(lang, 'obj.latest', { year: o.latest_year, value: fmt(lang, o.latest_value, 1, unit) })}</li> : null}
            <li>{t(lang, 'obj.deadline', { year: o.deadline_year })}</li>
            {o.status !== 'met' && o.status !== 'insufficient_data' ? (
              <li>
                {p.expected_year === null
                  ? t(lang, 'obj.expectedNone')
                  : p.expected_year_low !== null && p.expected_year_high !== null && p.bounded
                    ? t(lang, 'obj.expected', { year: p.expected_year, low: p.expected_year_low, high: p.expected_year_high })
                    : t(lang, 'obj.expectedUnbounded', { year: p.expected_year })}
              </li>
            ) : null}
          </ul>
          <p className="obj-judged">
            <strong>{t(lang, 'obj.judged')}</strong> {judged}
          </p>
          {o.description ? <p className="obj-desc">{pick(lang, o.description)}</p> : null}
          <p className="obj-rule">
            <strong>{t(lang, 'obj.rule')}</strong> {pick(lang, o.rule)}
          </p>
        </section>
        <ScopeMap lang={lang} o={o} />
      </div>

      <ChartActions
        lang={lang}
        title={pick(lang, o.title)}
        subtitle={`${t(lang, 'obj.chartTitle')} · ${scope}`}
        notice={[o.example_notice, synthetic ? t(lang, 'export.demo') : null].filter(Boolean).join(' ') || null}
        embedSearch={chartSearch({ chart: 'objective', id: o.id, lang: lang === 'fr' ? null : lang })}
        indicators={[]}
        extra={[o.sources.map((s) => `${s.producer}, ${s.title}, ${s.vintage}`).join(' ; '), o.source ?? ''].filter(Boolean)}
        fileBase={chartFileBase('objective', [o.id], null)}
        print={1000}
        initial={640}
        className="obj-chart-slot"
        render={(width) => <ObjectiveChart lang={lang} o={o} note={note} width={width} height={width >= 1000 ? 210 : Math.max(170, Math.min(240, Math.round(width * 0.3)))} />}
      />
      {compact ? <YearTable lang={lang} o={o} /> : null}

      <section className="obj-schools" data-testid="left-behind-schools">
        <div className="obj-section-head">
          <H2>
            {t(lang, 'obj.schoolsTitle', { n: fmtNumber(lang, lb.school_count), year: lb.year ?? '—' })}
            {note ? <span className="tag tag-synthetic">{note}</span> : null}
          </H2>
          <span className="obj-downloads no-print">
            <a className="pp-button" href={leftBehindCsvUrl(o.id)} download data-testid="left-behind-csv">
              {t(lang, 'obj.csv')}
            </a>
            <a className="pp-button" href={leftBehindCsvUrl(o.id, 'commune')} download>
              {t(lang, 'obj.csvCommunes')}
            </a>
          </span>
        </div>
        <p className="pp-note">{t(lang, 'obj.schoolsHint', { bar: condition(lang, lb.bar.op, lb.bar.value, sUnit) })}</p>
        {schools.length === 0 ? (
          <p>{t(lang, 'obj.schoolsNone')}</p>
        ) : (
          <div className="pp-table-scroll">
            <table className="pp-table obj-table">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'obj.colName')}</th>
                  <th scope="col">{t(lang, 'obj.colUai')}</th>
                  <th scope="col">{t(lang, 'obj.colCommune')}</th>
                  <th scope="col">{t(lang, 'obj.colType')}</th>
                  <th scope="col">{t(lang, 'obj.colSector')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colValue')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colGap')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colPupils')}</th>
                </tr>
              </thead>
              <tbody>
                {schools.map((s, i) => (
                  <tr key={s.uai} data-uai={s.uai} className={i >= PRINT_SCHOOLS ? 'obj-print-extra' : undefined}>
                    <th scope="row">{s.name}</th>
                    <td>{s.uai}</td>
                    <td>{s.commune_name ?? s.commune_code}</td>
                    <td>{typeLabel(lang, s.school_type)}</td>
                    <td>{sectorLabel(lang, s.sector)}</td>
                    <td className="num">{fmt(lang, s.value, 1, sUnit)}</td>
                    <td className="num">{fmtSigned(lang, s.gap, 1)}</td>
                    <td className="num">{s.pupils === null ? '—' : fmtNumber(lang, s.pupils)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!compact && schools.length > PRINT_SCHOOLS ? <p className="pp-note print-only">{t(lang, 'obj.more', { n: schools.length - PRINT_SCHOOLS })}</p> : null}
            {compact && lb.schools.length > schools.length ? (
              <p className="pp-note obj-rest" data-testid="left-behind-rest">
                {t(lang, 'obj.rest', { n: fmtNumber(lang, lb.schools.length - schools.length), total: fmtNumber(lang, lb.schools.length) })}{' '}
                <a href={csvHref('school')}>{csvHref('school')}</a>
              </p>
            ) : null}
          </div>
        )}
      </section>

      {communes.length ? (
        <section className="obj-communes" data-testid="left-behind-communes">
          <H2>{t(lang, 'obj.communesTitle', { n: fmtNumber(lang, lb.commune_count) })}</H2>
          <div className="pp-table-scroll">
            <table className="pp-table obj-table">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'obj.colCommune')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colSchools')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colBelow')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colShare')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colValue')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colGap')}</th>
                  <th scope="col" className="num">{t(lang, 'obj.colPupilsBelow')}</th>
                </tr>
              </thead>
              <tbody>
                {communes.map((c, i) => (
                  <tr key={c.commune_code} data-commune={c.commune_code} className={i >= PRINT_COMMUNES ? 'obj-print-extra' : undefined}>
                    <th scope="row">{c.commune_name ?? c.commune_code}</th>
                    <td className="num">{fmtNumber(lang, c.schools)}</td>
                    <td className="num">{fmtNumber(lang, c.schools_below)}</td>
                    <td className="num">{fmt(lang, c.share_meeting, 0, '%')}</td>
                    <td className="num">{fmt(lang, c.value, 1, sUnit)}</td>
                    <td className="num">{c.gap === null ? '—' : fmtSigned(lang, c.gap, 1)}</td>
                    <td className="num">{fmtNumber(lang, c.pupils_below)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!compact && communes.length > PRINT_COMMUNES ? <p className="pp-note print-only">{t(lang, 'obj.moreCommunes', { n: communes.length - PRINT_COMMUNES })}</p> : null}
            {compact && lb.communes.length > communes.length ? (
              <p className="pp-note obj-rest">
                {t(lang, 'obj.restCommunes', { n: fmtNumber(lang, lb.communes.length - communes.length) })} <a href={csvHref('commune')}>{csvHref('commune')}</a>
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      <Sources lang={lang} o={o} url={compact && typeof window !== 'undefined' ? `${window.location.origin}${objectivePath(o.id, lang)}` : undefined} />
    </>
  );
}

/** The judged value per year against the target (a compact sheet prints it beside the chart). */
function YearTable({ lang, o }: { lang: Lang; o: ObjectiveDetail }) {
  const unit = valueUnit(lang, o);
  const rows = o.series.filter((s) => s.year >= o.baseline_year || s.value !== null);
  return (
    <div className="pp-table-scroll obj-years">
      <table className="pp-table obj-table" data-testid="objective-years">
        <caption className="sr-only">{t(lang, 'obj.yearsCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t(lang, 'obj.year')}</th>
            {rows.map((s) => (
              <td key={s.year} className="num">
                {s.year}
              </td>
            ))}
            <td className="num">{o.deadline_year}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'obj.legendValue')}</th>
            {rows.map((s) => (
              <td key={s.year} className="num" data-year={s.year}>
                {s.value === null ? '—' : fmt(lang, s.value, 1, unit)}
              </td>
            ))}
            <td className="num">{t(lang, 'obj.legendDeadline').toLowerCase()}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'obj.legendTarget')}</th>
            {rows.map((s) => (
              <td key={s.year} className="num">
                {condition(lang, o.target.op, o.target.value, unit)}
              </td>
            ))}
            <td className="num">{condition(lang, o.target.op, o.target.value, unit)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function ScopeMap({ lang, o }: { lang: Lang; o: ObjectiveDetail }) {
  const ref = parseRef(o.scope.territory);
  const level = ref?.level === 'commune' ? 'departement' : (ref?.level ?? 'departement');
  const geo = useQuery(geometryOptions(level));
  const features = useMemo<MapFeature[]>(
    () =>
      (geo.data?.features ?? [])
        .filter((f) => String(f.properties.code) === ref?.code)
        .map((f) => ({ code: String(f.properties.code), name: String(f.properties.name ?? f.properties.code), geometry: f.geometry })),
    [geo.data, ref?.code],
  );
  const points = useMemo<MapPoint[]>(
    () => o.left_behind.schools.flatMap((s) => (s.display_lon === null || s.display_lat === null ? [] : [{ id: s.uai, lon: s.display_lon, lat: s.display_lat, highlight: true }])),
    [o.left_behind.schools],
  );
  if (!geo.data) return <div className="pp-map obj-map pp-chart-slot" aria-busy="true" />;
  const scope = o.scope.territory_name ?? o.scope.territory;
  return (
    <div className="pp-map obj-map">
      <Sized print={190} initial={260}>
        {(width) => (
          <TerritoryMap
            lang={lang}
            title={t(lang, 'obj.mapTitle')}
            desc={t(lang, 'obj.mapDesc', { scope, n: points.length })}
            features={features}
            target={ref?.code ?? null}
            points={points}
            width={width}
            height={Math.round(width * 0.9)}
          />
        )}
      </Sized>
    </div>
  );
}

function Sources({ lang, o, url: given }: { lang: Lang; o: ObjectiveDetail; url?: string | undefined }) {
  const health = useQuery(healthOptions());
  const builtAt = health.data?.build.builtAt ?? o.built_at;
  const url = given ?? (typeof window === 'undefined' ? '' : window.location.href);
  return (
    <footer className="pp-sources" data-testid="page-sources">
      <p>
        <strong>{t(lang, o.sources.length > 1 ? 'sources.labelPlural' : 'sources.label')}</strong>
        {lang === 'fr' ? '\u00a0: ' : ': '}
        {o.sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? ' ; ' : null}
            {s.producer}, <cite>{s.title}</cite>, {s.vintage}
            {s.licence ? ` · ${s.licence}` : null}
          </span>
        ))}
        .{o.source ? ` ${t(lang, 'obj.sourceLine', { source: o.source })}.` : null}
      </p>
      {o.notice ? <p className="pp-sources-synthetic">{o.notice}</p> : null}
      {o.example_notice ? <p className="pp-sources-synthetic">{o.example_notice}</p> : null}
      {o.imported ? <p data-testid="objective-imported">{importedLine(lang, o.imported)}</p> : null}
      <p>
        {t(lang, 'sources.build', { date: formatDate(lang, builtAt) })} · {t(lang, 'profile.printedOn', { date: formatDate(lang, new Date().toISOString()) })} ·{' '}
        <span className="pp-url">{url}</span>
      </p>
    </footer>
  );
}

/** « Objectif importé par … le … (fichier …, SHA-256 …) ». */
export const importedLine = (lang: Lang, i: NonNullable<ObjectiveDetail['imported']>): string =>
  t(lang, 'obj.importedBy', { body: i.body, date: formatDate(lang, i.imported_at), file: i.file_name, sha: i.checksum_sha256.slice(0, 12) });
