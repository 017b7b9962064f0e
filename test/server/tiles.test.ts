// In-process tests of /tiles (app.request, no port) over the tiny fixture warehouse with tiny tiles
// built into it: TileJSON, gzipped tiles and their headers, 204 for an empty tile inside the range,
// 304 on a matching ETag, and hostile or malformed paths answered with a 4xx JSON error.
import { VectorTile } from '@mapbox/vector-tile';
import { rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { addTinyTiles } from '../fixtures/tiny-tiles.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

let dir: string;
let db: Warehouse;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  dir = await makeTinyWarehouse();
  await addTinyTiles(dir, ['departement', 'commune']); // no région tiles: a build without them
  db = await openWarehouse(dir);
  app = createApp({ db, log: (msg) => logged.push(msg) });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' };
const layerOf = (bytes: Uint8Array, level: string) => new VectorTile(new PbfReader(bytes)).layers[level];

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
  it.each(hostile)('%s → %i JSON', async (url, status, param) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { code: string; param: string | null } };
    expect(body.error.code).toEqual(expect.any(String));
    expect(body.error.param).toBe(param);
  });
  it('logged no internal error', () => {
    expect(logged).toEqual([]);
  });
});
