/**
 * Browser test of the LISA overlay ("zones blanches", issue #5) against the real server: the
 * communes of the académie of Clermont-Ferrand by IPS 2022 with `lisa=1` draw the significant
 * clusters as magenta (underserved) and orange (well-served) outlines, the key gives the counts
 * of /api/equity, Moran's I and the neighbourhood; the toggle writes `lisa=1` to the URL and a
 * simulated indicator carries the "données fictives" mention.
 * Screenshots: test-results/lisa-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EquityResponse } from '../../web/api/equity.ts';
import { LISA_COLORS } from '../../web/map/style.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { countCanvasColours, param, waitForReady } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `lisa-${name}.png`) });
const VIEW = 'level=commune&within=academie:06&indicator=ips&year=2022';

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('LISA clusters on the map', () => {
  it('outlines the zones blanches and lists the counts, Moran’s I and the neighbourhood', async () => {
    const api = (await (await fetch(`${server?.url}/api/equity?indicator=ips&year=2022&within=academie:06&by=commune`)).json()) as EquityResponse;
    const counts = api.spatial.lisa?.counts;
    expect(counts?.['low-low']).toBeGreaterThan(10);
    await page.goto(`${server?.url}/?${VIEW}&lisa=1`);
    await waitForReady(page);
    expect(await page.getByTestId('lisa-overlay').innerText()).toContain('Zones blanches');
    expect(await page.locator('#lisa-toggle').isChecked()).toBe(true);
    const under = await page.getByTestId('lisa-under').innerText();
    const well = await page.getByTestId('lisa-well').innerText();
    expect(under).toContain(`Zones blanches\u00a0: ${counts?.['low-low']} communes`);
    expect(under).toContain('(bas-bas)');
    expect(well).toContain(`${counts?.['high-high']} communes`);
    const key = await page.getByTestId('lisa-key').innerText();
    expect(key).toContain('contiguïté');
    expect(key).toContain(`p = ${String(api.spatial.moran?.p_value).replace('.', ',')}`);
    expect(key).not.toContain('Données fictives');
    const [magenta = 0, orange = 0] = await countCanvasColours(page, [LISA_COLORS.under, LISA_COLORS.well]);
    expect(magenta, 'magenta outline pixels').toBeGreaterThan(300);
    expect(orange, 'orange outline pixels').toBeGreaterThan(300);
    await shot('clermont-ips');
    expect(pageErrors).toEqual([]);
  });

  it('turns on from the toggle (lisa=1 in the URL), off again, and marks simulated data', async () => {
    await page.goto(`${server?.url}/?${VIEW.replace('indicator=ips', 'indicator=fibre_share')}&lang=en`);
    await waitForReady(page);
    expect(param(page, 'lisa')).toBeNull();
    expect((await countCanvasColours(page, [LISA_COLORS.under]))[0]).toBe(0);
    await page.locator('#lisa-toggle').check();
    await waitForReady(page, (u) => u.searchParams.get('lisa') === '1');
    const key = await page.getByTestId('lisa-key').innerText();
    expect(key).toContain('Low-service clusters:');
    expect(key).toContain('Simulated data');
    expect((await countCanvasColours(page, [LISA_COLORS.under]))[0]).toBeGreaterThan(20);
    await shot('toggle-fibre');
    await page.locator('#lisa-toggle').uncheck();
    await waitForReady(page, (u) => u.searchParams.get('lisa') === null);
    expect(await page.getByTestId('lisa-overlay').count()).toBe(0);
    expect((await countCanvasColours(page, [LISA_COLORS.under]))[0]).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
