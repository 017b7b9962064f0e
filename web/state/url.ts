/**
 * The view state and its URL form (`?level=&indicator=&year=&lang=`): parse whatever the
 * address bar holds, resolve it against the catalog (unknown or unavailable values fall back
 * to defaults), and serialise it in a fixed order so equal states give equal URLs.
 */
import type { Indicator, Level } from '../../server/indicators/catalog.ts';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/index.ts';

/** Levels offered on the map (commune geometry is too big for now). */
export const MAP_LEVELS = ['region', 'academie', 'departement'] as const satisfies readonly Level[];
export type MapLevel = (typeof MAP_LEVELS)[number];

export const DEFAULT_LEVEL: MapLevel = 'departement';
export const DEFAULT_INDICATOR = 'ips';

export interface ViewState {
  level: MapLevel;
  indicator: string;
  year: number;
  lang: Lang;
}

/** What the URL asks for, before checking it against the catalog. */
export interface ViewQuery {
  level?: MapLevel;
  indicator?: string;
  year?: number;
  lang?: Lang;
}

/** The parts of an indicator that resolution needs. */
export type IndicatorChoice = Pick<Indicator, 'id' | 'levels' | 'years'>;

export function isMapLevel(s: unknown): s is MapLevel {
  return (MAP_LEVELS as readonly unknown[]).includes(s);
}

/** Read the view query from a `location.search` string; malformed parts are dropped. */
export function parseViewQuery(search: string): ViewQuery {
  const p = new URLSearchParams(search);
  const q: ViewQuery = {};
  const level = p.get('level');
  if (isMapLevel(level)) q.level = level;
  const indicator = p.get('indicator');
  if (indicator && /^[a-z0-9_]{1,64}$/.test(indicator)) q.indicator = indicator;
  const year = p.get('year');
  if (year && /^\d{4}$/.test(year)) q.year = Number(year);
  const lang = p.get('lang');
  if (isLang(lang)) q.lang = lang;
  return q;
}

/** A complete, valid view state for `query`, given the catalog (which must not be empty). */
export function resolveViewState(query: ViewQuery, indicators: readonly IndicatorChoice[]): ViewState {
  const indicator =
    indicators.find((i) => i.id === query.indicator) ??
    indicators.find((i) => i.id === DEFAULT_INDICATOR) ??
    indicators[0];
  if (!indicator) throw new Error('empty indicator catalog');
  const levels = MAP_LEVELS.filter((l) => indicator.levels.includes(l));
  const level =
    query.level && levels.includes(query.level)
      ? query.level
      : levels.includes(DEFAULT_LEVEL)
        ? DEFAULT_LEVEL
        : (levels[0] ?? DEFAULT_LEVEL);
  const year =
    query.year !== undefined && indicator.years.includes(query.year)
      ? query.year
      : Math.max(...indicator.years);
  return { level, indicator: indicator.id, year, lang: query.lang ?? DEFAULT_LANG };
}

/** The `?…` string of a state, keys in a fixed order. */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams({
    level: state.level,
    indicator: state.indicator,
    year: String(state.year),
    lang: state.lang,
  });
  return `?${p.toString()}`;
}
