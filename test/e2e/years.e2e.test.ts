/**
 * Browser test: the map's year slider and URL state take the years from the served catalog
 * (`/api/indicators`), not from the catalog bundled in the web. The real warehouse has no
 * imported release, so the test plays a server that has one: `/api/indicators` answers with IPS
 * rentrée 2023 added, and the map values of 2023 are those of 2022 relabelled (the figures are
 * not the point here; the server side is covered by test/server/years.test.ts).
 * Screenshot: test-results/years-ips-2023.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

const waitForView = (view: string) => page.waitForSelector(`#map[data-view="${view}"][data-state="ready"][data-interactive="true"]`, { timeout: 60_000 });
const ticks = () => page.locator('.year-slider-ticks span').allTextContents();

describe('years from the served catalog', () => {
  it('offers a year the served warehouse added (IPS 2023) on the slider and keeps it in the URL', async () => {
    await page.route('**/api/indicators', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { indicators: { id: string; years: number[]; yearDetails?: unknown[]; sources: { vintage: string }[] }[] };
      const ips = body.indicators.find((i) => i.id === 'ips');
      if (!ips) throw new Error('no ips in the served catalog');
      ips.years = [...ips.years, 2023];
      ips.yearDetails = [...(ips.yearDetails ?? []), { year: 2023, provenance: 'open-data', vintage: 'rentrée 2023' }];
      // what the server's served catalog writes (server/indicators/years.ts)
      ips.sources = ips.sources.map((src) => ({ ...src, vintage: 'rentrées 2021 à 2023' }));
      await route.fulfill({ response: res, json: body });
    });
    await page.route(/\/api\/map\?.*year=2023/, async (route) => {
      const res = await route.fetch({ url: route.request().url().replace('year=2023', 'year=2022') });
      const body = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: { ...body, year: 2023 } });
    });
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2023`);
    await waitForView('ips|departement|2023');
    await expect.poll(ticks).toEqual(['2021', '2022', '2023']);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
    expect(await page.locator('.year-slider output').textContent()).toBe('2023');
    // the indicator card's « Millésime » is the served one, not the bundled "rentrées 2021 et 2022"
    await expect.poll(() => page.getByText('rentrées 2021 à 2023').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'years-ips-2023.png') });

    // the slider steps through the served years
    await page.locator('#year-range').focus();
    await page.keyboard.press('ArrowLeft');
    await waitForView('ips|departement|2022');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    expect(pageErrors).toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it('falls back to the latest served year when the warehouse lacks the year asked', async () => {
    // the real server has no 2023: once its catalog arrives the view moves to 2022
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2023`);
    await waitForView('ips|departement|2022');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2022');
    expect(await ticks()).toEqual(['2021', '2022']);
  });
});
