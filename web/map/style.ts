/**
 * The MapLibre style, built in code: a background and our two GeoJSON sources, no tiles, no
 * glyphs, no sprites (labels are DOM). Territories are coloured through feature-state `cls`
 * (class index), so a new indicator or year only updates states and the colour expression.
 */
import type { MapOptions } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { BACKGROUND_COLOR, NO_DATA_COLOR } from './palette.ts';

/** The style object type, derived from the public MapLibre API. */
export type StyleSpec = Exclude<NonNullable<MapOptions['style']>, string>;
export type LayerSpec = StyleSpec['layers'][number];
type FillPaint = NonNullable<Extract<LayerSpec, { type: 'fill' }>['paint']>;
/** A fill colour: a constant or an expression. */
export type FillColor = NonNullable<FillPaint['fill-color']>;

export const TERRITORIES = 'territories';
export const INSETS = 'insets';
export const LAYER = {
  background: 'background',
  fill: 'territories-fill',
  outline: 'territories-outline',
  hover: 'territories-hover',
  insets: 'insets-frame',
} as const;

/** Feature-state keys set on territories. */
export const STATE_CLASS = 'cls';
export const STATE_HOVER = 'hover';

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * fill-color: the colour of the feature's class, NO_DATA_COLOR when it has none
 * (no value, or values not applied yet).
 */
export function fillColorExpression(colors: readonly string[]): FillColor {
  if (colors.length === 0) return NO_DATA_COLOR;
  const branches = colors.flatMap((c, i) => [i, c]);
  const expression = ['match', ['coalesce', ['feature-state', STATE_CLASS], -1], ...branches, NO_DATA_COLOR];
  return expression as unknown as FillColor; // a variadic `match` cannot be typed as a tuple
}

/** The whole style, with empty sources filled in later with `setData`. */
export function baseStyle(colors: readonly string[] = []): StyleSpec {
  return {
    version: 8,
    name: 'copaneeta-choropleth',
    sources: {
      [TERRITORIES]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'code' },
      [INSETS]: { type: 'geojson', data: EMPTY_COLLECTION },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      {
        id: LAYER.fill,
        type: 'fill',
        source: TERRITORIES,
        paint: { 'fill-color': fillColorExpression(colors), 'fill-opacity': 1 },
      },
      {
        id: LAYER.outline,
        type: 'line',
        source: TERRITORIES,
        paint: { 'line-color': '#ffffff', 'line-width': 0.7 },
      },
      {
        id: LAYER.hover,
        type: 'line',
        source: TERRITORIES,
        paint: {
          'line-color': '#111827',
          'line-width': 2.5,
          'line-opacity': ['case', ['boolean', ['feature-state', STATE_HOVER], false], 1, 0],
        },
      },
      {
        id: LAYER.insets,
        type: 'line',
        source: INSETS,
        paint: { 'line-color': '#7b8794', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
    ],
  };
}

/** [west, south, east, north] of every coordinate in the collections (null if none). */
export function boundsOf(...collections: readonly FeatureCollection[]): [number, number, number, number] | null {
  const b = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
      return;
    }
    for (const child of c) visit(child);
  };
  for (const fc of collections) {
    for (const f of fc.features) {
      if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
    }
  }
  return Number.isFinite(b[0]) ? b : null;
}
