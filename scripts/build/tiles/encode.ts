// Cuts the display features of one level into Mapbox Vector Tiles (MVT 2.1, uncompressed pbf):
// geojson-vt clips and simplifies per tile, vt-pbf encodes. MapLibre's maintained forks of both
// (`@maplibre/geojson-vt`, `@maplibre/vt-pbf`) are used: ESM with types, and the very code
// MapLibre runs in the browser for GeoJSON sources. Pure (no I/O).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BUFFER, EXTENT, type Bounds, type LevelTiling } from './spec.ts';

/** One non-empty tile. */
export interface EncodedTile {
  z: number;
  x: number;
  y: number;
  /** Features in the tile (a polygon crossing tiles counts in each). */
  features: number;
  /** The MVT bytes, uncompressed. */
  data: Uint8Array;
}

/** A display feature as read from `geo/<level>.geojson`. */
export type DisplayFeature = Feature<Polygon | MultiPolygon, { code: string; name?: string }>;

/**
 * Every non-empty tile of the level from `tiling.minzoom` to `tiling.maxzoom`, parents before
 * children. Features keep only `tiling.fields` as properties (`code` as a string) and no feature
 * id: MapLibre takes `code` as the id with `promoteId: 'code'`.
 */
export function* encodeLevel(features: readonly DisplayFeature[], tiling: LevelTiling): Generator<EncodedTile> {
  const input: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: Object.fromEntries(tiling.fields.map((k) => [k, String(f.properties[k] ?? '')])),
      geometry: f.geometry,
    })),
  };
  // indexMaxZoom = maxZoom and indexMaxPoints = 0 cut the whole pyramid up front, so getTile
  // below is a lookup; a tile with no feature has no children, which bounds the walk.
  const index = new GeoJSONVT(input, {
    maxZoom: tiling.maxzoom,
    indexMaxZoom: tiling.maxzoom,
    indexMaxPoints: 0,
    tolerance: tiling.tolerance,
    extent: EXTENT,
    buffer: BUFFER,
  });
  const stack = [{ z: 0, x: 0, y: 0 }];
  while (stack.length) {
    const { z, x, y } = stack.pop() as { z: number; x: number; y: number };
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) continue;
    if (z >= tiling.minzoom) {
      yield { z, x, y, features: tile.features.length, data: fromGeojsonVt({ [tiling.level]: tile }, { version: 2, extent: EXTENT }) };
    }
    if (z < tiling.maxzoom) for (const [dx, dy] of [[1, 1], [0, 1], [1, 0], [0, 0]] as const) stack.push({ z: z + 1, x: 2 * x + dx, y: 2 * y + dy });
  }
}

/** The box `[west, south, east, north]` of the features, rounded outwards to 1e-4°. */
export function featureBounds(features: readonly DisplayFeature[]): Bounds {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
        if (lon < w) w = lon;
        if (lon > e) e = lon;
        if (lat < s) s = lat;
        if (lat > n) n = lat;
      }
    }
  }
  if (w > e) return [-180, -85.0511, 180, 85.0511];
  return [Math.floor(w * 1e4) / 1e4, Math.floor(s * 1e4) / 1e4, Math.ceil(e * 1e4) / 1e4, Math.ceil(n * 1e4) / 1e4];
}
