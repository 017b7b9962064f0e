/**
 * `embed` section of `npm run bench` (BENCH_ONLY=embed): how light the embeds are. From the
 * built pages in dist/web, the gzipped JavaScript each embed loads before it runs (its module
 * script, modulepreloads and their static imports; dynamic imports are not counted) and whether
 * MapLibre is in it; then in headless Chromium (SwiftShader, as the map section), each embed
 * loaded `runs` times in a fresh context: navigation → ready (`#embed-chart` / `#map`
 * data-state="ready", timed in the page), the JS bytes transferred and any MapLibre request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ensureBuilt } from '../scripts/ensure-built.ts';
import { embedRows, htmlScripts, jsClosure, type EmbedMeasure } from './embedRows.ts';
import { launch } from './map/browser.ts';
import { startServer } from './server.ts';
import type { ResultRow } from './table.ts';

export const CHART_EMBED = '/embed/chart?chart=series&level=departement&code=15&indicator=thd_share';
export const MAP_EMBED = '/embed/map?indicator=ips&level=departement&year=2022';

/** Gzipped JS of a built page, file count, and whether MapLibre is in it. */
function builtJs(webDir: string, html: string): Pick<EmbedMeasure, 'jsGzip' | 'jsFiles' | 'maplibre'> {
  const read = (file: string) => readFileSync(path.join(webDir, 'assets', file), 'utf8');
  const files = jsClosure(htmlScripts(readFileSync(path.join(webDir, html), 'utf8')), read);
  let jsGzip = 0;
  let maplibre = false;
  for (const f of files) {
    const code = read(f);
    jsGzip += gzipSync(code, { level: 9 }).length;
    if (/maplibre-gl|MapLibre GL/i.test(code)) maplibre = true;
  }
  return { jsGzip, jsFiles: files.length, maplibre };
}

// records when an element's data-state turns ready (performance.now(), from navigation start)
const probe = (selector: string) => `(() => {
  const b = (window.__embed = { ready: null });
  new MutationObserver(() => {
    if (b.ready === null && document.querySelector(${JSON.stringify(`${selector}[data-state="ready"]`)})) b.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

/** Loads `url` in a fresh context; time to ready, JS bytes received, MapLibre requests. */
async function load(browser: Browser, url: string, selector: string) {
  const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe(selector));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Set<string>();
    let js = 0;
    let maplibre = 0;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.add(e.requestId);
      if (/maplibre/i.test(e.response.url)) maplibre++;
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) js += e.encodedDataLength;
    });
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __embed: { ready: number | null } }).__embed.ready !== null, null, { timeout: 120_000, polling: 50 });
    const readyMs = await page.evaluate(() => (window as unknown as { __embed: { ready: number } }).__embed.ready);
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    return { readyMs, js, maplibre };
  } finally {
    await context.close();
  }
}

/** Runs the embed benchmark; `runs` measured loads per embed (after one warm-up each). */
export async function benchEmbed(root: string, runs: number, log: (line: string) => void): Promise<ResultRow[]> {
  await ensureBuilt(root, (line) => log(`embed: ${line}`));
  const webDir = path.join(root, 'dist', 'web');
  const chartJs = builtJs(webDir, 'embed-chart.html');
  const mapJs = builtJs(webDir, 'embed.html');
  log(`embed: chart embed ${Math.round(chartJs.jsGzip / 1e3)} kB of JS gzipped (${chartJs.jsFiles} files), map embed ${Math.round(mapJs.jsGzip / 1e3)} kB`);
  const server = await startServer(root);
  const browser = await launch();
  try {
    const measure = async (label: string, url: string, selector: string, built: typeof chartJs): Promise<EmbedMeasure> => {
      await load(browser, `${server.base}${url}`, selector);
      const loads = [];
      for (let i = 0; i < runs; i++) {
        loads.push(await load(browser, `${server.base}${url}`, selector));
        log(`embed: ${label} run ${i + 1}: ready ${Math.round(loads[i]?.readyMs ?? 0)} ms, JS ${Math.round((loads[i]?.js ?? 0) / 1e3)} kB`);
      }
      return { label, ...built, readyMs: loads.map((l) => l.readyMs), jsTransferred: loads[0]?.js ?? 0, maplibreRequests: loads.reduce((a, l) => a + l.maplibre, 0) };
    };
    const chart = await measure(`chart embed ${CHART_EMBED}`, CHART_EMBED, '#embed-chart', chartJs);
    const map = await measure(`map embed ${MAP_EMBED}`, MAP_EMBED, '#map', mapJs);
    return embedRows(chart, map);
  } finally {
    await browser.close();
    await server.stop();
  }
}
