/**
 * Browser test of the provenance shown to people once partners have imported real data (issue #7):
 * a copy of the served warehouse in a temp folder (never data/warehouse) gets two imports of
 * measured bandwidths for rentrée 2025, every collège of the Cantal (so the Cantal is partly
 * imported) and every school of the Haute-Loire (wholly imported), and the real server answers
 * from it. The map's badge says « En partie importées (n %) » with the importing bodies in the
 * source line and the count of départements by provenance in the legend; the side panel names the
 * importing body and date of the Haute-Loire's figure; the Cantal's profile says which share is
 * imported and keeps « données fictives » on demo figures. (The tooltip's wording is tested on its
 * rendered markup in web/panels/provenance.render.test.tsx.) Screenshots: test-results/provenance-*.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importMeasures } from '../../scripts/import/measures.ts';
import { openWarehouse } from '../../server/db/warehouse.ts';
import { closeSession, openSession, RESULTS_DIR, ROOT, type RunningServer } from './harness.ts';
import { waitForReady } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
let root = '';
const pageErrors: string[] = [];
let shares = { cantal: 0 };

const testId = (id: string) => page.locator(`[data-testid="${id}"]`);
const shot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `provenance-${name}.png`) });

/** A copy of the served version as `<root>/data/builds/<id>` with `<root>/data/warehouse` linking to it. */
function copyServed(): string {
  root = mkdtempSync(path.join(tmpdir(), 'provenance-e2e-'));
  const served = path.join(ROOT, 'data', 'warehouse');
  const id = path.basename(readlinkSync(served));
  const dataDir = path.join(root, 'data');
  mkdirSync(path.join(dataDir, 'builds'), { recursive: true });
  cpSync(path.resolve(path.dirname(served), readlinkSync(served)), path.join(dataDir, 'builds', id), { recursive: true });
  symlinkSync(path.join('builds', id), path.join(dataDir, 'warehouse'));
  return dataDir;
}

async function importBandwidths(dataDir: string, name: string, body: string, uais: string[]): Promise<void> {
  const file = path.join(root, name);
  writeFileSync(file, `uai,year,measure,value\n${uais.map((u) => `${u},2025,bandwidth_measured_mbps,95`).join('\n')}\n`);
  const report = await importMeasures({ dataDir, file, body, actor: 'e2e', log: () => {} });
  expect(report.status).toBe('applied');
}

beforeAll(async () => {
  const dataDir = copyServed();
  const db = await openWarehouse(path.join(dataDir, 'warehouse'));
  const uais = async (where: string) => (await db.query(`SELECT uai FROM facts WHERE indicator = 'thd_share' AND year = 2025 AND ${where} ORDER BY uai`)).map((r) => String(r.uai));
  const cantalColleges = await uais(`departement_code = '15' AND school_type = 'college'`);
  const cantalAll = await uais(`departement_code = '15'`);
  const hauteLoire = await uais(`departement_code = '43'`);
  db.close();
  shares = { cantal: cantalColleges.length / cantalAll.length };
  await importBandwidths(dataDir, 'cantal.csv', 'Département du Cantal', cantalColleges);
  await importBandwidths(dataDir, 'haute-loire.csv', 'Département de la Haute-Loire', hauteLoire);
  process.env.WAREHOUSE_DIR = path.join(dataDir, 'warehouse');
  try {
    ({ server, browser, page } = await openSession({ width: 1280, height: 900 }, pageErrors));
  } finally {
    delete process.env.WAREHOUSE_DIR;
  }
}, 240_000);

afterAll(async () => {
  await closeSession(browser, server);
  if (root) rmSync(root, { recursive: true, force: true });
});

const pct = (share: number) => `${Math.round(share * 100)}\u00a0%`;

describe('provenance of imported data in the map, panel and profile', () => {
  it('says on the map which départements rest on imported, partly imported and demo data', async () => {
    await page.goto(`${server?.url}/?level=departement&indicator=thd_share&year=2025&within=academie:06&selected=departement:43`);
    await waitForReady(page);
    const badge = testId('provenance-badge');
    await expect.poll(() => badge.getAttribute('data-provenance'), { timeout: 30_000 }).toBe('mixed');
    expect(await badge.textContent()).toMatch(/^!En partie importées \(\d+\u00a0%\)/);
    // the map's text alternative says it too, and so does its export
    await expect.poll(() => page.locator('#map .maplibregl-canvas').getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/\. Données en partie fictives\.$/);
    const menu = testId('map-export');
    await menu.locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menu.locator('[data-format="svg"]').click()]);
    const svgFile = path.join(RESULTS_DIR, 'provenance-export.svg');
    await download.saveAs(svgFile);
    expect(readFileSync(svgFile, 'utf8')).toMatch(/>Données en partie fictives\s: une partie des valeurs est simulée/);
    // the académie's four départements: Haute-Loire imported, Cantal partly, Allier and Puy-de-Dôme demo
    expect(await testId('legend-provenance').textContent()).toBe('Provenance des valeurs : 1 en données importées, 1 en partie importées, 2 en données fictives.');
    const sources = await testId('sources').textContent();
    expect(sources).toMatch(/Département de la Haute-Loire ; Département du Cantal, Données réelles importées/);
    expect(sources).toMatch(/En partie importées/);
    // the side panel: the Haute-Loire's figure names the importing body and the date
    const figure = page.locator('[data-testid="territory-figure"][data-indicator="thd_share"] .tag');
    await expect.poll(() => figure.textContent(), { timeout: 30_000 }).toMatch(/^Données importées \(Département de la Haute-Loire, \d{1,2} \S+ \d{4}\)$/);
    expect(await figure.getAttribute('data-provenance')).toBe('imported');
    // open data says where it comes from
    expect(await page.locator('[data-testid="territory-figure"][data-indicator="ips"] .tag').textContent()).toBe('Données ouvertes (DEPP, rentrées 2021 et 2022)');
    await shot('map');
  });

  it('gives the Cantal’s imported share on its profile, and keeps « données fictives » on demo figures', async () => {
    await page.goto(`${server?.url}/territoire/departement/15?year=2025&indicator=thd_share`);
    await expect.poll(() => page.locator('h1.pp-name').textContent(), { timeout: 30_000 }).toBe('Cantal');
    const thd = page.locator('[data-indicator="thd_share"] .tag').first();
    await expect.poll(() => thd.textContent(), { timeout: 30_000 }).toBe(`données importées pour ${pct(shares.cantal)}, le reste fictif`);
    // the series chart says which year rests on imported values
    const chart = testId('series').locator('[data-testid="line-chart"]').first();
    await expect.poll(() => chart.locator('svg title').textContent(), { timeout: 30_000 }).toBe(`Écoles en très haut débit (données importées en 2025 (${pct(shares.cantal)}), le reste fictif)`);
    const fibre = page.locator('[data-indicator="fibre_share"] .tag').first();
    expect(await fibre.textContent()).toBe('données fictives');
    const equity = testId('equity-provenance');
    await expect.poll(() => equity.textContent(), { timeout: 60_000 }).toMatch(/^Provenance des valeurs : \d+ en données importées, \d+ en données fictives\.$/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'provenance-profile.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
