/**
 * The paths of the pages beside the map, and their URL state (all of it in the URL, so every
 * profile and comparison can be shared and printed as is):
 *   /territoire/{level}/{code}?year=&indicator=&school=&lang=   a territory's profile
 *   /objectifs?lang=   /objectifs/{id}?lang=   the convention objectives and one's follow-up
 *   /objectifs/rapport?convention=&partenaire=&lang=   the follow-up report of a convention / partner
 *   /comparer?territories=departement:03,departement:15&indicators=&year=&lang=   2 to 4 side by side
 * Anything else is the map (state/url.ts). Malformed parts are dropped, never trusted. Pure.
 */
import { isLang, type Lang } from '../i18n/index.ts';
import { isMapLevel, parseRef, refString, type TerritoryRef } from '../state/url.ts';

/** At most this many territories are compared. */
export const MAX_COMPARE = 4;

export type Page =
  | { kind: 'map' }
  | { kind: 'profile'; territory: TerritoryRef }
  | { kind: 'compare' }
  | { kind: 'objectives' }
  | { kind: 'objective'; id: string }
  | { kind: 'objectivesReport' };

const OBJECTIVE = /^\/objectifs\/([a-z0-9][a-z0-9-]{0,63})\/?$/;
const PROFILE = /^\/territoire\/([a-z]+)\/([0-9][0-9AB][0-9]{0,3})\/?$/;

/** Which page a path shows. */
export function pageOf(pathname: string): Page {
  const m = PROFILE.exec(pathname);
  if (m && isMapLevel(m[1])) return { kind: 'profile', territory: { level: m[1], code: m[2] as string } };
  if (/^\/comparer\/?$/.test(pathname)) return { kind: 'compare' };
  if (/^\/objectifs\/?$/.test(pathname)) return { kind: 'objectives' };
  if (/^\/objectifs\/rapport\/?$/.test(pathname)) return { kind: 'objectivesReport' };
  const o = OBJECTIVE.exec(pathname);
  if (o) return { kind: 'objective', id: o[1] as string };
  return { kind: 'map' };
}

const INDICATOR = /^[a-z0-9_]{1,64}$/;
const UAI = /^[0-9]{7}[A-Z]$/;

const year = (p: URLSearchParams) => {
  const y = p.get('year');
  return y && /^\d{4}$/.test(y) ? Number(y) : null;
};
const lang = (p: URLSearchParams): Lang | null => {
  const l = p.get('lang');
  return isLang(l) ? l : null;
};

export interface ProfileQuery {
  year: number | null;
  indicator: string | null;
  /** a school (UAI) highlighted in the distribution and on the map */
  school: string | null;
  lang: Lang | null;
}

export function parseProfileQuery(search: string): ProfileQuery {
  const p = new URLSearchParams(search);
  const indicator = p.get('indicator');
  const school = p.get('school')?.toUpperCase() ?? null;
  return { year: year(p), indicator: indicator && INDICATOR.test(indicator) ? indicator : null, school: school && UAI.test(school) ? school : null, lang: lang(p) };
}

/** The path of a profile, keys in a fixed order, empty ones left out. */
export function profilePath(territory: TerritoryRef, q: Partial<ProfileQuery> = {}): string {
  const p = new URLSearchParams();
  if (q.year) p.set('year', String(q.year));
  if (q.indicator) p.set('indicator', q.indicator);
  if (q.school) p.set('school', q.school);
  if (q.lang) p.set('lang', q.lang);
  const s = p.toString();
  return `/territoire/${territory.level}/${encodeURIComponent(territory.code)}${s ? `?${s}` : ''}`;
}

export interface CompareQuery {
  territories: TerritoryRef[];
  indicators: string[];
  year: number | null;
  lang: Lang | null;
}

export function parseCompareQuery(search: string): CompareQuery {
  const p = new URLSearchParams(search);
  const refs = (p.get('territories') ?? '').split(',').map((s) => parseRef(s.trim())).filter((r): r is TerritoryRef => r !== null);
  const unique = refs.filter((r, i) => refs.findIndex((o) => refString(o) === refString(r)) === i).slice(0, MAX_COMPARE);
  const indicators = [...new Set((p.get('indicators') ?? '').split(',').filter((s) => INDICATOR.test(s)))];
  return { territories: unique, indicators, year: year(p), lang: lang(p) };
}

/** The path of a comparison (commas kept readable). */
export function comparePath(q: Partial<CompareQuery>): string {
  const parts: string[] = [];
  if (q.territories?.length) parts.push(`territories=${q.territories.slice(0, MAX_COMPARE).map(refString).join(',')}`);
  if (q.indicators?.length) parts.push(`indicators=${q.indicators.join(',')}`);
  if (q.year) parts.push(`year=${q.year}`);
  if (q.lang) parts.push(`lang=${q.lang}`);
  return `/comparer${parts.length ? `?${parts.join('&')}` : ''}`;
}

/** The map showing a territory selected, in the language of the page. */
export function mapPath(territory: TerritoryRef, indicator: string | null, year: number | null, l: Lang | null): string {
  const p = new URLSearchParams({ level: territory.level });
  if (indicator) p.set('indicator', indicator);
  if (year) p.set('year', String(year));
  if (l) p.set('lang', l);
  p.set('selected', refString(territory));
  return `/?${p.toString()}`;
}

/** The list of the convention objectives. */
export const objectivesPath = (l: Lang | null = null): string => `/objectifs${l && l !== 'fr' ? `?lang=${l}` : ''}`;

/** One objective's follow-up page. */
export const objectivePath = (id: string, l: Lang | null = null): string => `/objectifs/${encodeURIComponent(id)}${l && l !== 'fr' ? `?lang=${l}` : ''}`;

export interface ReportQuery {
  convention: string | null;
  partner: string | null;
  lang: Lang | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `/objectifs/rapport?convention=&partenaire=&lang=` (malformed ids dropped). */
export function parseReportQuery(search: string): ReportQuery {
  const p = new URLSearchParams(search);
  const slug = (k: string) => {
    const v = p.get(k);
    return v && SLUG.test(v) ? v : null;
  };
  return { convention: slug('convention'), partner: slug('partenaire'), lang: lang(p) };
}

/** The follow-up report of a convention and/or a partner (both empty: every objective). */
export function objectivesReportPath(q: Partial<ReportQuery> = {}): string {
  const p = new URLSearchParams();
  if (q.convention) p.set('convention', q.convention);
  if (q.partner) p.set('partenaire', q.partner);
  if (q.lang && q.lang !== 'fr') p.set('lang', q.lang);
  const s = p.toString();
  return `/objectifs/rapport${s ? `?${s}` : ''}`;
}
