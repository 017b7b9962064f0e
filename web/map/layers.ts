/**
 * The layers of the map style, pure data: per level a fill (colour = feature-state `color`,
 * absent = outside the selection), white borders, the borders of the parent level for
 * orientation, and hover and selection outlines (feature-state flags); then the school points
 * (solid = exact position, hollow with a dark rim = the commune's centre).
 */
import { scaleLinear } from 'd3';
import type { ExpressionSpecification, MapOptions } from 'maplibre-gl';
import { OVERVIEW_MAX_ZOOM } from '../../scripts/build/overview/spec.ts';
import { MAP_LEVELS, type MapLevel, type TerritoryRef } from '../state/url.ts';

/** The style object type, derived from the public MapLibre API. */
export type StyleSpec = Exclude<NonNullable<MapOptions['style']>, string>;
export type LayerSpec = StyleSpec['layers'][number];

/** The DROM inset frames (display coordinates), built with the geometry. */
export const INSETS_URL = '/geo/insets.geojson';
export const SCHOOLS = 'schools';
/** Feature-state keys: fill colour (absent = outside the selection or not coloured yet), hover, outline. */
export const STATE = { color: 'color', hover: 'hover', selected: 'selected', lisa: 'lisa' } as const;
/**
 * LISA cluster outlines (feature-state `lisa`, see lisa.ts): the underserved clusters ("zones
 * blanches") in magenta, the well-served ones in orange, both over a white casing (distinct from
 * the YlGnBu fills and from the dark selection outline, also for colour-blind readers).
 */
export const LISA_COLORS = { under: '#c51b7d', well: '#e66101' } as const;
/** Fill of territories outside `within` (and before values arrive): paler than "no data". */
export const OUTSIDE_COLOR = '#e6e9ee';

/** Layer ids of a level, bottom to top. */
export const levelLayers = (level: MapLevel) =>
  ({
    fill: `${level}-fill`,
    line: `${level}-line`,
    context: `${level}-context`,
    hover: `${level}-hover`,
    casing: `${level}-casing`,
    outline: `${level}-outline`,
    lisaCasing: `${level}-lisa-casing`,
    lisa: `${level}-lisa`,
  }) as const;
export const SCHOOL_LAYERS = { halo: 'schools-halo', approx: 'schools-approx', exact: 'schools-exact' } as const;

/** The level whose borders are drawn over a level for orientation (départements over communes). */
export const CONTEXT_LEVEL: Record<MapLevel, MapLevel | null> = {
  region: null,
  academie: 'region',
  departement: 'region',
  commune: 'departement',
};

type Role = keyof ReturnType<typeof levelLayers>;
const flag = (key: string) => ['boolean', ['feature-state', key], false];
/** Communes are a few pixels wide at the scale of France: their cluster outlines thin out there. */
const LISA_THINNING: readonly (readonly [number, number])[] = [[4, 1 / 5], [6, 1 / 2], [8, 1]];
const lisaWidth = (level: MapLevel, width: number) =>
  level === 'commune' ? ['interpolate', ['linear'], ['zoom'], ...LISA_THINNING.flatMap(([z, k]) => [z, width * k])] : width;
/** Widths of the LISA outline and of its white casing (CSS px, at zoom 8 for communes). */
export const LISA_WIDTH = 2.4;
export const LISA_CASING_WIDTH = 4.5;
/** The width of a LISA line of base width `width` at `zoom`, as the map draws it (the map export draws the same). */
const thinning = scaleLinear(LISA_THINNING.map(([z]) => z), LISA_THINNING.map(([, k]) => k)).clamp(true);
export function lisaLineWidth(level: MapLevel, zoom: number, width = LISA_WIDTH): number {
  return level === 'commune' ? width * thinning(zoom) : width;
}
const lisaIs = (kind: 'under' | 'well') => ['==', ['feature-state', STATE.lisa], kind];
/** The commune mesh is too fine for borders at the scale of France: fade them in. */
const lineOpacity = (level: MapLevel) => (level === 'commune' ? ['interpolate', ['linear'], ['zoom'], 5.5, 0.2, 8, 0.9] : 0.9);

function layer(level: MapLevel, role: Role): LayerSpec {
  const base = { id: levelLayers(level)[role], source: level, 'source-layer': level };
  const spec: Record<Role, object> = {
    fill: {
      type: 'fill',
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', STATE.color], OUTSIDE_COLOR]],
        'fill-opacity': 0, // until the level is coloured (useChoropleth)
        // the antialiasing pass draws every commune edge again (twice the cost of a frame in
        // software WebGL) for no visible gain: white borders cover the edges from zoom 5.5
        ...(level === 'commune' ? { 'fill-antialias': false } : {}),
      },
    },
    line: { type: 'line', paint: { 'line-color': '#ffffff', 'line-width': 0.7, 'line-opacity': lineOpacity(level) } },
    context: { type: 'line', paint: { 'line-color': '#4b5563', 'line-width': level === 'departement' ? 0.9 : 1.2 } },
    hover: { type: 'line', paint: { 'line-color': '#111827', 'line-width': 1.8, 'line-opacity': ['case', flag(STATE.hover), 1, 0] } },
    casing: { type: 'line', paint: { 'line-color': '#ffffff', 'line-width': 5.5, 'line-opacity': ['case', flag(STATE.selected), 0.95, 0] } },
    outline: { type: 'line', paint: { 'line-color': '#0b1320', 'line-width': 2.6, 'line-opacity': ['case', flag(STATE.selected), 1, 0] } },
    lisaCasing: { type: 'line', paint: { 'line-color': '#ffffff', 'line-width': lisaWidth(level, LISA_CASING_WIDTH), 'line-opacity': ['case', lisaIs('under'), 0.9, lisaIs('well'), 0.9, 0] } },
    lisa: {
      type: 'line',
      paint: {
        'line-color': ['case', lisaIs('under'), LISA_COLORS.under, LISA_COLORS.well],
        'line-width': lisaWidth(level, LISA_WIDTH),
        'line-opacity': ['case', lisaIs('under'), 1, lisaIs('well'), 1, 0],
      },
    },
  };
  // Communes are a few pixels wide at the scale of France: their outlines start at zoom 6, so the
  // ~35,000 shapes never build or draw line geometry there (in software WebGL a frame with
  // feature-state lines over every commune costs three times the fill alone).
  // (the LISA outlines are only visible on request, and clusters must show at the scale of France)
  // Below OVERVIEW_MAX_ZOOM the communes' fill is drawn from the overview rasters instead
  // (web/map/overview), so their tiles are not even loaded there unless LISA outlines are shown.
  const communeMinZoom: Partial<Record<Role, number>> = { fill: OVERVIEW_MAX_ZOOM, line: 5.5, hover: 6, casing: 6, outline: 6 };
  // (the départements are the context of the commune level only: the overview draws their borders)
  const minzoom =
    level === 'commune' && communeMinZoom[role] !== undefined
      ? { minzoom: communeMinZoom[role] }
      : level === 'departement' && role === 'context'
        ? { minzoom: OVERVIEW_MAX_ZOOM }
        : {};
  return { ...base, ...spec[role], ...minzoom, layout: { visibility: 'none' } } as LayerSpec;
}

/** Which levels' layers show for a view: the map level, its context borders, the outlined territories. */
export function visibleLayers(level: MapLevel, within: TerritoryRef | null, selected: TerritoryRef | null): Set<string> {
  const own = levelLayers(level);
  const ids = new Set<string>([own.fill, own.line, own.hover, own.casing, own.outline]);
  const context = CONTEXT_LEVEL[level];
  if (context) ids.add(levelLayers(context).context);
  for (const ref of [within, selected]) {
    // a selected territory below the map level would load a finer source: not outlined
    if (ref && MAP_LEVELS.indexOf(ref.level) <= MAP_LEVELS.indexOf(level)) {
      ids.add(levelLayers(ref.level).casing).add(levelLayers(ref.level).outline);
    }
  }
  return ids;
}

/** Radius of a school point by zoom. */
const circleRadius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 4, 1.7, 8, 3.2, 12, 6.5];

/** Territory layers of every level, bottom to top: all fills, all borders, then the outlines. */
export function territoryLayers(): { below: LayerSpec[]; above: LayerSpec[] } {
  const all = (roles: Role[]) => roles.flatMap((role) => MAP_LEVELS.map((level) => layer(level, role)));
  return { below: all(['fill', 'line', 'context']), above: all(['lisaCasing', 'lisa', 'hover', 'casing', 'outline']) };
}

/** The school point layers, bottom to top. */
export function schoolLayers(): LayerSpec[] {
  return [
    {
      // a dark rim under the hollow points, so a pale class colour still reads on a pale fill
      id: SCHOOL_LAYERS.halo,
      type: 'circle',
      source: SCHOOLS,
      filter: ['==', ['get', 'q'], 'commune'],
      // thin at the scale of France, where ~43,000 rims would darken everything
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 2.1, 8, 5.5, 12, 8.8],
        'circle-color': '#1f2933',
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 5, 0.2, 8, 0.8],
      },
    },
    {
      id: SCHOOL_LAYERS.approx,
      type: 'circle',
      source: SCHOOLS,
      filter: ['==', ['get', 'q'], 'commune'],
      paint: { 'circle-radius': circleRadius, 'circle-color': '#ffffff', 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 1.8 },
    },
    {
      id: SCHOOL_LAYERS.exact,
      type: 'circle',
      source: SCHOOLS,
      filter: ['==', ['get', 'q'], 'exact'],
      paint: { 'circle-radius': circleRadius, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#1f2933', 'circle-stroke-width': 0.7 },
    },
  ] as LayerSpec[];
}
