/**
 * The view state and its URL form: parse whatever the address bar holds, resolve it against
 * the catalog (unknown or unavailable values fall back to defaults), and serialise it in a fixed
 * order so equal states give equal URLs. Every view can be shared, embedded and restored.
 *
 * Keys: level, indicator, year, lang, method, classes, palette, reverse, breaks, center,
 * within, selected, school_type, sector, schools, lisa, map (zoom/lat/lon).
 */
import type { Indicator, Level, SchoolType, Sector } from '../../server/indicators/catalog.ts';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/index.ts';
import { yearIn } from './years.ts';

/** Levels offered on the map, top-down. */
export const MAP_LEVELS = ['region', 'academie', 'departement', 'commune'] as const satisfies readonly Level[];
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Classification methods (see web/map/classify.ts). */
export const METHODS = ['quantile', 'equal', 'jenks', 'stddev', 'geometric', 'headtail', 'manual'] as const;
export type Method = (typeof METHODS)[number];

/** Where a diverging palette is centred: not diverging, the parent's value, France's value. */
export const CENTERS = ['none', 'parent', 'national'] as const;
export type Center = (typeof CENTERS)[number];

export const DEFAULT_LEVEL: MapLevel = 'departement';
export const DEFAULT_INDICATOR = 'ips';
export const DEFAULT_METHOD: Method = 'quantile';
export const DEFAULT_CLASSES = 5;
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;
/** default palette name (a d3-scale-chromatic scheme, colour-blind-safe) */
export const DEFAULT_PALETTE = 'YlGnBu';

/** A territory as `<level>:<code>`. */
export interface TerritoryRef {
  level: MapLevel;
  code: string;
}

/** The map camera: zoom and centre. */
export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  level: MapLevel;
  indicator: string;
  year: number;
  lang: Lang;
  method: Method;
  classes: number;
  palette: string;
  reverse: boolean;
  /** manual breaks (method 'manual'), ascending */
  breaks: number[];
  center: Center;
  /** the parent the map is restricted to (drill-down), or null for all France */
  within: TerritoryRef | null;
  /** the selected territory (side panel, highlight), or null */
  selected: TerritoryRef | null;
  schoolType: SchoolType | null;
  sector: Sector | null;
  /** show schools as points */
  schools: boolean;
  /** outline the significant LISA clusters (low-service "zones blanches") */
  lisa: boolean;
  /** the camera, or null to fit the current extent */
  camera: Camera | null;
}

/** What the URL asks for, before checking it against the catalog. */
export type ViewQuery = Partial<ViewState>;

/** What resolving a view needs of an indicator (`yearDetails`: present in the served catalog, see ./years.ts). */
export type IndicatorChoice = Pick<Indicator, 'id' | 'levels' | 'years'> & Partial<Pick<Indicator, 'yearDetails'>>;

export function isMapLevel(s: unknown): s is MapLevel {
  return (MAP_LEVELS as readonly unknown[]).includes(s);
}

const CODE = /^[0-9][0-9AB][0-9]{0,3}$/;

/** Parses `<level>:<code>`; null when malformed. */
export function parseRef(s: string | null): TerritoryRef | null {
  if (!s) return null;
  const [level, code] = s.split(':');
  return isMapLevel(level) && code && CODE.test(code) ? { level, code } : null;
}

export const refString = (r: TerritoryRef): string => `${r.level}:${r.code}`;

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
  const method = p.get('method');
  if ((METHODS as readonly (string | null)[]).includes(method)) q.method = method as Method;
  const classes = Number(p.get('classes'));
  if (Number.isInteger(classes) && classes >= MIN_CLASSES && classes <= MAX_CLASSES) q.classes = classes;
  const palette = p.get('palette');
  if (palette && /^[A-Za-z]{2,20}$/.test(palette)) q.palette = palette;
  if (p.get('reverse') === '1') q.reverse = true;
  const breaks = p.get('breaks');
  if (breaks) {
    const list = breaks.split(',').slice(0, MAX_CLASSES - 1).map(Number);
    if (list.every(Number.isFinite)) q.breaks = [...list].sort((a, b) => a - b);
  }
  const center = p.get('center');
  if ((CENTERS as readonly (string | null)[]).includes(center)) q.center = center as Center;
  const within = parseRef(p.get('within'));
  if (within) q.within = within;
  const selected = parseRef(p.get('selected'));
  if (selected) q.selected = selected;
  const schoolType = p.get('school_type');
  if (schoolType === 'ecole' || schoolType === 'college' || schoolType === 'lycee') q.schoolType = schoolType;
  const sector = p.get('sector');
  if (sector === 'public' || sector === 'prive') q.sector = sector;
  if (p.get('schools') === '1') q.schools = true;
  if (p.get('lisa') === '1') q.lisa = true;
  const map = p.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [zoom = 0, lat = 0, lon = 0] = map;
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) q.camera = { zoom, lat, lon };
  }
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
  // the served catalog's years (those the warehouse holds), see ./years.ts
  const year = yearIn(indicator, query.year);
  // `within` must be above the level
  const within =
    query.within && MAP_LEVELS.indexOf(query.within.level) < MAP_LEVELS.indexOf(level) ? query.within : null;
  const method = query.method ?? DEFAULT_METHOD;
  return {
    level,
    indicator: indicator.id,
    year,
    lang: query.lang ?? DEFAULT_LANG,
    method: method === 'manual' && !query.breaks?.length ? DEFAULT_METHOD : method,
    classes: query.classes ?? DEFAULT_CLASSES,
    palette: query.palette ?? DEFAULT_PALETTE,
    reverse: query.reverse ?? false,
    breaks: method === 'manual' ? (query.breaks ?? []) : [],
    center: query.center ?? 'none',
    within,
    selected: query.selected ?? null,
    schoolType: query.schoolType ?? null,
    sector: query.sector ?? null,
    schools: query.schools ?? false,
    lisa: query.lisa ?? false,
    camera: query.camera ?? null,
  };
}

const round = (x: number, d: number) => String(Math.round(x * 10 ** d) / 10 ** d);

/** The `?…` string of a state, keys in a fixed order, defaults left out (except the first four). */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams({
    level: state.level,
    indicator: state.indicator,
    year: String(state.year),
    lang: state.lang,
  });
  if (state.method !== DEFAULT_METHOD) p.set('method', state.method);
  if (state.classes !== DEFAULT_CLASSES) p.set('classes', String(state.classes));
  if (state.palette !== DEFAULT_PALETTE) p.set('palette', state.palette);
  if (state.reverse) p.set('reverse', '1');
  if (state.method === 'manual' && state.breaks.length) p.set('breaks', state.breaks.join(','));
  if (state.center !== 'none') p.set('center', state.center);
  if (state.within) p.set('within', refString(state.within));
  if (state.selected) p.set('selected', refString(state.selected));
  if (state.schoolType) p.set('school_type', state.schoolType);
  if (state.sector) p.set('sector', state.sector);
  if (state.schools) p.set('schools', '1');
  if (state.lisa) p.set('lisa', '1');
  if (state.camera) p.set('map', `${round(state.camera.zoom, 2)}/${round(state.camera.lat, 4)}/${round(state.camera.lon, 4)}`);
  return `?${p.toString()}`;
}
