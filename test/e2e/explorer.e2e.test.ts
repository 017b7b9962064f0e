/**
 * Browser test of the map explorer (issue #4) against the real server, warehouse and vector
 * tiles: a shared URL (communes of Cantal, Jenks in 4 classes) is restored with its breadcrumb
 * and drawn in several class colours; a click on a département drills down and back/forward
 * undo it; the breadcrumb climbs; school points, filters, the year slider, the DROM shortcuts and
 * the camera in the URL work; all France's communes draw at once, also on a phone.
 * Screenshots: test-results/explorer-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OUTSIDE_COLOR } from '../../web/map/style.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { countCanvasColours, legendColours, mapCentre, param, waitForReady } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, fullPage = false) => page.screenshot({ path: path.join(RESULTS_DIR, `explorer-${name}.png`), fullPage });
const crumbs = () => page.locator('[data-testid="breadcrumb"] li').allInnerTexts();
const CANTAL = '/?level=commune&indicator=ips&year=2022&within=departement:15&method=jenks&classes=4';

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('map explorer', () => {
  it('restores a shared URL: communes of Cantal, Jenks in 4 classes, breadcrumb, class colours', async () => {
    await page.goto(`${server?.url}${CANTAL}`);
    await waitForReady(page);
    expect([param(page, 'level'), param(page, 'within'), param(page, 'method'), param(page, 'classes')]).toEqual(['commune', 'departement:15', 'jenks', '4']);
    expect(await crumbs()).toEqual(['France', 'Auvergne-Rhône-Alpes', 'Clermont-Ferrand', 'Cantal']);
    const colours = await legendColours(page);
    expect(colours).toHaveLength(4);
    const counts = await countCanvasColours(page, [...colours, OUTSIDE_COLOR]);
    const classes = counts.slice(0, 4).filter((n) => n > 200);
    expect(classes.length, `pixels per class colour: ${counts.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(counts[4], 'communes outside Cantal are greyed').toBeGreaterThan(1000);
    await shot('shared-cantal');
  });

  it('drills down from a click on a département, and back/forward undo and redo it', async () => {
    await page.goto(`${server?.url}/?level=departement&indicator=ips&year=2022&map=6/45.05/2.65`);
    await waitForReady(page);
    const centre = await mapCentre(page); // the camera is centred on Cantal
    await page.mouse.click(centre.x, centre.y);
    await waitForReady(page, (u) => u.searchParams.get('level') === 'commune');
    expect([param(page, 'within'), param(page, 'selected'), param(page, 'map')]).toEqual(['departement:15', 'departement:15', null]);
    expect(await crumbs()).toEqual(['France', 'Auvergne-Rhône-Alpes', 'Clermont-Ferrand', 'Cantal']);
    await shot('drilled-cantal');

    await page.goBack();
    await waitForReady(page, (u) => u.searchParams.get('level') === 'departement');
    expect([param(page, 'within'), param(page, 'map')]).toEqual([null, '6/45.05/2.65']);
    await page.goForward();
    await waitForReady(page, (u) => u.searchParams.get('level') === 'commune');
    expect(param(page, 'within')).toBe('departement:15');
  });

  it('climbs back with the breadcrumb', async () => {
    await page.getByTestId('breadcrumb').getByRole('button', { name: 'Clermont-Ferrand' }).click();
    await waitForReady(page, (u) => u.searchParams.get('within') === 'academie:06');
    expect(param(page, 'level')).toBe('departement');
    expect(await crumbs()).toEqual(['France', 'Auvergne-Rhône-Alpes', 'Clermont-Ferrand']);
    await shot('climbed-academie');
    await page.getByTestId('breadcrumb').getByRole('button', { name: 'France' }).click();
    await waitForReady(page, (u) => !u.searchParams.has('within'));
    expect(await crumbs()).toEqual(['France']);
  });

  it('draws every school as a point in the class colours, exact and approximate apart', async () => {
    await page.goto(`${server?.url}${CANTAL}`);
    await waitForReady(page);
    const colours = await legendColours(page);
    const before = (await countCanvasColours(page, colours)).reduce((a, b) => a + b, 0);
    await page.locator('#schools-toggle').check();
    await waitForReady(page, (u) => u.searchParams.get('schools') === '1');
    const key = (await page.getByTestId('points-key').innerText()).replace(/\s+/g, ' ');
    expect(key).toMatch(/Position exacte \(\d+\)/);
    expect(key).toMatch(/centre de la commune \(\d+\)/);
    expect(key).toMatch(/Les \d+ établissements sont tous affichés, à toutes les échelles/);
    // the fills fade behind the points: the class colours left on screen are the points'
    const after = (await countCanvasColours(page, colours)).reduce((a, b) => a + b, 0);
    expect(after, `class-colour pixels before ${before}, after ${after}`).toBeGreaterThan(30);
    expect(after).toBeLessThan(before / 3);
    await shot('schools-cantal');
  });

  it('filters the map by school type and sector, and explains why a commune indicator cannot be', async () => {
    const mapRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/map?')) mapRequests.push(r.url());
    });
    await page.selectOption('#school-type-select', 'college');
    await waitForReady(page, (u) => u.searchParams.get('school_type') === 'college');
    await page.selectOption('#sector-select', 'public');
    await waitForReady(page, (u) => u.searchParams.get('sector') === 'public');
    expect(mapRequests.some((u) => u.includes('school_type=college') && u.includes('sector=public'))).toBe(true);
    await shot('filtered-colleges-public');

    await page.selectOption('#indicator-select', 'population');
    await waitForReady(page, (u) => u.searchParams.get('indicator') === 'population');
    expect(await page.locator('#school-type-select').isDisabled()).toBe(true);
    expect(await page.locator('#schools-toggle').isDisabled()).toBe(true);
    expect(await page.locator('#school-filters-note').innerText()).toMatch(/calculé par commune/);
    expect(mapRequests.at(-1)).not.toContain('school_type');
  });

  it('moves through the years with the slider and the keyboard', async () => {
    await page.selectOption('#indicator-select', 'thd_share');
    await waitForReady(page, (u) => u.searchParams.get('indicator') === 'thd_share');
    const slider = page.locator('#year-range');
    const year = Number(param(page, 'year')); // kept from the previous indicator: 2023
    expect(await slider.getAttribute('aria-valuetext')).toBe(String(year));
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await waitForReady(page, (u) => u.searchParams.get('year') === String(year - 1));
    await page.keyboard.press('Home');
    await waitForReady(page, (u) => u.searchParams.get('year') === '2019');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2019');
  });

  it('flies to the DROM insets and back to metropolitan France, writing the camera', async () => {
    await page.goto(`${server?.url}/?level=departement&indicator=thd_share&year=2024`);
    await waitForReady(page);
    const lon = () => Number(param(page, 'map')?.split('/')[2]);
    await page.getByRole('button', { name: 'La Réunion' }).click();
    await waitForReady(page, (u) => u.searchParams.has('map'));
    expect(lon()).toBeLessThan(-9); // the insets lie west of Brittany
    expect(Number(param(page, 'map')?.split('/')[0])).toBeGreaterThan(6);
    await shot('drom-reunion');
    await page.getByRole('button', { name: 'France', exact: true }).last().click();
    await waitForReady(page, () => lon() > 0);
  });

  it('restores the camera from the URL and records pans without adding history entries', async () => {
    await page.goto(`${server?.url}/?level=departement&indicator=ips&year=2022&map=7.5/45.03/3.08`);
    await waitForReady(page);
    expect(param(page, 'map')).toBe('7.5/45.03/3.08');
    const entries = await page.evaluate(() => history.length);
    const c = await mapCentre(page);
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(c.x - 120, c.y - 40, { steps: 8 });
    await page.mouse.up();
    await waitForReady(page, (u) => u.searchParams.get('map') !== '7.5/45.03/3.08');
    expect(Number(param(page, 'map')?.split('/')[2])).toBeGreaterThan(3.08);
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });

  it('draws all France’s communes at once, also on a phone', async () => {
    await page.goto(`${server?.url}/?level=commune&indicator=ips&year=2022`);
    await waitForReady(page);
    const counts = await countCanvasColours(page, await legendColours(page));
    expect(counts.filter((n) => n > 500).length, `pixels per class: ${counts.join(', ')}`).toBeGreaterThanOrEqual(4);
    await shot('communes-france');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server?.url}/?level=commune&indicator=ips&year=2022`);
    await waitForReady(page);
    const small = await countCanvasColours(page, await legendColours(page));
    expect(small.filter((n) => n > 100).length, `pixels per class: ${small.join(', ')}`).toBeGreaterThanOrEqual(4);
    await shot('communes-phone', true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
