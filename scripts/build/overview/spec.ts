// The commune overview rasters: what the data build writes, the server sends and the map draws
// when all of France's communes are on screen at once. Pure, no I/O; shared by the builder
// (scripts/build/overview), the route (server/routes/tiles.ts) and the map (web/map/overview).
//
// Why: at the scale of France a commune is one to a few pixels, and a MapLibre vector tile of
// 30,000 communes costs one indivisible ~600 ms worker task (decoding, triangulating and
// indexing every polygon) before anything draws. Below OVERVIEW_MAX_ZOOM the map instead draws
// an *ID raster*: for each pixel, the number of the commune that covers it, rasterised once at
// build time from the same display geometry as the tiles, at Web Mercator zoom 4, 5 and 6. The
// browser colours it on the GPU through a lookup table (commune number → class colour), so values
// are still joined by code on the client, and switching indicator, year or palette uploads one
// small table without touching the geometry. From OVERVIEW_MAX_ZOOM on, the vector tiles draw
// (white borders, outlines, hover) as before.
//
// Format of one level (`/tiles/commune/overview/{z}.bin`):
// - the pixel grid of Web Mercator zoom z with 512-px tiles (the world is 512 · 2^z pixels
//   across, so at map zoom z one raster pixel is one CSS pixel), cropped to the box
//   [x0, x0 + width) × [y0, y0 + height) of world pixels holding every commune;
// - a pixel belongs to the commune whose polygon contains the pixel's centre (even-odd rule over
//   all rings); a commune containing no pixel centre still gets one pixel (near its centre), so
//   every commune with a geometry is drawn and can be hovered at every level;
// - values: 0 = no commune, i (1…codes.length) = the commune `codes[i - 1]` of the meta file;
// - stored as unsigned 16-bit little-endian integers, rows from north to south, each row
//   written as its difference with the row above (modulo 2^16, the first row as is: PNG's "up"
//   filter, so that gzip sees long runs of zeros), then gzip-compressed; served as stored with
//   `Content-Encoding: gzip` (the browser inflates it natively).
// The meta file (`/tiles/commune/overview.json`) lists the codes and the levels.

/** Zoom levels of the rasters, coarsest first. */
export const OVERVIEW_LEVELS = [4, 5, 6] as const;
export type OverviewLevel = (typeof OVERVIEW_LEVELS)[number];

/**
 * Below this map zoom the commune level draws from the rasters, from it on from the vector tiles
 * (where the white commune borders start: web/map/layers.ts).
 */
export const OVERVIEW_MAX_ZOOM = 5.5;

/**
 * Whether a map opening on this view is drawn by the overview alone (the commune level below
 * OVERVIEW_MAX_ZOOM, nothing drilled into or selected, no school points, no LISA outlines): the
 * views whose first frame the page draws without MapLibre (web/map/overview/useFirstFrame.ts,
 * predicted from the address by web/boot/earlyRequests.ts).
 */
export function overviewDrawsAlone(view: { level: string; zoom: number; within: unknown; selected: unknown; points: boolean; lisa: boolean }): boolean {
  return view.level === 'commune' && view.zoom < OVERVIEW_MAX_ZOOM && !view.within && !view.selected && !view.points && !view.lisa;
}

/** Largest commune number a 16-bit raster can hold (0 is "no commune"). */
export const MAX_COMMUNES = 0xffff;

/** One raster level as the meta file describes it. */
export interface OverviewLevelMeta {
  z: OverviewLevel;
  /** world pixel (zoom z, 512-px tiles) of the raster's top-left corner */
  x0: number;
  y0: number;
  width: number;
  height: number;
  /** gzipped size of the level's file */
  bytes: number;
}

/** `/tiles/commune/overview.json`. */
export interface OverviewMeta {
  version: 1;
  /** commune codes; raster value i is codes[i - 1] */
  codes: string[];
  levels: OverviewLevelMeta[];
}

export const OVERVIEW_META_URL = '/tiles/commune/overview.json';
export const overviewLevelUrl = (z: OverviewLevel): string => `/tiles/commune/overview/${z}.bin`;

/** World size in pixels at zoom z (512-px tiles, MapLibre's zoom). */
export const worldPixels = (z: number): number => 512 * 2 ** z;

/**
 * The raster level to draw at map zoom `zoom` on a screen of `pixelRatio` device pixels per CSS
 * pixel: the coarsest whose pixel is at most 1.25 device pixels, the finest past that.
 */
export function overviewLevelFor(zoom: number, pixelRatio = 1): OverviewLevel {
  const wanted = zoom + Math.log2(Math.max(pixelRatio, 1)) - Math.log2(1.25);
  return OVERVIEW_LEVELS.find((z) => z >= wanted) ?? (OVERVIEW_LEVELS.at(-1) as OverviewLevel);
}

/** The stored bytes (before gzip) of a raster: 16-bit LE values, each row minus the row above. */
export function encodeRows(ids: Uint16Array, width: number, height: number): Uint8Array {
  if (ids.length !== width * height) throw new Error(`encodeRows: ${ids.length} values for ${width}×${height}`);
  const out = new Uint8Array(ids.length * 2);
  for (let i = 0; i < ids.length; i++) {
    const d = ((ids[i] as number) - (i >= width ? (ids[i - width] as number) : 0)) & 0xffff;
    out[2 * i] = d & 0xff;
    out[2 * i + 1] = d >> 8;
  }
  return out;
}

/** Inverse of encodeRows (after gzip was undone): the commune number of every pixel. */
export function decodeRows(bytes: ArrayBuffer | Uint8Array, width: number, height: number): Uint16Array {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length !== width * height * 2) throw new Error(`overview raster: ${b.length} bytes for ${width}×${height} pixels`);
  const ids = new Uint16Array(width * height);
  for (let i = 0; i < ids.length; i++) {
    const d = (b[2 * i] as number) | ((b[2 * i + 1] as number) << 8);
    ids[i] = i >= width ? ((ids[i - width] as number) + d) & 0xffff : d;
  }
  return ids;
}
