/**
 * `GET /tiles/:level/tilejson.json` and `GET /tiles/:level/:z/:x/:y.pbf`: the vector tiles built
 * by scripts/build/tiles from `<build>/tiles/`. Every part of the path is validated (level from an
 * allow-list, z/x/y as integers inside the level's zoom range and the tile grid) and the file path
 * is built only from the validated values, so nothing outside the folder can be reached. Tiles are
 * stored gzipped and sent as they are with `Content-Encoding: gzip` (inflated for the rare client
 * that does not accept gzip); a tile missing inside the range is empty: 204.
 */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { LEVELS, type Level } from '../indicators/catalog.ts';

/** The zoom range a level's TileJSON declares. */
interface ZoomRange {
  minzoom: number;
  maxzoom: number;
}

const CACHE_CONTROL = 'public, max-age=86400';
const MVT = 'application/vnd.mapbox-vector-tile';

/** Tile routes over the served warehouse version (its build folder holds `tiles/`). */
export function tileRoutes(db: Warehouse) {
  // TileJSON text per version folder and level, read once (a version's folder never changes;
  // a new version after an import or a build has another folder)
  const tileJsons = new Map<string, Promise<{ text: string; range: ZoomRange } | null>>();
  const tileJsonOf = (root: string, level: Level) => {
    const key = `${root}|${level}`;
    let entry = tileJsons.get(key);
    if (!entry) {
      entry = readFile(path.join(root, level, 'tilejson.json'), 'utf8').then(
        (text) => {
          const { minzoom, maxzoom } = JSON.parse(text) as Partial<ZoomRange>;
          if (!Number.isInteger(minzoom) || !Number.isInteger(maxzoom)) throw new Error(`tiles/${level}/tilejson.json has no zoom range`);
          return { text, range: { minzoom, maxzoom } as ZoomRange };
        },
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return null;
          throw err;
        },
      );
      tileJsons.set(key, entry);
      while (tileJsons.size > 16) tileJsons.delete(tileJsons.keys().next().value as string);
    }
    return entry;
  };
  const builtTileJson = async (root: string, level: Level) => {
    const tj = await tileJsonOf(root, level);
    if (!tj) throw new ApiError(404, 'tiles_not_built', `no tiles for level ${level} in this build: run \`npm run data:build\``, 'level');
    return tj;
  };

  return new Hono()
    .get('/:level/tilejson.json', async (c) => {
      const level = levelOf(c.req.param('level'));
      const etag = `"tiles-${db.buildId}"`;
      const { text } = await builtTileJson(path.join(db.dir, 'tiles'), level);
      if (notModified(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
      return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': CACHE_CONTROL });
    })
    .get('/:level/:z/:x/:file', async (c) => {
      const level = levelOf(c.req.param('level'));
      const z = intOf(c.req.param('z'), 'z');
      const x = intOf(c.req.param('x'), 'x');
      const yMatch = /^(\d{1,7})\.pbf$/.exec(c.req.param('file'));
      if (!yMatch) throw new ApiError(400, 'invalid_parameter', 'y: expected <integer>.pbf', 'y');
      const y = intOf(yMatch[1] ?? '', 'y');
      const root = path.join(db.dir, 'tiles');
      const etag = `"tiles-${db.buildId}"`;
      const { range } = await builtTileJson(root, level);
      if (z < range.minzoom || z > range.maxzoom) {
        throw new ApiError(404, 'zoom_out_of_range', `z: ${level} tiles exist from z${range.minzoom} to z${range.maxzoom}`, 'z');
      }
      const n = 2 ** z;
      if (x >= n) throw new ApiError(404, 'tile_out_of_range', `x: must be below ${n} at z${z}`, 'x');
      if (y >= n) throw new ApiError(404, 'tile_out_of_range', `y: must be below ${n} at z${z}`, 'y');

      const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
      if (notModified(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
      const gz = await readFile(path.join(root, level, String(z), String(x), `${y}.pbf`)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!gz) return c.body(null, 204, headers);
      const acceptsGzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
      const body = new Uint8Array(acceptsGzip ? gz : gunzipSync(gz));
      return c.body(body, 200, { ...headers, 'Content-Type': MVT, ...(acceptsGzip ? { 'Content-Encoding': 'gzip' } : {}) });
    });
}

function levelOf(raw: string): Level {
  if (!(LEVELS as readonly string[]).includes(raw)) throw new ApiError(400, 'invalid_parameter', `level: must be one of ${LEVELS.join(', ')}`, 'level');
  return raw as Level;
}

/** A non-negative integer written in plain digits (no sign, no exponent, at most 7 digits). */
function intOf(raw: string, param: string): number {
  if (!/^\d{1,7}$/.test(raw)) throw new ApiError(400, 'invalid_parameter', `${param}: expected a non-negative integer`, param);
  return Number(raw);
}

const notModified = (ifNoneMatch: string | undefined, etag: string): boolean => ifNoneMatch?.split(/\s*,\s*/).includes(etag) ?? false;
