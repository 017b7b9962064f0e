/**
 * `GET /tiles/:level/tilejson.json` and `GET /tiles/:level/:z/:x/:y.pbf`: the vector tiles built
 * by scripts/build/tiles from `<build>/tiles/`. Every part of the path is validated (level from an
 * allow-list, z/x/y as integers inside the level's zoom range and the tile grid) and the file path
 * is built only from the validated values, so nothing outside the folder can be reached. Tiles are
 * stored gzipped and sent as they are with `Content-Encoding: gzip` (inflated for the rare client
 * that does not accept gzip); a tile missing inside the range is empty: 204.
 *
 * `GET /tiles/commune/overview.json` and `GET /tiles/commune/overview/:z.bin`: the commune ID
 * rasters drawn at the scale of France (scripts/build/overview/spec.ts), from
 * `<build>/overview/commune/`; the rasters are stored gzipped and sent the same way.
 */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { LEVELS, type Level } from '../indicators/catalog.ts';
import { OVERVIEW_LEVELS } from '../../scripts/build/overview/spec.ts';

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

  // the overview meta file per version folder, as text and gzipped once (it lists every commune
  // code: about 280 KB, 80 KB gzipped), null when the build has no overview
  const overviewMetas = new Map<string, Promise<{ text: string; gz: Uint8Array<ArrayBuffer> } | null>>();
  const overviewMetaOf = (root: string) => {
    let entry = overviewMetas.get(root);
    if (!entry) {
      entry = readFile(path.join(root, 'meta.json'), 'utf8').then((text) => ({ text, gz: new Uint8Array(gzipSync(text)) }), ifMissing(null));
      overviewMetas.set(root, entry);
      while (overviewMetas.size > 4) overviewMetas.delete(overviewMetas.keys().next().value as string);
    }
    return entry;
  };

  return new Hono()
    // before the routes with parameters (which could not match these paths anyway: other suffix,
    // other number of segments; test/server/tiles.test.ts checks both)
    .get('/commune/overview.json', async (c) => {
      const etag = `"tiles-${db.buildId}"`;
      const meta = await overviewMetaOf(path.join(db.dir, 'overview', 'commune'));
      if (!meta) throw overviewNotBuilt();
      const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
      if (notModified(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
      const type = { 'Content-Type': 'application/json; charset=utf-8' };
      if (acceptsGzip(c.req.header('Accept-Encoding'))) return c.body(meta.gz, 200, { ...headers, ...type, 'Content-Encoding': 'gzip' });
      return c.body(meta.text, 200, { ...headers, ...type });
    })
    .get('/commune/overview/:file', async (c) => {
      const match = /^(\d{1,7})\.bin$/.exec(c.req.param('file'));
      if (!match) throw new ApiError(400, 'invalid_parameter', 'z: expected <integer>.bin', 'z');
      const z = Number(match[1]);
      if (!(OVERVIEW_LEVELS as readonly number[]).includes(z)) {
        throw new ApiError(404, 'zoom_out_of_range', `z: the commune overview exists at z${OVERVIEW_LEVELS.join(', z')}`, 'z');
      }
      const etag = `"tiles-${db.buildId}"`;
      const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
      const root = path.join(db.dir, 'overview', 'commune');
      if (!(await overviewMetaOf(root))) throw overviewNotBuilt();
      if (notModified(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
      const gz = await readFile(path.join(root, `${z}.bin`)).catch(ifMissing(null));
      if (!gz) throw overviewNotBuilt();
      const gzip = acceptsGzip(c.req.header('Accept-Encoding'));
      const body = new Uint8Array(gzip ? gz : gunzipSync(gz));
      return c.body(body, 200, { ...headers, 'Content-Type': 'application/octet-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    })
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

const overviewNotBuilt = () => new ApiError(404, 'overview_not_built', 'no commune overview in this build: run `npm run data:build`');

/** A readFile rejection handler: `value` when the file does not exist, the error otherwise. */
const ifMissing =
  <T>(value: T) =>
  (err: NodeJS.ErrnoException): T => {
    if (err.code === 'ENOENT') return value;
    throw err;
  };

const acceptsGzip = (acceptEncoding: string | undefined): boolean => /\bgzip\b/.test(acceptEncoding ?? '');

const notModified = (ifNoneMatch: string | undefined, etag: string): boolean => ifNoneMatch?.split(/\s*,\s*/).includes(etag) ?? false;
