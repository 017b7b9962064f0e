/**
 * Browser test of the embeds (issue #6) against the real server: the "Intégrer" dialog gives a
 * snippet; an article page on another origin (a tiny static server on another loopback port)
 * pastes it, and at 360 px and 1200 px the iframe's height follows its content (resize script)
 * while the map inside reaches data-state=ready; a non-embed page framed by the article is
 * refused; an npm oEmbed consumer turns a pasted dashboard URL into valid embed HTML.
 * Screenshots: test-results/embed-*.png.
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
/** the article's body, set by the tests (the snippet pasted by a journalist) */
let articleBody = '';

const VIEW = '?indicator=ips&level=departement&year=2022';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  article = await startArticle(() => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Article</title>
<style>body{font-family:Georgia,serif;margin:0 auto;max-width:760px;padding:12px}p{line-height:1.5}</style></head>
<body><h1>Le numérique éducatif en Auvergne</h1><p>Un paragraphe d’article avant la carte.</p>${articleBody}<p id="after">Un paragraphe après la carte.</p></body></html>`);
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

async function newPage(width: number): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  return browser.newPage({ viewport: { width, height: 1200 } });
}

/** The frame showing `/embed/map`. */
async function embedFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/embed/map'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('no embed frame');
}

/** Waits until the iframe's height equals its content's height (±4 px); returns both. */
async function settledHeights(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
  let last = { iframe: 0, content: -100 };
  for (let i = 0; i < 100; i++) {
    const iframe = await page.$eval('iframe[data-copaneeta-embed]', (el) => el.getBoundingClientRect().height);
    const content = await frame.$eval('#root', (el) => el.getBoundingClientRect().height);
    last = { iframe, content };
    if (Math.abs(iframe - content) <= 4) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

describe('embeds', () => {
  let snippet = '';

  it('the "Intégrer" dialog gives a snippet with title, aria-label, the edited description and the script', async () => {
    const page = await newPage(1200);
    await page.goto(`${base()}/${VIEW}`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    await page.click('[data-testid="embed-button"]');
    await page.waitForSelector('[data-testid="embed-dialog"][open]');
    const generated = await page.inputValue('[data-testid="embed-alt-input"]');
    expect(generated).toMatch(/^Carte des départements/);
    await page.fill('[data-testid="embed-alt-input"]', 'Carte de l’IPS par département en 2022 : Paris en tête.');
    snippet = await page.inputValue('[data-testid="embed-snippet"]');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'embed-dialog.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(snippet).toMatch(/<iframe src="[^"]+\/embed\/map\?[^"]*alt=[^"]+" title="[^"]+" aria-label="[^"]+"/);
    expect(snippet).toContain(`<script async src="${base()}/embed.js"></script>`);
    await page.close();
  });

  it.each([360, 1200])('an article on another origin embeds the snippet and resizes it at %i px', async (width) => {
    articleBody = snippet;
    const page = await newPage(width);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(articleUrl);
    const frame = await embedFrame(page);
    await frame.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    const { iframe, content } = await settledHeights(page, frame);
    expect(Math.abs(iframe - content), `iframe ${iframe} px, content ${content} px`).toBeLessThanOrEqual(4);
    expect(iframe).not.toBe(640); // the script changed the fixed height of the snippet
    // the chromeless page: title, badge, legend, sources, link, author's description
    expect(await frame.textContent('#embed-title')).toContain('IPS');
    expect(await frame.$('[data-testid="legend"]')).not.toBeNull();
    expect(await frame.textContent('[data-testid="sources"]')).toMatch(/DEPP/);
    const link = new URL((await frame.getAttribute('.embed-link', 'href')) ?? '', base());
    expect([link.pathname, link.searchParams.get('indicator'), link.searchParams.get('level'), link.searchParams.get('alt')]).toEqual(['/', 'ips', 'departement', null]);
    expect(await frame.textContent('#embed-alt')).toBe('Carte de l’IPS par département en 2022 : Paris en tête.');
    expect(await frame.$('.app-header')).toBeNull();
    await page.screenshot({ path: path.join(RESULTS_DIR, `embed-article-${width}.png`), fullPage: true });
    await page.locator('iframe[data-copaneeta-embed]').screenshot({ path: path.join(RESULTS_DIR, `embed-frame-${width}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a synthetic indicator embed carries "Données fictives"', async () => {
    const page = await newPage(800);
    const start = Date.now();
    await page.goto(`${base()}/embed/map?indicator=recent_devices_share&level=departement`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    // reported, not asserted: software WebGL on 2 shared cores is far slower than a reader's device
    console.log(`[embed] map embed ready in ${Date.now() - start} ms (SwiftShader)`);
    expect(await page.textContent('[data-testid="provenance-badge"]')).toContain('Données fictives');
    expect(await page.getAttribute('#map canvas', 'aria-label')).toMatch(/^Carte des départements/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'embed-synthetic.png'), fullPage: true });
    await page.close();
  });

  it('framing a non-embed page is refused', async () => {
    articleBody = `<iframe id="refused" src="${base()}/${VIEW}" title="dashboard" width="600" height="300"></iframe>`;
    const page = await newPage(1200);
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(articleUrl);
    await page.waitForTimeout(1_500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const root = frame ? await frame.$('#root').catch(() => null) : null;
    expect(root).toBeNull();
    expect(console.join('\n')).toMatch(/frame-ancestors|Refused to (display|frame)/);
    const res = await fetch(`${base()}/${VIEW}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    await page.close();
  });

  it('an npm oEmbed consumer gets valid HTML for a pasted dashboard URL', async () => {
    const data = await extract(`${base()}/${VIEW}`);
    expect(data).toMatchObject({ type: 'rich', version: '1.0' });
    const html = String(data.html);
    expect(html).toMatch(/^<iframe src="[^"]+\/embed\/map\?indicator=ips&amp;level=departement&amp;year=2022" title="[^"]+" aria-label="[^"]+"[^>]*><\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/);
    // the HTML works when pasted: the embed it points to loads and renders
    articleBody = html;
    const page = await newPage(600);
    await page.goto(articleUrl);
    const frame = await embedFrame(page);
    await frame.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    await page.close();
  });
});
