/**
 * The URL state of a chart embed (`/embed/chart?chart=…`), shared by the chart embed page, the
 * "Intégrer" buttons of the charts and (for the full-view link) the server's oEmbed answer. One
 * kind per chart of the dashboard:
 *   series        the time series of a profile      level, code, indicator (year, lang)
 *   distribution  a profile's schools or communes   level, code, indicator, year (school)
 *   theil         a profile's Theil split           level, code, indicator, year
 *   compare       one small multiple of /comparer   territories, indicator, year
 *   objective     an objective's follow-up chart    id
 * Malformed parts are dropped, never trusted. Pure (no DOM, no React).
 */
import { isLang, type Lang } from '../i18n/index.ts';
import { comparePath, MAX_COMPARE, objectivePath, profilePath } from '../pages/routes.ts';
import { isMapLevel, parseRef, refString, type TerritoryRef } from '../state/url.ts';

export const CHART_KINDS = ['series', 'distribution', 'theil', 'compare', 'objective'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartQuery {
  chart: ChartKind;
  /** the territory of a profile chart */
  territory: TerritoryRef | null;
  /** the territories of a comparison */
  territories: TerritoryRef[];
  indicator: string | null;
  year: number | null;
  school: string | null;
  /** an objective's id */
  id: string | null;
  lang: Lang | null;
}

const INDICATOR = /^[a-z0-9_]{1,64}$/;
const CODE = /^[0-9][0-9AB][0-9]{0,3}$/;
const UAI = /^[0-9]{7}[A-Z]$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const isKind = (s: string | null): s is ChartKind => (CHART_KINDS as readonly (string | null)[]).includes(s);

/** Reads a chart embed's query string; null when it names no known chart. */
export function parseChartQuery(search: string): ChartQuery | null {
  const p = new URLSearchParams(search);
  const chart = p.get('chart');
  if (!isKind(chart)) return null;
  const level = p.get('level');
  const code = p.get('code');
  const territory = isMapLevel(level) && code && CODE.test(code) ? { level, code } : null;
  const refs = (p.get('territories') ?? '').split(',').map((s) => parseRef(s.trim())).filter((r): r is TerritoryRef => r !== null);
  const territories = refs.filter((r, i) => refs.findIndex((o) => refString(o) === refString(r)) === i).slice(0, MAX_COMPARE);
  const indicator = p.get('indicator');
  const year = p.get('year');
  const school = p.get('school')?.toUpperCase() ?? null;
  const id = p.get('id');
  const lang = p.get('lang');
  return {
    chart,
    territory,
    territories,
    indicator: indicator && INDICATOR.test(indicator) ? indicator : null,
    year: year && /^\d{4}$/.test(year) ? Number(year) : null,
    school: school && UAI.test(school) ? school : null,
    id: id && ID.test(id) ? id : null,
    lang: isLang(lang) ? lang : null,
  };
}

/** What a chart needs to be drawn at all (else the embed says the link is incomplete). */
export function isComplete(q: ChartQuery): boolean {
  if (q.chart === 'objective') return q.id !== null;
  if (q.chart === 'compare') return q.territories.length > 0 && q.indicator !== null;
  return q.territory !== null && q.indicator !== null;
}

/** The canonical query string of a chart (fixed key order, empty parts left out), without `?`. */
export function chartSearch(q: Partial<ChartQuery> & { chart: ChartKind }): string {
  const p = new URLSearchParams({ chart: q.chart });
  if (q.chart === 'objective') {
    if (q.id) p.set('id', q.id);
  } else if (q.chart === 'compare') {
    if (q.territories?.length) p.set('territories', q.territories.map(refString).join(','));
  } else if (q.territory) {
    p.set('level', q.territory.level);
    p.set('code', q.territory.code);
  }
  if (q.chart !== 'objective') {
    if (q.indicator) p.set('indicator', q.indicator);
    if (q.year && q.chart !== 'series') p.set('year', String(q.year));
    if (q.school && q.chart === 'distribution') p.set('school', q.school);
  }
  if (q.lang) p.set('lang', q.lang);
  return p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** The page of the dashboard that shows the chart in full (profile, comparison, objective). */
export function fullViewHref(q: ChartQuery): string {
  if (q.chart === 'objective') return q.id ? objectivePath(q.id, q.lang) : '/objectifs';
  if (q.chart === 'compare') return comparePath({ territories: q.territories, indicators: q.indicator ? [q.indicator] : [], year: q.year, lang: q.lang });
  if (!q.territory) return '/';
  return profilePath(q.territory, { year: q.year, indicator: q.indicator, school: q.chart === 'distribution' ? q.school : null, lang: q.lang });
}
