// What the vector tiles of each map level hold (zoom range, simplification, properties) and the
// tile arithmetic shared by the builder, the server route and the tests: TileJSON, Web Mercator
// tile ranges, and the zoom at which a box fits a viewport. Pure, no I/O.
import type { Level } from '../../../server/indicators/catalog.ts';

/** `[west, south, east, north]` in degrees. */
export type Bounds = [number, number, number, number];

/** How one level is tiled. */
export interface LevelTiling {
  level: Level;
  minzoom: number;
  maxzoom: number;
  /** geojson-vt simplification tolerance in tile units (EXTENT units per tile, 8 per pixel at 512 px). */
  tolerance: number;
  /** Feature properties kept in the tiles (all strings). */
  fields: readonly ('code' | 'name')[];
}

/** Tile extent (units across a tile) and buffer (units beyond each edge), the MVT defaults. */
export const EXTENT = 4096;
export const BUFFER = 64;

/**
 * Zoom ranges and contents per level. MapLibre draws vector tiles 512 px wide, so one pixel is 8
 * tile units; beyond maxzoom it overzooms the maxzoom tiles.
 *
 * - Upper levels z0–z8 with geojson-vt's default tolerance (3 units = 0.375 px, MapLibre's own
 *   choice for GeoJSON sources); their display geometry is coarser than z8 quantisation anyway.
 * - Communes z4–z10. France with its DROM insets (display box −12.2…9.6° E, 41.3…51.1° N) fits a
 *   1280×800 viewport at z ≈ 5.3, and a map area narrowed by side panels (≈ 900 px) at z ≈ 4.8,
 *   which loads z4 tiles: below a source's minzoom MapLibre draws nothing, so communes start at z4
 *   (below it a commune is under a pixel and the web shows départements). At z10 a tile unit is
 *   ≈ 7 m, finer than the 1e-4° (≈ 10 m) grid of the source, so z11+ would only repeat the data.
 *   Tolerance 4 units (0.5 px): in ground units simplification doubles at each zoom out; the
 *   z5 whole-France tiles weigh ≈ 10 % less than at 3 units. geojson-vt would drop polygons
 *   under tolerance² (0.25 px², 1,276 communes at z4): encode.ts keeps them, unsimplified.
 *   At z4 a commune is about one pixel and has ≈ 4.6 points (a ring needs 4): fewer vertices
 *   cannot make the overview tiles much cheaper; their cost is per feature.
 * - Communes carry `code` only: names are 1/3 of the gzipped bytes of a whole-France view, and the
 *   web gets them with the values (`/api/map` returns `code` and `name`), joined by code.
 */
export const TILINGS: readonly LevelTiling[] = [
  { level: 'region', minzoom: 0, maxzoom: 8, tolerance: 3, fields: ['code', 'name'] },
  { level: 'academie', minzoom: 0, maxzoom: 8, tolerance: 3, fields: ['code', 'name'] },
  { level: 'departement', minzoom: 0, maxzoom: 8, tolerance: 3, fields: ['code', 'name'] },
  { level: 'commune', minzoom: 4, maxzoom: 10, tolerance: 4, fields: ['code'] },
];

/** The URL template of a level's tiles (served by server/routes/tiles.ts). */
export const tileUrl = (level: string): string => `/tiles/${level}/{z}/{x}/{y}.pbf`;

/** TileJSON 3.0.0 of one level: one source layer named after the level. */
export function tileJson(t: LevelTiling, bounds: Bounds) {
  const fields = Object.fromEntries(t.fields.map((f) => [f, f === 'code' ? 'INSEE or académie code (String)' : 'name (String)']));
  return {
    tilejson: '3.0.0',
    name: t.level,
    description: `Display geometry of the ${t.level} level (DROM in insets); join values by the code property`,
    scheme: 'xyz',
    tiles: [tileUrl(t.level)],
    minzoom: t.minzoom,
    maxzoom: t.maxzoom,
    bounds,
    center: [round((bounds[0] + bounds[2]) / 2), round((bounds[1] + bounds[3]) / 2), Math.max(t.minzoom, 5)],
    vector_layers: [{ id: t.level, description: `${t.level} polygons`, minzoom: t.minzoom, maxzoom: t.maxzoom, fields }],
  };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Web Mercator x (0…1, west to east) of a longitude. */
export const mercX = (lon: number): number => (lon + 180) / 360;
/** Web Mercator y (0…1, north to south) of a latitude. */
export function mercY(lat: number): number {
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** The tiles `{z, x, y}` of zoom z that intersect the box. */
export function tilesCovering(bounds: Bounds, z: number): { z: number; x: number; y: number }[] {
  const n = 2 ** z;
  const clamp = (v: number): number => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  const out = [];
  for (let x = clamp(mercX(bounds[0])); x <= clamp(mercX(bounds[2])); x++) {
    for (let y = clamp(mercY(bounds[3])); y <= clamp(mercY(bounds[1])); y++) out.push({ z, x, y });
  }
  return out;
}

/**
 * The view MapLibre shows after `fitBounds(bounds)` (no padding) in a width × height viewport:
 * its fractional zoom, the integer zoom of the 512 px vector tiles it loads (floor), and the box
 * the viewport covers (wider than `bounds` along the non-limiting axis).
 */
export function fitView(bounds: Bounds, width: number, height: number): { zoom: number; tileZoom: number; viewport: Bounds } {
  const [x0, x1, y0, y1] = [mercX(bounds[0]), mercX(bounds[2]), mercY(bounds[3]), mercY(bounds[1])];
  const zoom = Math.log2(Math.min(width / ((x1 - x0) * 512), height / ((y1 - y0) * 512)));
  const scale = 512 * 2 ** zoom;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [hw, hh] = [width / 2 / scale, height / 2 / scale];
  const lon = (x: number): number => x * 360 - 180;
  const lat = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { zoom, tileZoom: Math.floor(zoom), viewport: [lon(cx - hw), lat(cy + hh), lon(cx + hw), lat(cy - hh)] };
}
