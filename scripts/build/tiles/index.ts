// The vector-tile step of the data build: reads `geo/<level>.geojson` (display coordinates, DROM
// in insets) and writes `<outDir>/<level>/{z}/{x}/{y}.pbf` plus `<outDir>/<level>/tilejson.json`
// for every map level, so the browser loads only the tiles its view needs.
//
// Tiles are stored gzip-compressed (every `.pbf` under tiles/ is gzip; no per-file marker) and
// served as they are with `Content-Encoding: gzip`: compressed once here instead of on every
// request, and about half the bytes on disk. Empty tiles are not written (the server answers 204).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Level } from '../../../server/indicators/catalog.ts';
import { encodeLevel, featureBounds, type DisplayFeature } from './encode.ts';
import { fitView, tileJson, tilesCovering, TILINGS, type LevelTiling } from './spec.ts';

export { TILINGS } from './spec.ts';

/** Options of buildTiles. */
export interface BuildTilesOptions {
  /** Folder holding `<level>.geojson` for every level of TILINGS. */
  geoDir: string;
  /** Output folder (`…/tiles`), replaced. */
  outDir: string;
  /** Levels to build (default: all of TILINGS). */
  levels?: readonly Level[];
  log?: (line: string) => void;
}

/** What one level produced. */
export interface TilesResult {
  level: Level;
  minzoom: number;
  maxzoom: number;
  /** Files written (non-empty tiles). */
  tiles: number;
  /** Stored (gzipped) bytes of all its tiles. */
  bytes: number;
  seconds: number;
  /** Whole-France view in a 1280×800 viewport: the tile zoom loaded, its tiles and their gzipped bytes. */
  franceView: { zoom: number; tiles: number; bytes: number };
}

/** Desktop viewport used for the whole-France figure. */
export const DESKTOP = { width: 1280, height: 800 } as const;

/** Builds the tiles of every level (one after the other, so one index is in memory at a time). */
export async function buildTiles({ geoDir, outDir, levels, log = console.log }: BuildTilesOptions): Promise<TilesResult[]> {
  await rm(outDir, { recursive: true, force: true });
  const results: TilesResult[] = [];
  for (const tiling of TILINGS) {
    if (levels && !levels.includes(tiling.level)) continue;
    results.push(await buildLevel(tiling, geoDir, path.join(outDir, tiling.level), log));
  }
  return results;
}

async function buildLevel(tiling: LevelTiling, geoDir: string, dir: string, log: (line: string) => void): Promise<TilesResult> {
  const t0 = performance.now();
  const file = path.join(geoDir, `${tiling.level}.geojson`);
  const collection = JSON.parse(await readFile(file, 'utf8')) as { features?: DisplayFeature[] };
  if (!Array.isArray(collection.features)) throw new Error(`tiles: ${file} is not a FeatureCollection`);
  const bounds = featureBounds(collection.features);
  const view = fitView(bounds, DESKTOP.width, DESKTOP.height);
  const viewZoom = Math.min(tiling.maxzoom, Math.max(tiling.minzoom, view.tileZoom));
  const inView = new Set(tilesCovering(view.viewport, viewZoom).map((t) => `${t.x}/${t.y}`));

  const madeDirs = new Set<string>();
  const pending: Promise<void>[] = [];
  let tiles = 0;
  let bytes = 0;
  const franceView = { zoom: viewZoom, tiles: 0, bytes: 0 };
  for (const tile of encodeLevel(collection.features, tiling)) {
    const gz = gzipSync(tile.data); // level 6: level 9 saves nothing on these tiles and takes 4× longer
    const folder = path.join(dir, String(tile.z), String(tile.x));
    if (!madeDirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }
    pending.push(writeFile(path.join(folder, `${tile.y}.pbf`), gz));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
    tiles++;
    bytes += gz.length;
    if (tile.z === viewZoom && inView.has(`${tile.x}/${tile.y}`)) {
      franceView.tiles++;
      franceView.bytes += gz.length;
    }
  }
  await Promise.all(pending);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'tilejson.json'), `${JSON.stringify(tileJson(tiling, bounds), null, 1)}\n`);
  const seconds = (performance.now() - t0) / 1000;
  log(
    `  tiles ${tiling.level}: z${tiling.minzoom}–z${tiling.maxzoom}, ${tiles} tiles, ${kb(bytes)} gzipped; ` +
      `France in ${DESKTOP.width}×${DESKTOP.height} (z${view.zoom.toFixed(2)}): ${franceView.tiles} z${viewZoom} tiles, ${kb(franceView.bytes)} in ${seconds.toFixed(1)} s`,
  );
  return { level: tiling.level, minzoom: tiling.minzoom, maxzoom: tiling.maxzoom, tiles, bytes, seconds, franceView };
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
