/**
 * Browser test of the convention objectives (issue #8) against the real server and warehouse:
 * the list groups the fictitious examples by convention and partner with their status badges;
 * an example objective's follow-up page lists the schools below the bar in the API's order (the
 * same UAIs, all of them), links their CSV, draws the chart (value, target, deadline, projection
 * and its band) and the map of the scope with one point per placed school, says "exemple fictif"
 * and "données fictives", and prints as exactly one A4 page. The follow-up report of one partner
 * (reached from the list's partner link) lists that partner's objectives as the API does and prints
 * as 1 cover page + 1 page per objective. Screenshots and the PDFs: test-results/objectives-*.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ObjectiveDetail, ObjectivesResponse } from '../../web/api/objectives.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(RESULTS_DIR, `objectives-${name}.png`), fullPage });
const testId = (id: string) => page.locator(`[data-testid="${id}"]`);
const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
const api = async <T>(p: string): Promise<T> => (await (await fetch(`${server?.url}${p}`)).json()) as T;

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 900 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('convention objectives', () => {
  let chosen: ObjectiveDetail;

  it('lists the objectives by convention and partner with their status', async () => {
    const list = await api<ObjectivesResponse>('/api/objectives');
    expect(list.count).toBeGreaterThan(0);
    await page.goto(`${server?.url}/objectifs`);
    const items = page.locator('.obj-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(list.count);
    expect(await page.locator('.obj-convention').count()).toBe(new Set(list.objectives.map((o) => o.convention.id)).size);
    const first = list.objectives[0];
    expect(first).toBeDefined();
    const item = page.locator(`[data-objective="${first?.id}"]`);
    expect(await item.locator('.obj-badge').textContent()).toBe(first?.status_label.fr);
    expect(await item.textContent()).toMatch(/exemple fictif/);
    await shot('list');
  });

  it('opens an example objective with its schools below the bar in the API’s order', async () => {
    const list = await api<ObjectivesResponse>('/api/objectives');
    // an example with a few schools below the bar (all of them fit on the printed page)
    const pickId = list.objectives.find((o) => o.example && o.schools_below >= 5 && o.schools_below <= 20)?.id ?? list.objectives[0]?.id;
    chosen = await api<ObjectiveDetail>(`/api/objectives/${pickId}`);
    await page.goto(`${server?.url}/objectifs/${chosen.id}`);
    await expect.poll(() => page.locator('h1.obj-title').textContent(), { timeout: 30_000 }).toBe(chosen.title.fr);
    const rows = testId('left-behind-schools').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(chosen.left_behind.schools.length);
    const uais = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uai')));
    expect(uais).toEqual(chosen.left_behind.schools.map((s) => s.uai));
    expect(uais.length).toBeGreaterThan(0);
    // sorted by gap, largest first
    const gaps = chosen.left_behind.schools.map((s) => s.gap);
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);

    expect(await testId('left-behind-csv').getAttribute('href')).toBe(`/api/objectives/${chosen.id}/left-behind.csv`);
    const csv = await fetch(`${server?.url}/api/objectives/${chosen.id}/left-behind.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n').length).toBe(chosen.left_behind.schools.length + 1);

    expect(await testId('objective-status').locator('.obj-badge').getAttribute('data-status')).toBe(chosen.status);
    expect(await testId('objective-status').textContent()).toContain(chosen.rule.fr);
    const chart = testId('objective-chart');
    expect(await chart.locator('.obj-observed').count()).toBe(1);
    expect(await chart.locator('.obj-target').count()).toBe(1);
    expect(await chart.locator('.obj-deadline').count()).toBe(1);
    expect(await chart.locator('svg title').textContent()).toMatch(/\(données fictives\)$/);
    if (chosen.projection.slope_per_year !== null) expect(await chart.locator('.obj-projection').count()).toBe(1);
    const placed = chosen.left_behind.schools.filter((s) => s.display_lon !== null && s.display_lat !== null).length;
    await expect.poll(() => testId('territory-map').locator('circle').count(), { timeout: 15_000 }).toBe(placed);
    expect(await testId('territory-map').locator('path').count()).toBe(1);
    expect(await page.locator('main').textContent()).toMatch(/exemple fictif/);
    expect(await testId('page-sources').textContent()).toMatch(/Source\u00a0: .*données fictives.*Base construite le .*Page du /s);
    await shot('detail');
    expect(pageErrors).toEqual([]);
  });

  it('prints the report as one A4 page', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.obj-head .pp-actions').isVisible()).toBe(false);
    await shot('print');
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(RESULTS_DIR, `objectives-${chosen.id}.pdf`), pdf);
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('prints every objective on one page, long lists cut with a pointer to the CSV', async () => {
    const list = await api<ObjectivesResponse>('/api/objectives');
    for (const o of list.objectives) {
      await page.goto(`${server?.url}/objectifs/${o.id}`);
      await expect.poll(() => page.locator('h1.obj-title').textContent(), { timeout: 30_000 }).toBe(o.title.fr);
      await testId('territory-map').waitFor({ timeout: 15_000 });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect([o.id, pdfPageCount(pdf)]).toEqual([o.id, 1]);
      if (o.schools_below > 20) {
        writeFileSync(path.join(RESULTS_DIR, `objectives-${o.id}.pdf`), pdf);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('[data-testid="left-behind-schools"] tbody tr:visible').count()).toBe(20);
        expect(await page.locator('[data-testid="left-behind-schools"] .print-only').textContent()).toMatch(new RegExp(`et ${o.schools_below - 20} autres établissements`));
        await page.emulateMedia({ media: null });
      }
    }
  }, 120_000);

  it('opens the follow-up report of one partner from the list, lists its objectives as the API does, and prints 1 cover + 1 page each', async () => {
    const all = await api<ObjectivesResponse>('/api/objectives');
    // the partner with the most objectives (several pages)
    const byPartner = new Map<string, number>();
    for (const o of all.objectives) byPartner.set(o.partner.id, (byPartner.get(o.partner.id) ?? 0) + 1);
    const partner = [...byPartner].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    const mine = await api<ObjectivesResponse>(`/api/objectives?partner=${partner}`);
    expect(mine.count).toBeGreaterThanOrEqual(2);
    expect(mine.objectives.every((o) => o.partner.id === partner)).toBe(true);

    await page.goto(`${server?.url}/objectifs`);
    const link = page.locator(`[data-report-partner="${partner}"]`).first();
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toBe(`/objectifs/rapport?partenaire=${partner}`);
    for (const c of new Set(all.objectives.map((o) => o.convention.id))) expect(await page.locator(`[data-report-convention="${c}"]`).getAttribute('href')).toBe(`/objectifs/rapport?convention=${c}`);
    expect(await testId('examples-banner').textContent()).toMatch(/exemple fictif/);
    await link.click();
    await page.waitForURL(`**/objectifs/rapport?partenaire=${partner}`);

    const sheets = testId('report-sheet');
    await expect.poll(() => sheets.count(), { timeout: 30_000 }).toBe(mine.count);
    const ids = mine.objectives.map((o) => o.id);
    expect(await sheets.evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')))).toEqual(ids);
    const contents = testId('report-contents').locator('tbody tr');
    expect(await contents.evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')))).toEqual(ids);
    expect(await contents.locator('.obj-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(mine.objectives.map((o) => o.status));
    expect(await page.locator('h1.obj-title').textContent()).toContain(mine.objectives[0]?.partner.name ?? '?');
    const cover = await testId('report-cover').textContent();
    expect(cover).toMatch(/Date du rapport/);
    expect(cover).toMatch(/données fictives/);
    expect(cover).toMatch(/exemple fictif/);
    for (const s of mine.objectives.flatMap((o) => o.sources)) expect(cover).toContain(`${s.title}, ${s.vintage}`);

    for (const o of mine.objectives) {
      const detail = await api<ObjectiveDetail>(`/api/objectives/${o.id}`);
      const sheet = page.locator(`[data-testid="report-sheet"][data-objective="${o.id}"]`);
      await sheet.locator('[data-testid="territory-map"]').waitFor({ timeout: 15_000 });
      expect(await sheet.locator('h2.obj-title').textContent()).toBe(o.title.fr);
      expect(await sheet.locator('.obj-badge').first().getAttribute('data-status')).toBe(o.status);
      expect(await sheet.textContent()).toContain(detail.rule.fr);
      // the top 10 schools below the bar in the API's order, then the count of the rest and the full CSV
      const top = detail.left_behind.schools.slice(0, 10).map((s) => s.uai);
      expect(await sheet.locator('[data-testid="left-behind-schools"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uai')))).toEqual(top);
      const rest = sheet.locator('[data-testid="left-behind-rest"]');
      if (detail.left_behind.schools.length > 10) {
        expect(await rest.textContent()).toMatch(new RegExp(`et ${(detail.left_behind.schools.length - 10).toLocaleString('fr-FR').replace(/\s/g, '\\s')} autres établissements`));
        expect(await rest.locator('a').getAttribute('href')).toBe(`${server?.url}/api/objectives/${o.id}/left-behind.csv`);
      } else expect(await rest.count()).toBe(0);
      // value per year against the target, as in the API
      const years = sheet.locator('[data-testid="objective-years"] td[data-year]');
      expect(await years.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-year'))))).toEqual(detail.series.filter((s) => s.year >= detail.baseline_year || s.value !== null).map((s) => s.year));
    }
    await shot('report');
    await page.emulateMedia({ media: 'print' });
    await shot('report-print');
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(RESULTS_DIR, `objectives-report-${partner}.pdf`), pdf);
    expect(pdfPageCount(pdf)).toBe(1 + mine.count);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('prints the full report (every objective) as 1 cover + 1 page per objective; an unknown partner shows the API’s error', async () => {
    const all = await api<ObjectivesResponse>('/api/objectives');
    await page.goto(`${server?.url}/objectifs/rapport`);
    await expect.poll(() => testId('report-sheet').count(), { timeout: 60_000 }).toBe(all.count);
    await expect.poll(() => testId('territory-map').count(), { timeout: 30_000 }).toBe(all.count);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(RESULTS_DIR, 'objectives-report-all.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBe(1 + all.count);

    await page.goto(`${server?.url}/objectifs/rapport?partenaire=departement-99`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toMatch(/no partner "departement-99"/);
    expect(await testId('report-sheet').count()).toBe(0);
  }, 120_000);
});
