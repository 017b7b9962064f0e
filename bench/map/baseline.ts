/**
 * The naive baselines of the map benchmark, each served by the bench itself on its own loopback
 * port: `baseline.html` + `baseline.js`, MapLibre from node_modules, and one GeoJSON per
 * indicator of every commune with the /api/map values joined into its properties. Two
 * geometries: this project's display geometry (data/warehouse/geo/commune.geojson, simplified by
 * our build, DROM in insets), and the published communes file a developer would download (the
 * etalab "contours administratifs" equivalent, from the mirror or data/raw like the data build;
 * real coordinates, so the DROM lie outside the view of metropolitan France and the insets).
 * Everything is gzipped once up front and sent with `Content-Encoding: gzip`, as the app's server
 * does, so the bytes compare fairly.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fetchSource, resolveMirrorDir } from '../../scripts/sources/fetch.ts';
import { source } from '../../scripts/sources/manifest.ts';
import { freePort, getRaw } from '../http.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Asset {
  type: string;
  gz: Buffer;
}

interface Collection {
  type: 'FeatureCollection';
  features: { properties: { code: string; value?: number | null } }[];
}

/** Values of `indicator` per commune code from the running app server. */
async function communeValues(base: string, indicator: string, year: number): Promise<Map<string, number | null>> {
  const res = await getRaw(`${base}/api/map?indicator=${indicator}&level=commune&year=${year}`);
  if (res.status !== 200) throw new Error(`baseline: /api/map for ${indicator} answered ${res.status}`);
  const body = JSON.parse(res.body.toString('utf8')) as { values: { code: string; value: number | null }[] };
  return new Map(body.values.map((v) => [v.code, v.value]));
}

/** A running baseline server. */
export interface BaselineServer {
  base: string;
  /** gzipped bytes of the first indicator's GeoJSON */
  geojsonBytes: number;
  stop(): Promise<void>;
}

/** Which communes GeoJSON a baseline loads. */
export type BaselineGeometry = 'ours' | 'published';

/** The text of the communes GeoJSON of `geometry`. */
async function communesGeoJson(root: string, geometry: BaselineGeometry, log: (line: string) => void): Promise<string> {
  if (geometry === 'ours') return readFile(path.join(root, 'data', 'warehouse', 'geo', 'commune.geojson'), 'utf8');
  const file = await fetchSource(source('contours-communes'), { root, mirrorDir: resolveMirrorDir(root) }, {
    fetch: globalThis.fetch,
    log,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  return gunzipSync(await readFile(file)).toString('utf8');
}

/** Builds the GeoJSON of each indicator (first one first) and serves the baseline page. */
export async function startBaseline(
  root: string,
  appBase: string,
  indicators: readonly string[],
  year: number,
  geometry: BaselineGeometry = 'ours',
  log: (line: string) => void = () => {},
): Promise<BaselineServer> {
  const geo = await communesGeoJson(root, geometry, log);
  const assets = new Map<string, Asset>();
  const add = (name: string, type: string, body: string | Buffer) => assets.set(name, { type, gz: gzipSync(body, { level: 6 }) });
  for (const indicator of indicators) {
    const values = await communeValues(appBase, indicator, year);
    const fc = JSON.parse(geo) as Collection;
    for (const f of fc.features) f.properties.value = values.get(f.properties.code) ?? null;
    add(`/communes-${indicator}.geojson`, 'application/geo+json', JSON.stringify(fc));
  }
  const dist = path.join(root, 'node_modules', 'maplibre-gl', 'dist');
  add('/', 'text/html; charset=utf-8', await readFile(path.join(HERE, 'baseline.html')));
  add('/baseline.js', 'text/javascript', await readFile(path.join(HERE, 'baseline.js')));
  add('/maplibre-gl.mjs', 'text/javascript', await readFile(path.join(dist, 'maplibre-gl.mjs')));
  add('/maplibre-gl-worker.mjs', 'text/javascript', await readFile(path.join(dist, 'maplibre-gl-worker.mjs')));
  add('/maplibre-gl.css', 'text/css', await readFile(path.join(dist, 'maplibre-gl.css')));

  const server = http.createServer((req, res) => {
    const asset = assets.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!asset) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Encoding': 'gzip', 'Content-Length': asset.gz.length, 'Cache-Control': 'no-store' });
    res.end(asset.gz);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    geojsonBytes: assets.get(`/communes-${indicators[0]}.geojson`)?.gz.length ?? 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
