/**
 * `map` section of `npm run bench`: the map explorer against naive baselines, in headless
 * Chromium on this machine, for the communes of all France (IPS 2022). The app's server and the
 * baselines' static servers run side by side; the app's /api/map answers are warmed first (as a
 * server in use has them in its cache), then each page is loaded once to warm up and `runs` times
 * measured, each in a fresh browser context, the pages taking turns. Two baselines, both one GeoJSON of every commune
 * with its values in MapLibre (baseline.ts): with our own simplified display geometry, and with
 * the published communes file a developer would start from. See browser.ts for how times and
 * bytes are taken.
 */
import { ensureBuilt } from '../../scripts/ensure-built.ts';
import { mapValuesPath } from '../../web/api/mapPath.ts';
import { getRaw } from '../http.ts';
import { startServer } from '../server.ts';
import type { ResultRow } from '../table.ts';
import { startBaseline, type BaselineGeometry } from './baseline.ts';
import { launch, measure, type Load } from './browser.ts';
import { mapRows, type PageRuns } from './rows.ts';

const YEAR = 2022;
export const APP_PATH = `/?level=commune&indicator=ips&year=${YEAR}`;
/** Switches measured on the app: three indicators fetched, then back to IPS (cached in the page). */
const APP_SWITCHES = ['thd_share', 'fibre_share', 'ent_active_share', 'ips'] as const;
const BASELINE_SWITCHES = ['thd_share'] as const;
/** The baselines, each with its row label. */
const BASELINES: readonly [BaselineGeometry, string][] = [
  ['ours', 'map baseline (one GeoJSON, our simplified geometry)'],
  ['published', 'map baseline (one GeoJSON, published communes file)'],
];

/** Runs the map benchmark; `runs` measured loads per page. */
export async function benchMap(root: string, runs: number, log: (line: string) => void): Promise<ResultRow[]> {
  await ensureBuilt(root, (line) => log(`map: ${line}`));
  const server = await startServer(root);
  log(`map: server on ${server.base} (pid ${server.pid})`);
  const browser = await launch();
  try {
    for (const id of ['ips', ...APP_SWITCHES]) {
      await getRaw(`${server.base}${mapValuesPath(id, 'commune', YEAR)}`, { 'accept-encoding': 'gzip' });
    }
    const appUrl = `${server.base}${APP_PATH}`;
    const warm = await measure(browser, appUrl);
    const { width, height } = warm.mapSize;
    const baselines = [];
    try {
      for (const [geometry, label] of BASELINES) {
        const site = await startBaseline(root, server.base, ['ips', ...BASELINE_SWITCHES], YEAR, geometry, (line) => log(`map: ${line}`));
        baselines.push({ geometry, label, site, url: `${site.base}/?w=${width}&h=${height}&indicators=ips,${BASELINE_SWITCHES.join(',')}`, runs: [] as Load[] });
        log(`map: baseline ${geometry} on ${site.base}, map ${width}×${height}, GeoJSON ${Math.round(site.geojsonBytes / 1e3)} kB gzipped`);
        await measure(browser, baselines.at(-1)?.url as string);
      }
      // runs interleaved (app, then each baseline, and again), so a change in the machine's load
      // during the section weighs on every page alike
      const app: Load[] = [];
      for (let i = 0; i < runs; i++) {
        app.push(await measure(browser, appUrl, APP_SWITCHES));
        const last = app.at(-1) as Load;
        log(`map: app run ${i + 1}: ready ${Math.round(last.readyMs)} ms, interactive ${Math.round(last.interactiveMs)} ms, ${Math.round(last.bytes / 1e3)} kB, switches ${last.switches.map(Math.round).join(', ')} ms`);
        for (const b of baselines) {
          b.runs.push(await measure(browser, b.url, BASELINE_SWITCHES));
          const run = b.runs.at(-1) as Load;
          log(`map: baseline ${b.geometry} run ${i + 1}: ready ${Math.round(run.readyMs)} ms, ${Math.round(run.bytes / 1e3)} kB, switch ${run.switches.map(Math.round).join(', ')} ms`);
        }
      }
      const rows: PageRuns[] = baselines.map((b) => ({ label: b.label, runs: b.runs, fresh: BASELINE_SWITCHES.length }));
      return mapRows({ label: `map app ${APP_PATH}`, runs: app, fresh: APP_SWITCHES.length - 1 }, rows);
    } finally {
      for (const b of baselines) await b.site.stop();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
