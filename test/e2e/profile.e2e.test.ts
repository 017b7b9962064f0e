/**
 * Browser test of the territory profile and compare pages against the real server and
 * warehouse: the Cantal's profile opens from its URL with its largest gaps first (plain French
 * sentences), the other key figures, a demo series labelled "données fictives", the distribution
 * of its schools (one highlighted from the URL) and its equity measures; it prints as exactly one
 * A4 page; a comparison of three départements opens from its URL as small multiples and a table,
 * and stays in the URL as territories are removed and added; the map's side panel links to the
 * profile; axe-core finds no serious or critical violation on either page. Screenshots and the
 * PDF: test-results/profile-*.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSession, openSession, RESULTS_DIR, ROOT, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(RESULTS_DIR, `profile-${name}.png`), fullPage });
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const testId = (id: string) => page.locator(`[data-testid="${id}"]`);

/** Pages in a PDF: `/Type /Page` objects, not the `/Type /Pages` tree. */
const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 900 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('territory profile', () => {
  it('opens the Cantal from its URL with its largest gaps first', async () => {
    await page.goto(`${server?.url}/territoire/departement/15?year=2024`);
    await expect.poll(() => page.locator('h1.pp-name').textContent(), { timeout: 30_000 }).toBe('Cantal');
    // without an indicator, the page focuses on the largest gap and says so in the URL
    await expect.poll(() => param('indicator')).not.toBeNull();
    expect(param('year')).toBe('2024');

    const worst = testId('worst-figure');
    await expect.poll(() => worst.count(), { timeout: 15_000 }).toBe(3);
    expect(await worst.first().getAttribute('data-indicator')).toBe(param('indicator'));
    const sentence = (await worst.first().locator('.pp-sentence').textContent()) ?? '';
    expect(sentence).toMatch(/^Dans le Cantal, .+, \d+(,\d)?(\u00a0%| points?) de (moins|plus) que dans l’académie de Clermont-Ferrand \(données fictives\)\.$/);
    expect(await testId('worst-first').locator('h2').textContent()).toBe('Les plus grands écarts avec l’académie de Clermont-Ferrand');

    const rows = testId('key-figures').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(9);
    const table = (await testId('key-figures').textContent()) ?? '';
    expect(table).toMatch(/\d+,\d\u00a0%/); // French decimal comma, no-break space before %
    expect(table).toMatch(/144\s196\u00a0hab\./); // thousands separated by a (narrow) no-break space
    expect(table).toMatch(/\d(er|e) sur 4/);
  });

  it('shows series with France, labelled "données fictives", the schools and the equity measures', async () => {
    const chart = testId('series').locator('[data-testid="line-chart"]');
    await expect.poll(() => chart.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const title = (await chart.first().locator('svg title').textContent()) ?? '';
    expect(title).toMatch(/\(données fictives\)$/);
    expect(await chart.first().locator('figcaption').textContent()).toMatch(/données fictives/);
    expect(await chart.first().locator('svg desc').textContent()).toMatch(/France\u00a0: de .+ \(2019\) à .+ \(2025\)/);
    expect(await chart.first().locator('path').count()).toBe(3); // Cantal, académie, France
    expect(await chart.first().locator('details table tbody tr').count()).toBe(7);

    const distribution = testId('distribution-chart');
    await distribution.waitFor({ timeout: 15_000 });
    expect(await distribution.locator('.chart-bars rect').count()).toBeGreaterThan(3);
    expect(await distribution.locator('svg desc').textContent()).toMatch(/^165 établissements, de .+ à .+, médiane .+\./);

    await testId('equity').locator('[data-measure="gini"]').waitFor({ timeout: 30_000 });
    const equity = (await testId('equity').textContent()) ?? '';
    expect(equity).toMatch(/Indice de Gini\s*0,\d\d/);
    expect(equity).toMatch(/% des inégalités tiennent aux écarts entre communes/);
    expect(equity).toMatch(/De 2019 à 2025, l’écart entre établissements (se réduit|se creuse|est stable)/);
    expect(await testId('stack-bar').count()).toBe(1);

    expect(await testId('territory-map').locator('path').count()).toBeGreaterThan(1);
    expect(await testId('territory-map').locator('circle').count()).toBeGreaterThan(100);
    await shot('cantal');
  });

  it('highlights a school picked in the list, in the URL', async () => {
    const select = page.locator('.pp-school-pick select');
    const uai = await select.locator('option').nth(5).getAttribute('value');
    expect(uai).toMatch(/^\d{7}[A-Z]$/);
    await select.selectOption(uai as string);
    await expect.poll(() => param('school')).toBe(uai);
    await expect.poll(() => testId('highlighted-school').textContent()).toMatch(/\u00a0%? ?des établissements dans le Cantal sont en dessous/);
    expect(await testId('distribution-chart').locator('.chart-pin').count()).toBe(1);
    expect(await testId('territory-map').locator(`circle[r="4"]`).count()).toBe(1);
    // the same URL opened afresh shows the same page
    const url = page.url();
    await page.goto(url);
    await testId('highlighted-school').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(url);
  });

  it('prints as one A4 page with the map, the key figures, the sources and the date', async () => {
    await page.goto(`${server?.url}/territoire/departement/15?year=2024`);
    await testId('equity').locator('[data-measure="gini"]').waitFor({ timeout: 30_000 });
    await testId('distribution-chart').waitFor({ timeout: 15_000 });
    await expect.poll(() => testId('series').locator('[data-testid="line-chart"]').count(), { timeout: 15_000 }).toBe(3);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.pp-actions').isVisible()).toBe(false);
    expect(await page.locator('.print-only .territory-map').isVisible()).toBe(true);
    expect(await testId('page-sources').textContent()).toMatch(/Sources\u00a0: .*Base construite le .*Page du /);
    await shot('cantal-print');
    await page.emulateMedia({ media: null }); // back to the default: page.pdf() prints with print CSS

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(RESULTS_DIR, 'profile-cantal.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('speaks English with lang=en', async () => {
    await page.goto(`${server?.url}/territoire/commune/15187?year=2024&lang=en`);
    await expect.poll(() => page.locator('h1.pp-name').textContent(), { timeout: 30_000 }).toBe('Saint-Flour');
    await expect.poll(() => testId('worst-figure').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await testId('worst-figure').first().locator('.pp-sentence').textContent()).toMatch(/^In Saint-Flour, .+ than in Cantal \(synthetic data\)\.$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await testId('distribution-chart').waitFor({ timeout: 15_000 });
    await shot('saint-flour-en');
  });
});

describe('comparison', () => {
  it('opens three départements from its URL as small multiples and a table', async () => {
    await page.goto(`${server?.url}/comparer?territories=departement:03,departement:15,departement:43&year=2024`);
    const multiples = testId('small-multiples').locator('[data-testid="dot-chart"]');
    await expect.poll(() => multiples.count(), { timeout: 30_000 }).toBe(7);
    const first = multiples.first();
    expect(await first.locator('.dot-row').count()).toBe(4); // three départements and France
    expect(await first.locator('.dot-label').allTextContents()).toEqual(['Allier', 'Cantal', 'Haute-Loire', 'France']);
    // a percentage: every territory on the same 0–100 scale
    expect(await first.locator('.chart-grid text').allTextContents()).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(await first.locator('svg title').textContent()).toMatch(/\(données fictives\)$/);

    const table = testId('compare-table');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Indicateur', 'Allier (département)', 'Cantal (département)', 'Haute-Loire (département)', 'France']);
    expect(await table.locator('tbody tr').count()).toBe(7);
    expect(await table.textContent()).toMatch(/\d+,\d\u00a0%/);
    await shot('compare');
  });

  it('keeps removing and adding territories in the URL', async () => {
    await page.getByRole('button', { name: 'Retirer Haute-Loire' }).click();
    await expect.poll(() => param('territories')).toBe('departement:03,departement:15');
    await page.getByLabel('Ajouter un territoire').fill('Clermont-Ferrand');
    const option = page.locator('.cp-results button', { hasText: 'Clermont-Ferrand' }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await expect.poll(() => param('territories')).toMatch(/^departement:03,departement:15,(commune:63113|academie:06)$/);
    await expect.poll(() => testId('compare-table').locator('thead th').count(), { timeout: 15_000 }).toBe(5);
  });
});

describe('from the map', () => {
  it('links the side panel to the profile', async () => {
    await page.goto(`${server?.url}/?level=departement&indicator=thd_share&year=2024&selected=departement:15`);
    const link = testId('profile-link');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toBe('/territoire/departement/15?year=2024&indicator=thd_share&lang=fr');
    await link.click();
    await expect.poll(() => page.locator('h1.pp-name').textContent(), { timeout: 30_000 }).toBe('Cantal');
    expect(param('indicator')).toBe('thd_share');
    expect(pageErrors).toEqual([]);
  });
});

describe('accessibility (axe-core)', () => {
  const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

  it.each([
    ['profile', '/territoire/departement/15?year=2024&school=0150029A', 'equity'],
    ['compare', '/comparer?territories=departement:03,departement:15,commune:63113&year=2024', 'compare-table'],
  ])('the %s page has no serious or critical violation', async (name, url, ready) => {
    // the app's CSP (default-src 'self') would block the injected axe script
    const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const audited = await context.newPage();
    await audited.goto(`${server?.url}${url}`);
    await audited.locator(`[data-testid="${ready}"]`).waitFor({ timeout: 30_000 });
    await audited.addScriptTag({ path: AXE });
    const violations = (await audited.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as { id: string; impact: string | null }[];
    writeFileSync(path.join(RESULTS_DIR, `a11y-profile-${name}.json`), `${JSON.stringify(violations, null, 2)}\n`);
    await context.close();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
