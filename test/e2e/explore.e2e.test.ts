/**
 * Browser test of exploring without a mouse, against the real server and warehouse: the skip
 * link reaches the search box, "st flour" + ↓ + Enter selects Saint-Flour (URL, side panel with
 * figures, "Données fictives" on simulated ones), the territory table follows the selection
 * and selects with the keyboard, sorts, Escape closes the panel, and all ~35,000 communes are
 * listed with only the rows in view in the DOM. Screenshots: test-results/explore-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `explore-${name}.png`), fullPage });
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const grid = () => page.locator('#territory-grid');
const activeOption = () =>
  page.evaluate(() => {
    const id = document.getElementById('search-input')?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('exploring with the keyboard', () => {
  it('finds Saint-Flour from the skip link with "st flour", ↓ and Enter', async () => {
    await page.goto(`${server?.url}/?indicator=thd_share&level=departement&year=2024`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au tableau des territoires');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Aller à la recherche"
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');

    await page.keyboard.type('st flour', { delay: 30 });
    const input = page.locator('#search-input');
    await expect.poll(() => input.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    await page.locator('[role="listbox"][data-query="st flour"]').waitFor(); // not an answer to "st fl"
    await page.keyboard.press('ArrowDown');
    expect(await activeOption()).toMatch(/^Saint-Flour\s*Commune · Cantal \(15\)/);
    await shot('search-listbox');

    await page.keyboard.press('Enter');
    await expect.poll(() => param('selected')).toBe('commune:15187');
    expect(param('level')).toBe('commune');
    expect(param('within')).toBe('departement:15');
    expect(await input.getAttribute('aria-expanded')).toBe('false');

    const panel = page.locator('[data-testid="territory-panel"]');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Saint-Flour');
    const figures = panel.locator('[data-testid="territory-figure"]');
    await expect.poll(() => figures.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const first = figures.first();
    expect(await first.getAttribute('data-indicator')).toBe('thd_share');
    const text = (await first.textContent()) ?? '';
    expect(text).toMatch(/Données fictives/);
    expect(text).toMatch(/\d+,\d\s%/); // French decimal comma and a no-break space before %
    expect(text).toMatch(/Cantal.*France.*Indice \(Cantal = 100\).*Rang\d+(er|e) sur \d+/);
    expect(await panel.textContent()).toMatch(/Auvergne-Rhône-Alpes.*Clermont-Ferrand.*Cantal/);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    await shot('saint-flour-panel');
  });

  it('marks the selected commune in the table, then selects another row with the keyboard', async () => {
    const selectedRow = grid().locator('tr[aria-selected="true"]');
    await expect.poll(() => selectedRow.getAttribute('data-code'), { timeout: 15_000 }).toBe('15187');
    expect(await selectedRow.isVisible()).toBe(true);

    await grid().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => {
      const id = document.getElementById('territory-grid')?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.closest('tr')?.getAttribute('data-code') ?? null) : null;
    });
    expect(target).toMatch(/^15\d{3}$/);
    expect(target).not.toBe('15187');
    await page.keyboard.press('Enter');
    await expect.poll(() => param('selected')).toBe(`commune:${target}`);
    await expect.poll(() => selectedRow.getAttribute('data-code'), { timeout: 15_000 }).toBe(target);
    await shot('table-keyboard');
  });

  it('sorts by value from the header (aria-sort) and keeps the selection', async () => {
    const header = grid().locator('thead th.tt-value');
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await grid().locator('thead th.tt-name').getAttribute('aria-sort')).toBeNull();
    expect(await grid().locator('tr[aria-selected="true"]').isVisible()).toBe(true);
  });

  it('selects the commune of a school found by its UAI, with the schools shown', async () => {
    const input = page.locator('#search-input');
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0150029A', { delay: 20 });
    await page.locator('[role="listbox"][data-query="0150029A"]').waitFor();
    await expect.poll(() => page.locator('[role="option"]').first().textContent(), { timeout: 10_000 }).toMatch(/COLLEGE BLAISE PASCAL.*Établissement · Saint-Flour/);
    await page.keyboard.press('Enter');
    await expect.poll(() => param('selected'), { timeout: 15_000 }).toBe('commune:15187');
    expect(param('schools')).toBe('1');
    expect(await page.locator('[role="status"]').filter({ hasText: 'COLLEGE' }).textContent()).toMatch(/^Sélection\s:\sCOLLEGE BLAISE PASCAL\.$/);
  });

  it('closes the panel with Escape', async () => {
    await grid().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => param('selected')).toBeNull();
    expect(await page.locator('[data-testid="territory-panel"]').count()).toBe(0);
  });

  it('lists all communes of France but renders only the rows in view', async () => {
    await page.goto(`${server?.url}/?indicator=ips&level=commune&year=2022`);
    await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount')), { timeout: 60_000 }).toBeGreaterThan(30_000);
    const rendered = await grid().locator('tbody tr[aria-rowindex]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await grid().focus();
    await page.keyboard.press('Control+End');
    const last = grid().locator('tbody tr[aria-rowindex]').last();
    await expect.poll(() => last.getAttribute('aria-rowindex'), { timeout: 15_000 }).toBe(await grid().getAttribute('aria-rowcount'));
    await shot('communes-table-end');
  });

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server?.url}/?indicator=thd_share&level=commune&year=2024&within=departement:15&selected=commune:15187`);
    await page.locator('[data-testid="territory-figure"]').first().waitFor({ timeout: 30_000 });
    await shot('mobile', true);
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
