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
  // below is a lookup, null where no feature reaches, which bounds the walk.
  const index = new GeoJSONVT(input, {
    maxZoom: tiling.maxzoom,
    indexMaxZoom: tiling.maxzoom,
    indexMaxPoints: 0,
    tolerance: tiling.tolerance,
    extent: EXTENT,
    buffer: BUFFER,
  });
  const kept = keptBelow(input.features as DisplayFeature[], tiling);
  const stack = [{ z: 0, x: 0, y: 0 }];
  while (stack.length) {
    const { z, x, y } = stack.pop() as { z: number; x: number; y: number };
    const main = index.getTile(z, x, y);
    const extra = z >= tiling.minzoom ? kept.get(z)?.getTile(z, x, y) : null;
    // no tile in the index: no feature of the level reaches it, nor its children (a tile whose
    // features were all dropped as too small still has children, which keep them)
    if (!main) continue;
    const features = extra?.features.length ? [...main.features, ...extra.features] : main.features;
    if (z >= tiling.minzoom && features.length > 0) {
      const tile = { ...main, features };
      yield { z, x, y, features: features.length, data: fromGeojsonVt({ [tiling.level]: tile }, { version: 2, extent: EXTENT }) };
    }
    if (z < tiling.maxzoom) for (const [dx, dy] of [[1, 1], [0, 1], [1, 0], [0, 0]] as const) stack.push({ z: z + 1, x: 2 * x + dx, y: 2 * y + dy });
  }
}

/**
 * No feature may vanish from a zoom of the level: geojson-vt drops every ring whose area is under
 * tolerance² (in tile units), so at low zooms the smallest communes would be missing from the
 * tiles (1,276 of them at z4, a quarter of a pixel or less). For each zoom from `minzoom` below
 * `maxzoom` (where geojson-vt neither simplifies nor drops), the features whose every ring is
 * under that area are cut again, unsimplified (tolerance 0: they have few points), in an index of
 * their own whose tiles are merged into the main ones. Returns zoom → that index.
 */
function keptBelow(features: readonly DisplayFeature[], tiling: LevelTiling): Map<number, GeoJSONVT> {
  const out = new Map<number, GeoJSONVT>();
  if (tiling.tolerance <= 0) return out;
  const largest = features.map((f) => largestRingArea(f.geometry));
  for (let z = tiling.minzoom; z < tiling.maxzoom; z++) {
    // geojson-vt's test (addLine in tile.ts): ring.size < (tolerance / (2^z · extent))², in world units
    const sq = (tiling.tolerance / ((1 << z) * EXTENT)) ** 2;
    const tiny = features.filter((_, i) => (largest[i] as number) < sq);
    if (!tiny.length) continue;
    out.set(z, new GeoJSONVT({ type: 'FeatureCollection', features: tiny }, { maxZoom: z, indexMaxZoom: z, indexMaxPoints: 0, tolerance: 0, extent: EXTENT, buffer: BUFFER }));
  }
  return out;
}

/** The largest ring area of a geometry in Web Mercator world units (0…1), computed as geojson-vt does. */
function largestRingArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let max = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let size = 0;
      let [x0, y0] = [0, 0];
      ring.forEach(([lon = 0, lat = 0], j) => {
        const [x, y] = [projectX(lon), projectY(lat)];
        if (j > 0) size += (x0 * y - x * y0) / 2;
        [x0, y0] = [x, y];
      });
      max = Math.max(max, Math.abs(size));
    }
  }
  return max;
}

// geojson-vt's projection (MercatorWorldCoordinateHelper), to the same floating-point operations
const projectX = (lon: number): number => lon / 360 + 0.5;
function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
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
