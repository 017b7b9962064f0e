/**
 * The MapLibre style, built in code: one vector-tile source per level (served by /tiles, no
 * external server, no glyphs, no sprites: labels and the inset frames are DOM, insetLabels.ts);
 * the school points' source and layers are added when first shown (useMapLayers.ts: an empty
 * GeoJSON source would still cost a round trip through the map's worker before the first idle). Paint never changes with the data: a territory's colour is its
 * feature-state (a new indicator, year or palette only updates states, never re-parses tiles),
 * and only the layers of the levels in use are visible (hidden sources load no tiles). Nothing
 * fades (no transitions).
 */
import type { FeatureCollection } from 'geojson';
import { TILINGS, tileUrl } from '../../scripts/build/tiles/spec.ts';
import { MAP_LEVELS, type MapLevel } from '../state/url.ts';
import { territoryLayers, type LayerSpec, type StyleSpec } from './layers.ts';
import { BACKGROUND_COLOR } from './palette.ts';

export * from './layers.ts';
export type Bounds = [number, number, number, number];

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** France with the DROM insets (display coordinates, see data/README.md) and metropolitan France. */
export const FRANCE_BOUNDS: Bounds = [-12.2, 41.3, 9.6, 51.1];
export const METROPOLE_BOUNDS: Bounds = [-5.2, 41.3, 9.6, 51.1];

/**
 * The vector source of a level. Its zoom range is the one the tiles were built with (the shared
 * spec behind each `/tiles/{level}/tilejson.json`), written inline so the first tiles are asked
 * for as soon as the style loads, without a TileJSON round trip first.
 */
export function tileSource(origin: string, level: MapLevel) {
  const tiling = TILINGS.find((t) => t.level === level);
  if (!tiling) throw new Error(`no tiles for level ${level}`);
  const { minzoom, maxzoom } = tiling;
  return { type: 'vector' as const, tiles: [`${origin}${tileUrl(level)}`], minzoom, maxzoom, bounds: FRANCE_BOUNDS, promoteId: 'code' };
}

/** The first zoom with tiles for `level` (below it nothing of the level draws). */
export function levelMinZoom(level: MapLevel): number {
  return TILINGS.find((t) => t.level === level)?.minzoom ?? 0;
}

/** The whole style; `origin` makes tile URLs absolute (the worker fetches them). */
export function baseStyle(origin: string, visible: ReadonlySet<string> = new Set()): StyleSpec {
  const { below, above } = territoryLayers();
  const layers: LayerSpec[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
    ...below,
    ...above,
  ];
  return {
    version: 8,
    name: 'copaneeta-explorer',
    // no fades: a paint change (a level's fill shown once coloured) is drawn in one frame, not
    // over 300 ms of frames (each one costs a full redraw of ~35,000 communes in software WebGL)
    transition: { duration: 0, delay: 0 },
    sources: {
      ...Object.fromEntries(MAP_LEVELS.map((level) => [level, tileSource(origin, level)])),
    },
    layers: layers.map((l) =>
      'source' in l ? { ...l, layout: { visibility: visible.has(l.id) ? 'visible' : 'none' } } : l,
    ),
  } as StyleSpec;
}

/** [west, south, east, north] of every coordinate in the collections (null if none). */
export function boundsOf(...collections: readonly FeatureCollection[]): Bounds | null {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
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
