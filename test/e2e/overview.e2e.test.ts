/**
 * Browser test of the commune overview (web/map/overview, scripts/build/overview) against the real
 * server and warehouse: all France's communes drawn from the ID raster at the scale of France
 * (several class colours and the départements' borders, no vector tile asked for), the first
 * view's requests sent once (preloaded, then taken by the page), hover and click on a commune
 * picked from the raster, a new indicator re-coloured without geometry, and the hand-over to the
 * vector tiles past zoom 5.5. Screenshots: test-results/overview-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { mercX, mercY } from '../../scripts/build/tiles/spec.ts';
import { classColors } from '../../web/map/palette.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { countCanvasColours, legendColours } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const requests: string[] = [];
/** Requests the app's own fetchJson sent (it asks for JSON; the early requests and preloads do not). */
const asked: string[] = [];
const onRequest = (r: Request) => {
  const u = new URL(r.url());
  requests.push(u.pathname + u.search);
  if (r.headers()['accept'] === 'application/json') asked.push(u.pathname + u.search);
};

/** France at zoom 4.4 (the overview draws; its z5 raster is the level for that zoom). */
const CAMERA = { zoom: 4.4, lat: 46.6, lon: 2.4 };
const FRANCE = `/?level=commune&indicator=ips&year=2022&map=${CAMERA.zoom}/${CAMERA.lat}/${CAMERA.lon}`;
/** The départements' border colour (the commune level's context line, overviewLayer.ts). */
const BORDER = '#4b5563';

/** Where a place (display coordinates) is on the page, for the camera of the address. */
async function onScreen(lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#map .maplibregl-canvas').boundingBox();
  if (!box) throw new Error('the map has no canvas');
  const scale = 512 * 2 ** CAMERA.zoom;
  return {
    x: box.x + box.width / 2 + (mercX(lon) - mercX(CAMERA.lon)) * scale,
    y: box.y + box.height / 2 + (mercY(lat) - mercY(CAMERA.lat)) * scale,
  };
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
  page.on('request', onRequest);
});

afterAll(() => closeSession(browser, server));

describe('commune overview', () => {
  it('draws every commune of France from the raster, in several classes, with the départements’ borders and no vector tile', async () => {
    await page.goto(`${server?.url}${FRANCE}`);
    await page.waitForSelector('#map[data-view="ips|commune|2022"][data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    const counts = await countCanvasColours(page, [...classColors(5, 'higher_is_better'), BORDER]);
    const classes = counts.slice(0, 5);
    expect(classes.filter((n) => n > 500).length, `pixels per class colour: ${classes.join(', ')}`).toBe(5);
    expect(counts[5], 'border pixels').toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'overview-france.png') });

    expect(requests.filter((u) => /^\/tiles\/(commune|departement)\/\d/.test(u))).toEqual([]);
    // (the page's preload and its first script's fetch of the same URL are one request when the
    // browser matches them, two on a loaded machine: the set of URLs is what is checked)
    expect([...new Set(requests.filter((u) => u.startsWith('/tiles/commune/overview')))]).toEqual(['/tiles/commune/overview.json', '/tiles/commune/overview/5.bin']);
    // sent early (preloaded by the page, requested by its first module) and taken by the app,
    // which never asked for them itself
    const values = '/api/map?indicator=ips&level=commune&year=2022&format=columns';
    expect(requests).toContain(values);
    expect(asked.filter((u) => [values, '/api/indicators', '/geo/insets.geojson'].includes(u))).toEqual([]);
    // read by the page's plain first script (web/public/early.js) and taken from it by the app
    const early = await page.evaluate(() => {
      const map = (window as unknown as { __copaneetaEarly?: Map<string, unknown> }).__copaneetaEarly;
      return map instanceof Map ? [...map.keys()] : null;
    });
    expect(early).toEqual([]);
  });

  it('names the commune under the pointer and selects it on click, from the raster', async () => {
    // a point well inside Clermont-Ferrand (63113)
    const at = await onScreen(3.0863, 45.7772);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await tooltip.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Clermont-Ferrand\s*63113/);
    expect(await tooltip.textContent()).toMatch(/Année 2022/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'overview-tooltip.png') });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('selected')).toBe('commune:63113');
    await page.mouse.move(1, 1);
  });

  it('re-colours for another indicator without loading geometry', async () => {
    const before = requests.length;
    await page.selectOption('#indicator-select', 'thd_share');
    await page.waitForSelector('#map[data-view^="thd_share|commune|"][data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    const since = requests.slice(before);
    expect(since.filter((u) => /^\/(tiles|geo)\//.test(u))).toEqual([]);
    expect(since.some((u) => u.startsWith('/api/map?indicator=thd_share&level=commune'))).toBe(true);
    // the new classes' colours are on the map
    const colours = await legendColours(page);
    const counts = await countCanvasColours(page, colours);
    expect(counts.filter((n) => n > 500).length, `pixels per class colour ${colours.join(' ')}: ${counts.join(', ')}`).toBeGreaterThanOrEqual(3);
  });

  it('hands over to the vector tiles past zoom 5.5: the communes of the Cantal in several classes', async () => {
    await page.goto(`${server?.url}/?level=commune&indicator=ips&year=2022&map=8/45.05/2.65`);
    await page.waitForSelector('#map[data-view="ips|commune|2022"][data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    expect(requests.some((u) => /^\/tiles\/commune\/8\//.test(u))).toBe(true);
    const counts = await countCanvasColours(page, classColors(5, 'higher_is_better'));
    expect(counts.filter((n) => n > 200).length, `pixels per class colour: ${counts.join(', ')}`).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'overview-cantal-vector.png') });
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
