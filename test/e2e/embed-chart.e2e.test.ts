/**
 * Browser test of the chart embeds (issue #6) against the real server: every chart kind of the
 * dashboard opens chromeless at `/embed/chart?…` with its title, chart, source line, the
 * "Données fictives" badge for demo data and a link to its full page, and loads no MapLibre
 * script (network requests checked); the "Intégrer" button of a profile chart gives a snippet that
 * an article on another origin pastes, and the iframe follows its content at 360 px and 1200 px;
 * an npm oEmbed consumer turns a pasted profile URL into working embed HTML.
 * Screenshots: test-results/embed-chart-*.png.
 */
import path from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, RESULTS_DIR, seriousViolations, startArticle, startServer, type ArticleServer, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let article: ArticleServer | undefined;
let articleUrl = '';
let articleBody = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  article = await startArticle(() => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Article</title>
<style>body{font-family:Georgia,serif;margin:0 auto;max-width:760px;padding:12px}</style></head>
<body><h1>Le numérique éducatif dans le Cantal</h1><p>Avant le graphique.</p>${articleBody}<p>Après le graphique.</p></body></html>`);
  articleUrl = article.url;
});

afterAll(async () => {
  await browser?.close();
  await article?.close();
  await server?.stop();
});

const base = () => {
  if (!server) throw new Error('server not started');
  return server.url;
};

async function newPage(width: number, errors: string[] = []): Promise<{ page: Page; requests: string[] }> {
  if (!browser) throw new Error('browser not started');
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests };
}

async function chartFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/embed/chart'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('no chart embed frame');
}

describe('chart embeds', () => {
  it.each([
    ['series', '?chart=series&level=departement&code=15&indicator=thd_share', /très haut débit/, true, '/territoire/departement/15?indicator=thd_share'],
    ['distribution', '?chart=distribution&level=departement&code=15&indicator=ips&year=2022', /IPS/, false, '/territoire/departement/15?year=2022&indicator=ips'],
    ['theil', '?chart=theil&level=departement&code=15&indicator=thd_share&year=2024', /Theil/, true, '/territoire/departement/15?year=2024&indicator=thd_share'],
    ['compare', '?chart=compare&territories=departement:03,departement:15&indicator=fibre_share&year=2024', /fibre/i, true, '/comparer?territories=departement:03,departement:15&indicators=fibre_share&year=2024'],
  ])('%s: title, chart, sources, demo mention, full-view link, no MapLibre', async (kind, query, title, synthetic, full) => {
    const errors: string[] = [];
    const { page, requests } = await newPage(720, errors);
    await page.goto(`${base()}/embed/chart${query}`);
    await page.waitForSelector('#embed-chart[data-state="ready"]', { timeout: 60_000 });
    await page.waitForSelector('#embed-chart svg.chart-svg');
    expect(await page.textContent('#embed-title')).toMatch(title);
    expect(await page.textContent('[data-testid="sources"]')).toMatch(/Source/);
    const badge = await page.textContent('[data-testid="provenance-badge"]');
    if (synthetic) {
      expect(badge).toContain('Données fictives');
      expect(await page.textContent('[data-testid="embed-notice"]')).toMatch(/simulées/);
    } else expect(badge).not.toContain('Données fictives');
    expect(await page.getAttribute('.embed-link', 'href')).toBe(full);
    // the chart's description is its text alternative
    expect((await page.textContent('#embed-chart svg.chart-svg desc'))?.length).toBeGreaterThan(10);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => /maplibre|Legend-/i.test(u))).toEqual([]);
    expect(requests.filter((u) => /\/(tiles|geo)\//.test(u))).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, `embed-chart-${kind}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('objective: the example and demo mentions, an author description replaces the generated one', async () => {
    const { objectives } = (await (await fetch(`${base()}/api/objectives`)).json()) as { objectives: { id: string }[] };
    const id = objectives[0]?.id as string;
    const { page, requests } = await newPage(900);
    await page.goto(`${base()}/embed/chart?chart=objective&id=${id}&alt=${encodeURIComponent('Mon texte alternatif.')}`);
    await page.waitForSelector('#embed-chart[data-state="ready"]', { timeout: 60_000 });
    expect(await page.textContent('.embed-head')).toContain('exemple fictif');
    expect(await page.textContent('#embed-chart svg.chart-svg desc')).toBe('Mon texte alternatif.');
    expect(await page.getAttribute('.embed-link', 'href')).toBe(`/objectifs/${id}`);
    expect(requests.filter((u) => /maplibre/i.test(u))).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'embed-chart-objective.png'), fullPage: true });
    await page.close();
  });

  it('an incomplete link says so instead of failing silently', async () => {
    const { page } = await newPage(600);
    await page.goto(`${base()}/embed/chart?chart=series`);
    await page.waitForSelector('#embed-chart[data-state="error"]');
    expect(await page.textContent('#embed-chart')).toMatch(/incomplet/);
    await page.close();
  });

  let snippet = '';
  it('the "Intégrer" button of a profile chart gives a chart snippet', async () => {
    const { page } = await newPage(1280);
    await page.goto(`${base()}/territoire/departement/15?year=2024&indicator=thd_share`);
    const actions = page.locator('[data-testid="series"] [data-testid="chart-actions"]').first();
    await actions.waitFor({ timeout: 60_000 });
    await actions.locator('[data-testid="embed-button"]').click();
    const dialog = page.locator('[data-testid="embed-dialog"][open]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="embed-alt-input"]').inputValue()).toMatch(/\d/);
    snippet = await dialog.locator('[data-testid="embed-snippet"]').inputValue();
    expect(snippet).toMatch(/<iframe src="[^"]+\/embed\/chart\?chart=series&amp;level=departement&amp;code=15&amp;indicator=thd_share" title="[^"]+" aria-label="[^"]+"/);
    expect(snippet).toContain(`<script async src="${base()}/embed.js"></script>`);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'embed-chart-dialog.png') });
    await page.close();
  });

  it.each([360, 1200])('an article embedding the chart snippet resizes it at %i px', async (width) => {
    articleBody = snippet;
    const errors: string[] = [];
    const { page, requests } = await newPage(width, errors);
    await page.goto(articleUrl);
    const frame = await chartFrame(page);
    await frame.waitForSelector('#embed-chart[data-state="ready"]', { timeout: 60_000 });
    let heights = { iframe: 0, content: -100 };
    for (let i = 0; i < 100 && Math.abs(heights.iframe - heights.content) > 4; i++) {
      await page.waitForTimeout(100);
      heights = {
        iframe: await page.$eval('iframe[data-copaneeta-embed]', (el) => el.getBoundingClientRect().height),
        content: await frame.$eval('#root', (el) => el.getBoundingClientRect().height),
      };
    }
    expect(Math.abs(heights.iframe - heights.content), JSON.stringify(heights)).toBeLessThanOrEqual(4);
    expect(heights.iframe).not.toBe(480);
    // the chart fits the frame's width (no horizontal overflow)
    const overflow = await frame.$eval('#embed-chart', (el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(requests.filter((u) => /maplibre/i.test(u))).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, `embed-chart-article-${width}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an npm oEmbed consumer gets working HTML for a pasted profile URL', async () => {
    const data = await extract(`${base()}/territoire/departement/15?year=2024&indicator=fibre_share`);
    expect(data).toMatchObject({ type: 'rich', version: '1.0' });
    const html = String(data.html);
    expect(html).toMatch(/^<iframe src="[^"]+\/embed\/chart\?chart=series&amp;level=departement&amp;code=15&amp;indicator=fibre_share" title="[^"]+" aria-label="[^"]+"[^>]*><\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/);
    articleBody = html;
    const { page } = await newPage(600);
    await page.goto(articleUrl);
    const frame = await chartFrame(page);
    await frame.waitForSelector('#embed-chart[data-state="ready"]', { timeout: 60_000 });
    expect(await frame.textContent('#embed-title')).toMatch(/fibre/i);
    await page.close();
  });
});
