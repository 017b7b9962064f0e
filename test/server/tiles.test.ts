// In-process tests of /tiles (app.request, no port) over the tiny fixture warehouse with tiny tiles
// built into it: TileJSON, gzipped tiles and their headers, 204 for an empty tile inside the range,
// 304 on a matching ETag, and hostile or malformed paths answered with a 4xx JSON error; the
// commune overview rasters (meta file and gzipped levels, never compressed twice) and their errors.
import { VectorTile } from '@mapbox/vector-tile';
import { rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { decodeRows, OVERVIEW_LEVELS, worldPixels, type OverviewMeta } from '../../scripts/build/overview/spec.ts';
import { mercX, mercY } from '../../scripts/build/tiles/spec.ts';
import { addTinyOverview, addTinyTiles } from '../fixtures/tiny-tiles.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

let dir: string;
let db: Warehouse;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  dir = await makeTinyWarehouse();
  await addTinyTiles(dir, ['departement', 'commune']); // no région tiles: a build without them
  await addTinyOverview(dir);
  db = await openWarehouse(dir);
  app = createApp({ db, log: (msg) => logged.push(msg) });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' };
const layerOf = (bytes: Uint8Array, level: string) => new VectorTile(new PbfReader(bytes)).layers[level];


/** `url` answers `status`; an error is JSON naming the parameter at fault (`param`). */
async function expectAnswer(url: string, status: number, param: string | null): Promise<void> {
  const res = await app.request(url);
  expect(res.status).toBe(status);
  if (status < 400) return;
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; param: string | null } };
  expect(body.error.code).toEqual(expect.any(String));
  expect(body.error.param).toBe(param);
}

describe('GET /tiles/:level/tilejson.json', () => {
  it('answers the TileJSON of the level, cacheable for the build', async () => {
    const res = await app.request('/tiles/commune/tilejson.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('ETag')).toBe('"tiles-tiny-fixture"');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400');
    expect(await res.json()).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['/tiles/commune/{z}/{x}/{y}.pbf'],
      minzoom: 4,
      maxzoom: 10,
      vector_layers: [{ id: 'commune' }],
    });
  });
  it('answers 404 JSON for a level whose tiles were not built', async () => {
    const res = await app.request('/tiles/region/tilejson.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'tiles_not_built', message: expect.any(String), param: 'level' } });
  });
});

describe('GET /tiles/:level/:z/:x/:y.pbf', () => {
  it('sends the stored gzip as it is, with the vector tile type, ETag and Cache-Control', async () => {
    const res = await app.request('/tiles/departement/8/130/91.pbf', { headers: GZIP });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('ETag')).toBe('"tiles-tiny-fixture"');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400');
    const layer = layerOf(gunzipSync(new Uint8Array(await res.arrayBuffer())), 'departement');
    expect(layer?.length).toBe(2);
    expect([0, 1].map((i) => layer?.feature(i).properties.code).sort()).toEqual(['15', '63']);
  });
  it('inflates the tile for a client that does not accept gzip', async () => {
    const res = await app.request('/tiles/commune/5/16/11.pbf');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const layer = layerOf(new Uint8Array(await res.arrayBuffer()), 'commune');
    expect([0, 1].map((i) => layer?.feature(i).properties.code).sort()).toEqual(['15014', '63113']);
  });
  it('answers 204 for a tile inside the range with nothing in it', async () => {
    const res = await app.request('/tiles/commune/5/0/0.pbf', { headers: GZIP });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });
  it('answers 304 when the ETag matches', async () => {
    const res = await app.request('/tiles/commune/5/16/11.pbf', { headers: { ...GZIP, 'If-None-Match': '"tiles-tiny-fixture"' } });
    expect(res.status).toBe(304);
  });

  const hostile: [string, number, string | null][] = [
    ['/tiles/../x/1/1/1.pbf', 404, null], // normalised by the URL parser to /x/1/1/1.pbf: outside /tiles
    ['/tiles/%2e%2e/commune/1/1/1.pbf', 404, null],
    ['/tiles/..%2f..%2fetc/1/1/1.pbf', 400, 'level'],
    ['/tiles/commune/5/16/..%2f..%2f..%2fbuild.json', 400, 'y'],
    ['/tiles/commune/5/16/11.pbf%00', 400, 'y'],
    ['/tiles/commune/99/1/1.pbf', 404, 'z'],
    ['/tiles/commune/3/1/1.pbf', 404, 'z'],
    ['/tiles/commune/5/32/1.pbf', 404, 'x'],
    ['/tiles/commune/5/1/32.pbf', 404, 'y'],
    ['/tiles/commune/a/b/c.pbf', 400, 'z'],
    ['/tiles/commune/-1/0/0.pbf', 400, 'z'],
    ['/tiles/commune/5/1e1/1.pbf', 400, 'x'],
    ['/tiles/commune/5/99999999/1.pbf', 400, 'x'],
    ['/tiles/commune/5/16/11.mvt', 400, 'y'],
    ['/tiles/nope/1/1/1.pbf', 400, 'level'],
    ['/tiles/nope/tilejson.json', 400, 'level'],
    ['/tiles/region/1/1/1.pbf', 404, 'level'],
    ['/tiles/commune/5/16', 404, null],
  ];
  it.each(hostile)('%s → %i JSON', (url, status, param) => expectAnswer(url, status, param));
  it('logged no internal error', () => {
    expect(logged).toEqual([]);
  });
});

describe('GET /tiles/commune/overview.json', () => {
  it('answers the meta file of the served build, cacheable for the build', async () => {
    const res = await app.request('/tiles/commune/overview.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('ETag')).toBe('"tiles-tiny-fixture"');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400');
    const meta = (await res.json()) as OverviewMeta;
    expect(meta).toMatchObject({ version: 1, codes: ['15014', '63113'] });
    expect(meta.levels.map((l) => l.z)).toEqual([...OVERVIEW_LEVELS]);
  });
  it('sends it gzipped once to a client that accepts gzip', async () => {
    const res = await app.request('/tiles/commune/overview.json', { headers: GZIP });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('ETag')).toBe('"tiles-tiny-fixture"');
    expect(JSON.parse(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8'))).toMatchObject({ version: 1, codes: ['15014', '63113'] });
  });
  it('answers 304 when the ETag matches', async () => {
    const res = await app.request('/tiles/commune/overview.json', { headers: { ...GZIP, 'If-None-Match': '"tiles-tiny-fixture"' } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });
});

describe('GET /tiles/commune/overview/:z.bin', () => {
  let meta: OverviewMeta;
  beforeAll(async () => {
    meta = (await (await app.request('/tiles/commune/overview.json')).json()) as OverviewMeta;
  });
  /** The commune code of the raster pixel under a lon/lat. */
  const codeAt = (ids: Uint16Array, z: number, lon: number, lat: number): string | undefined => {
    const l = meta.levels.find((x) => x.z === z);
    if (!l) throw new Error(`no level ${z}`);
    const [c, r] = [Math.floor(mercX(lon) * worldPixels(z)) - l.x0, Math.floor(mercY(lat) * worldPixels(z)) - l.y0];
    return meta.codes[(ids[r * l.width + c] ?? 0) - 1];
  };

  it.each([...OVERVIEW_LEVELS])('sends level %i as stored (gzip once), with its type, ETag and Cache-Control', async (z) => {
    const res = await app.request(`/tiles/commune/overview/${z}.bin`, { headers: GZIP });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
    expect(res.headers.get('ETag')).toBe('"tiles-tiny-fixture"');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400');
    const body = new Uint8Array(await res.arrayBuffer());
    const l = meta.levels.find((x) => x.z === z);
    expect(body.length).toBe(l?.bytes);
    // inflated once, the body is the raster itself (a second gzip layer would not decode)
    const ids = decodeRows(gunzipSync(body), l?.width ?? 0, l?.height ?? 0);
    expect(codeAt(ids, z, 2.5, 45.5)).toBe('15014');
    expect(codeAt(ids, z, 3.5, 45.5)).toBe('63113');
    // the box is the squares' bbox cut to whole pixels: its edge pixels may hold no centre
    expect(new Set(ids)).toEqual(new Set([0, 1, 2]));
    expect(ids.filter((v) => v === 0).length).toBeLessThan((l?.width ?? 0) * 2 + (l?.height ?? 0) * 2);
  });
  it('inflates the raster for a client that does not accept gzip', async () => {
    const res = await app.request('/tiles/commune/overview/5.bin');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const l = meta.levels.find((x) => x.z === 5);
    const ids = decodeRows(new Uint8Array(await res.arrayBuffer()), l?.width ?? 0, l?.height ?? 0);
    expect(codeAt(ids, 5, 3.2, 45.8)).toBe('63113');
  });
  it('answers 304 when the ETag matches', async () => {
    const res = await app.request('/tiles/commune/overview/6.bin', { headers: { ...GZIP, 'If-None-Match': '"tiles-tiny-fixture"' } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });

  const bad: [string, number, string | null][] = [
    ['/tiles/commune/overview/7.bin', 404, 'z'],
    ['/tiles/commune/overview/3.bin', 404, 'z'],
    ['/tiles/commune/overview/04.bin', 200, null], // the integer 4
    ['/tiles/commune/overview/x.bin', 400, 'z'],
    ['/tiles/commune/overview/4.5.bin', 400, 'z'],
    ['/tiles/commune/overview/-4.bin', 400, 'z'],
    ['/tiles/commune/overview/4', 400, 'z'],
    ['/tiles/commune/overview/4.pbf', 400, 'z'],
    ['/tiles/commune/overview/..%2fmeta.json', 400, 'z'],
    ['/tiles/commune/overview/4.bin%00', 400, 'z'],
    ['/tiles/commune/overview/99999999.bin', 400, 'z'],
    // the tile routes keep their own paths
    ['/tiles/commune/overview/4/5.pbf', 400, 'z'],
    ['/tiles/commune/overview', 404, null],
    ['/tiles/departement/overview.json', 404, null],
    ['/tiles/departement/overview/4.bin', 404, null],
  ];
  it.each(bad)('%s → %i', (url, status, param) => expectAnswer(url, status, param));
  it('logged no internal error', () => {
    expect(logged).toEqual([]);
  });
});

describe('the commune overview of a build from before it existed', () => {
  let oldDir: string;
  let oldDb: Warehouse;
  let oldApp: ReturnType<typeof createApp>;
  beforeAll(async () => {
    oldDir = await makeTinyWarehouse();
    await addTinyTiles(oldDir, ['commune']);
    oldDb = await openWarehouse(oldDir);
    oldApp = createApp({ db: oldDb, log: () => {} });
  });
  afterAll(() => {
    oldDb.close();
    rmSync(oldDir, { recursive: true, force: true });
  });
  it.each(['/tiles/commune/overview.json', '/tiles/commune/overview/4.bin'])('%s → 404 overview_not_built, naming the build command', async (url) => {
    const res = await oldApp.request(url);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('overview_not_built');
    expect(body.error.message).toMatch(/npm run data:build/);
  });
  it('still serves its tiles', async () => {
    expect((await oldApp.request('/tiles/commune/tilejson.json')).status).toBe(200);
  });
});
