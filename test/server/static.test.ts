// The built web front end as served: the .br/.gz written at build (scripts/web/precompress.ts)
// are sent as they are by Accept-Encoding (never compressed again), with the JavaScript type of
// the original (MapLibre's worker is an .mjs), Vary, a year of cache for the hashed /assets/*,
// revalidation for the pages, which keep their discovery link; a missing file is not found.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/web/precompress.ts';
import { useTinyWebApp } from './helpers.ts';

const ORIGIN = 'http://localhost';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const JS = Array.from({ length: 300 }, (_, i) => `export const layer${i} = { id: "couche-${i}", visible: true };`).join('\n');
const PAGE = `<!doctype html><html><head><title>carte</title><script type="module" src="/assets/x.js"></script></head><body>${'<div></div>'.repeat(150)}</body></html>`;

const web = useTinyWebApp(
  {
    'index.html': PAGE,
    'embed.html': PAGE,
    'embed-chart.html': PAGE,
    'assets/x.js': JS,
    'assets/maplibre-gl-worker-abc.mjs': JS,
    'assets/only-gzip.js': JS,
  },
  async (dir) => {
    await precompressDir(dir);
    rmSync(path.join(dir, 'assets', 'only-gzip.js.br'));
  },
);

const get = (p: string, encoding?: string) =>
  web.app().request(`${ORIGIN}${p}`, { headers: encoding === undefined ? {} : { 'Accept-Encoding': encoding } });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('precompressed assets', () => {
  it('sends the .br file to a client that accepts brotli, with the JavaScript type and a year of cache', async () => {
    const res = await get('/assets/x.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('Vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    const body = await bytes(res);
    expect(body.equals(readFileSync(path.join(web.webDir(), 'assets', 'x.js.br')))).toBe(true); // as built, not recompressed
    expect(brotliDecompressSync(body).toString()).toBe(JS);
    expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    // the security headers are still there
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('keeps a JavaScript type for the MapLibre worker (.mjs) served from its .br', async () => {
    const res = await get('/assets/maplibre-gl-worker-abc.mjs', 'br');
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(JS);
  });

  it('sends the .gz file to a gzip-only client, and to a brotli one when no .br exists', async () => {
    for (const [p, accept] of [
      ['/assets/x.js', 'gzip'],
      ['/assets/only-gzip.js', 'br, gzip'],
    ] as const) {
      const res = await get(p, accept);
      expect(res.headers.get('Content-Encoding'), p).toBe('gzip');
      expect(res.headers.get('Vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
      expect(gunzipSync(await bytes(res)).toString()).toBe(JS);
    }
  });

  it('sends the original to a client that accepts no encoding', async () => {
    const res = await get('/assets/x.js');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('Vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect(await res.text()).toBe(JS);
    expect((await get('/assets/x.js', 'identity')).headers.get('Content-Encoding')).toBeNull();
  });

  it('answers HEAD with the size of the file it would send', async () => {
    const res = await web.app().request(`${ORIGIN}/assets/x.js`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(Number(res.headers.get('Content-Length'))).toBe(readFileSync(path.join(web.webDir(), 'assets', 'x.js.br')).length);
  });

  it('never caches for long what is not a hashed asset (a missing asset falls to the app page)', async () => {
    // as before: the single-page app answers every unknown path with its page (so a browser
    // refuses it as a module script), but never with a year of cache at the asset's URL
    const missing = await get('/assets/missing-123.js', 'br, gzip');
    expect(missing.status).toBe(200);
    expect(missing.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(missing.headers.get('Cache-Control')).toBe('no-cache');
    // a .br asked for by name is sent as a plain file, not declared as an encoding of itself
    const raw = await get('/assets/x.js.br', 'br');
    expect(raw.headers.get('Content-Encoding')).toBeNull();
  });
});

describe('pages', () => {
  it('serves the app page with its discovery link, revalidated on every visit', async () => {
    const res = await get('/territoire/departement/15?indicator=ips', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    // compressed on the fly (the page is rewritten per URL, so never from index.html.gz)
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const html = gunzipSync(await bytes(res)).toString();
    expect(html).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]+territoire%2Fdepartement%2F15/);
    const root = await get('/', 'br');
    expect(root.headers.get('Cache-Control')).toBe('no-cache');
    expect(root.headers.get('Content-Encoding')).toBeNull(); // brotli is not done on the fly
    expect(await root.text()).toContain('<title>carte</title>');
  });

  it('serves a built page asked by its file name from its .br, revalidated', async () => {
    const res = await get('/embed-chart.html', 'br');
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(PAGE);
  });

  it('still answers 404 outside the app pages (API, geometry)', async () => {
    expect((await get('/geo/nothing.json', 'br')).status).toBe(404);
    expect((await get('/api/nothing', 'br')).status).toBe(404);
  });
});
