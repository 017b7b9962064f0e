/**
 * Browser test of the map page against the real server and warehouse: the IPS choropleth
 * renders in several palette colours, the legend and sources are right, a synthetic indicator
 * carries its badge, the URL holds the view state and back/forward restore it.
 * Screenshots: test-results/*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { classColors } from '../../web/map/palette.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { countCanvasColours } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage });

/** Waits until the map shows exactly this view (`indicator|level|year`) and is idle. */
async function waitForView(view: string): Promise<void> {
  await page.waitForSelector(`#map[data-view="${view}"][data-state="ready"][data-interactive="true"]`, { timeout: 60_000 });
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('map page', () => {
  it('renders the IPS choropleth of départements with its legend and sources', async () => {
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2022`);
    await waitForView('ips|departement|2022');

    await expect.poll(() => page.locator('[data-testid="legend-class"]').count()).toBe(5);
    expect(await page.locator('[data-testid="legend-nodata"]').textContent()).toMatch(/Pas de donnée/);
    expect(await page.locator('[data-testid="sources"]').textContent()).toContain('DEPP');
    expect(await page.locator('h1').textContent()).toBe('Équité numérique des territoires — CoPaNEETA Auvergne');
    expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/départements.*IPS.*2022/);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');

    const counts = await countCanvasColours(page, classColors(5, 'higher_is_better'));
    const present = counts.filter((n) => n > 200);
    expect(present.length, `pixels per class colour: ${counts.join(', ')}`).toBeGreaterThanOrEqual(3);
    await shot('map-ips-departement-fr');
  });

  it('shows a tooltip with name, value, schools, year and provenance on hover', async () => {
    const box = await page.locator('#map').boundingBox();
    if (!box) throw new Error('map has no box');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toMatch(/Année 2022/);
    expect(text).toMatch(/établissements/);
    expect(text).toMatch(/Données ouvertes/);
    await shot('map-ips-tooltip');
    await page.mouse.move(1, 1);
  });

  it('switches to a synthetic indicator without reloading geometry: badge, explanation, URL', async () => {
    const geoRequests: string[] = [];
    const onRequest = (r: { url: () => string }) => {
      if (/\/(geo|tiles)\//.test(r.url())) geoRequests.push(r.url());
    };
    page.on('request', onRequest);
    await page.selectOption('#indicator-select', 'thd_share');
    await waitForView('thd_share|departement|2022');
    page.off('request', onRequest);
    expect(geoRequests).toEqual([]);

    const url = new URL(page.url());
    expect(url.searchParams.get('indicator')).toBe('thd_share');
    expect(url.searchParams.get('year')).toBe('2022');

    const badge = page.locator('[data-testid="provenance-badge"]');
    expect(await badge.getAttribute('data-provenance')).toBe('synthetic');
    expect(await badge.textContent()).toContain('Données fictives');
    await badge.focus();
    const tip = page.locator('.badge-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe('Valeurs simulées de démonstration, pas des mesures réelles');
    await shot('map-thd-share-synthetic');
  });

  it('restores the previous view with back and the next one with forward', async () => {
    await page.goBack();
    await waitForView('ips|departement|2022');
    expect(await page.locator('#indicator-select').inputValue()).toBe('ips');
    await page.goForward();
    await waitForView('thd_share|departement|2022');
    expect(await page.locator('#indicator-select').inputValue()).toBe('thd_share');
  });

  it('switches level and language', async () => {
    await page.locator('label.segment', { hasText: 'Académie' }).click();
    await waitForView('thd_share|academie|2022');
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Digital equity');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('[data-testid="provenance-badge"]').textContent()).toContain('Simulated data');
    await shot('map-thd-share-academie-en');
  });

  it('shows a historical indicator with its vintage', async () => {
    await page.goto(`${server?.url}/?indicator=ftth_share&level=region&lang=fr`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="provenance-badge"]').textContent()).toContain('Donnée historique (T1 2018)');
    await shot('map-ftth-region-historical');
  });

  it('shows API errors in the map and marks the map as failed', async () => {
    await page.route('**/api/map?*', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'bad_request', message: 'année inconnue', param: 'year' } }),
      }),
    );
    await page.goto(`${server?.url}/?indicator=ips&level=academie&year=2021`);
    await page.waitForSelector('#map[data-state="error"]', { timeout: 30_000 });
    expect(await page.getByRole('alert').textContent()).toMatch(/année inconnue.*paramètre : year/);
    await shot('map-error');
    await page.unroute('**/api/map?*');
    pageErrors.length = 0; // the browser logs the deliberate 400
  });

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2022`);
    await waitForView('ips|departement|2022');
    await shot('map-ips-mobile', true);
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
