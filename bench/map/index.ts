/**
 * `map` section of `npm run bench`: the map explorer against a naive baseline, in headless
 * Chromium on this machine, for the communes of all France (IPS 2022). The app's server and the
 * baseline's static server run side by side; the app's /api/map answers are warmed first (as a
 * server in use has them in its cache), then each page is loaded once to warm up and `runs` times
 * measured, each in a fresh browser context. See browser.ts for how times and bytes are taken.
 */
import { ensureBuilt } from '../../scripts/ensure-built.ts';
import { getRaw } from '../http.ts';
import { startServer } from '../server.ts';
import type { ResultRow } from '../table.ts';
import { startBaseline } from './baseline.ts';
import { launch, measure, type Load } from './browser.ts';
import { mapRows } from './rows.ts';

const YEAR = 2022;
export const APP_PATH = `/?level=commune&indicator=ips&year=${YEAR}`;
/** Switches measured on the app: three indicators fetched, then back to IPS (cached in the page). */
const APP_SWITCHES = ['thd_share', 'fibre_share', 'ent_active_share', 'ips'] as const;
const BASELINE_SWITCHES = ['thd_share'] as const;

/** Runs the map benchmark; `runs` measured loads per page. */
export async function benchMap(root: string, runs: number, log: (line: string) => void): Promise<ResultRow[]> {
  await ensureBuilt(root, (line) => log(`map: ${line}`));
  const server = await startServer(root);
  log(`map: server on ${server.base} (pid ${server.pid})`);
  const browser = await launch();
  try {
    for (const id of ['ips', ...APP_SWITCHES]) {
      await getRaw(`${server.base}/api/map?indicator=${id}&level=commune&year=${YEAR}`, { 'accept-encoding': 'gzip' });
    }
    const baseline = await startBaseline(root, server.base, ['ips', ...BASELINE_SWITCHES], YEAR);
    try {
      const appUrl = `${server.base}${APP_PATH}`;
      const warm = await measure(browser, appUrl);
      const app: Load[] = [];
      for (let i = 0; i < runs; i++) {
        app.push(await measure(browser, appUrl, APP_SWITCHES));
        const last = app.at(-1) as Load;
        log(`map: app run ${i + 1}: ready ${Math.round(last.readyMs)} ms, ${Math.round(last.bytes / 1e3)} kB, switches ${last.switches.map(Math.round).join(', ')} ms`);
      }
      const { width, height } = warm.mapSize;
      const baseUrl = `${baseline.base}/?w=${width}&h=${height}&indicators=ips,${BASELINE_SWITCHES.join(',')}`;
      log(`map: baseline on ${baseline.base}, map ${width}×${height}, GeoJSON ${Math.round(baseline.geojsonBytes / 1e3)} kB gzipped`);
      await measure(browser, baseUrl);
      const base: Load[] = [];
      for (let i = 0; i < runs; i++) {
        base.push(await measure(browser, baseUrl, BASELINE_SWITCHES));
        const last = base.at(-1) as Load;
        log(`map: baseline run ${i + 1}: ready ${Math.round(last.readyMs)} ms, ${Math.round(last.bytes / 1e3)} kB, switch ${last.switches.map(Math.round).join(', ')} ms`);
      }
      return mapRows(
        { label: `map app ${APP_PATH}`, runs: app, fresh: APP_SWITCHES.length - 1 },
        { label: 'map baseline (one GeoJSON)', runs: base, fresh: BASELINE_SWITCHES.length },
      );
    } finally {
      await baseline.stop();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
