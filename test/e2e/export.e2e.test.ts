/**
 * Browser test of the image and data exports (issue #6) against the real server: the map
 * explorer's "Exporter" menu saves the view (communes of the Cantal, a demo indicator) as PNG 1×,
 * PNG 2× and SVG, named after the view; the export code is fetched only on click; the SVG parses
 * (DOMParser), is made of <path> elements (no embedded bitmap) and carries the title, the legend
 * classes, the sources and the "Données fictives" mention; the PNGs decode to images of the
 * figure's size (and twice it), whose legend swatches have the legend's colours (pixel check) and
 * whose map area is coloured; the data links download files with the same name. A profile chart
 * exports as SVG (its own paths, legend, demo mention) and PNG. School points and LISA outlines
 * shown on the map are in the export too.
 * Files: test-results/export-*.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EquityResponse } from '../../web/api/equity.ts';
import { LISA_COLORS } from '../../web/map/layers.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 900 }, errors));
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(() => closeSession(browser, server));

/** Clicks a format in an export menu and saves the download under test-results/. */
async function download(menu: Locator, format: string): Promise<{ name: string; file: string; body: Buffer }> {
  await menu.locator('summary').click();
  await page.screenshot({ path: path.join(RESULTS_DIR, `export-menu-${await menu.getAttribute('data-testid')}.png`) });
  const [dl] = (await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menu.locator(`[data-format="${format}"]`).click()])) as [Download, unknown];
  const name = dl.suggestedFilename();
  const file = path.join(RESULTS_DIR, `export-${name}`);
  await dl.saveAs(file);
  return { name, file, body: readFileSync(file) };
}

interface Swatch {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

/** Parses an SVG in the page: parse errors, counts, text, legend swatches. */
function inspectSvg(svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      paths: doc.querySelectorAll('path').length,
      images: doc.querySelectorAll('image, foreignObject').length,
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '').join('\n'),
      swatches: [...doc.querySelectorAll('rect.legend-swatch')].map((r) => ({
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        w: Number(r.getAttribute('width')),
        h: Number(r.getAttribute('height')),
        fill: r.getAttribute('fill') ?? '',
      })),
      body: (() => {
        const g = doc.querySelector('g.figure-body');
        const m = /translate\(([\d.]+),([\d.]+)\)/.exec(g?.getAttribute('transform') ?? '');
        const s = g?.querySelector('svg');
        return { x: Number(m?.[1]), y: Number(m?.[2]), w: Number(s?.getAttribute('width')), h: Number(s?.getAttribute('height')) };
      })(),
    };
  }, svg);
}

/** Decodes a PNG in the page: size, the colour at each point, and the distinct colours in a box. */
function inspectPng(png: Buffer, points: { x: number; y: number }[], box: { x: number; y: number; w: number; h: number }) {
  return page.evaluate(
    async ({ b64, points, box }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const at = (x: number, y: number) => Array.from(ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3));
      const data = ctx.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.w), Math.round(box.h)).data;
      const colours = new Set<string>();
      let nonWhite = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        colours.add(`${(data[i] as number) >> 3},${(data[i + 1] as number) >> 3},${(data[i + 2] as number) >> 3}`);
        if ((data[i] as number) < 240 || (data[i + 1] as number) < 240 || (data[i + 2] as number) < 240) nonWhite++;
      }
      return { width: bitmap.width, height: bitmap.height, samples: points.map((p) => at(p.x, p.y)), colours: colours.size, nonWhite };
    },
    { b64: png.toString('base64'), points, box },
  );
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] as number)) <= 6);

describe('map export', () => {
  const VIEW = '/?indicator=thd_share&level=commune&within=departement:15&year=2024';
  let svg: Awaited<ReturnType<typeof inspectSvg>>;

  it('loads the export code only on click, and saves an SVG of paths with the title, legend, sources and demo mention', async () => {
    await page.goto(`${server?.url}${VIEW}`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 90_000 });
    expect(requests.filter((u) => /exportMap|exportChart|\/output-/.test(u))).toEqual([]);
    const legend = await page.locator('[data-testid="legend-class"] .legend-range').allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    const out = await download(page.locator('[data-testid="map-export"]'), 'svg');
    expect(out.name).toBe('copaneeta_communes-cantal_thd_share_2024.svg');
    expect(requests.some((u) => /exportMap/.test(u))).toBe(true);
    svg = await inspectSvg(out.body.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.images).toBe(0);
    // the Cantal has 246 communes (and neighbours drawn in grey)
    expect(svg.paths).toBeGreaterThan(246);
    for (const label of legend) expect(svg.text).toContain(label);
    expect(svg.text).toContain('Écoles en très haut débit');
    expect(svg.text).toContain('Cantal');
    expect(svg.text).toMatch(/Données fictives/);
    expect(svg.text).toMatch(/Source/);
    expect(svg.text).toMatch(/Exporté le/);
    expect(svg.swatches.length).toBe(legend.length + 1);
    const onScreen = await page.locator('[data-testid="legend-class"] .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(svg.swatches.slice(0, -1).map((s) => `rgb(${rgb(s.fill).join(', ')})`)).toEqual(onScreen);
  });

  it.each([
    ['png', 1, 'copaneeta_communes-cantal_thd_share_2024.png'],
    ['png2', 2, 'copaneeta_communes-cantal_thd_share_2024_2x.png'],
  ])('saves a %s whose legend swatches show the legend colours', async (format, scale, name) => {
    const out = await download(page.locator('[data-testid="map-export"]'), format);
    expect(out.name).toBe(name);
    expect(out.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const points = svg.swatches.map((s: Swatch) => ({ x: (s.x + s.w / 2) * scale, y: (s.y + s.h / 2) * scale }));
    const b = svg.body;
    const png = await inspectPng(out.body, points, { x: b.x * scale, y: b.y * scale, w: b.w * scale, h: b.h * scale });
    expect([png.width, png.height]).toEqual([Math.round(svg.width * scale), Math.round(svg.height * scale)]);
    png.samples.forEach((c, i) => expect(close(c, rgb(svg.swatches[i]?.fill as string)), `swatch ${i}: ${c.join(',')} vs ${svg.swatches[i]?.fill}`).toBe(true));
    // the map is drawn: many colours and mostly non-white pixels in its box
    expect(png.colours).toBeGreaterThan(5);
    expect(png.nonWhite).toBeGreaterThan(1000);
  });

  it('draws the school points when they are shown, with their key', async () => {
    await page.goto(`${server?.url}${VIEW}&schools=1`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 90_000 });
    const out = await download(page.locator('[data-testid="map-export"]'), 'svg');
    const text = out.body.toString('utf8');
    const circles = await page.evaluate((t) => new DOMParser().parseFromString(t, 'image/svg+xml').querySelectorAll('g.schools circle').length, text);
    expect(circles).toBeGreaterThan(100);
    expect(text).toContain('fill-opacity="0.45"');
    expect(text).toContain('>position exacte<');
    expect(text).toContain('>centre de la commune<');
    writeFileSync(path.join(RESULTS_DIR, 'export-with-schools.svg'), text);
  });

  it('outlines the LISA clusters when they are shown, with their key and counts', async () => {
    // the communes of the académie of Clermont-Ferrand by IPS: low-low is the underserved cluster
    const api = (await (await fetch(`${server?.url}/api/equity?indicator=ips&year=2022&within=academie:06&by=commune`)).json()) as EquityResponse;
    const counts = api.spatial.lisa?.counts;
    if (!counts) throw new Error('no LISA counts for the académie');
    await page.goto(`${server?.url}/?indicator=ips&level=commune&within=academie:06&year=2022&lisa=1`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 90_000 });
    const out = await download(page.locator('[data-testid="map-export"]'), 'svg');
    const text = out.body.toString('utf8');
    const drawn = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { under: doc.querySelectorAll('g.lisa path[data-lisa="under"]').length, well: doc.querySelectorAll('g.lisa path[data-lisa="well"]').length };
    }, text);
    expect(drawn.under).toBe(counts['low-low']);
    expect(drawn.well).toBe(counts['high-high']);
    expect(drawn.under).toBeGreaterThan(10);
    expect(text).toContain(`stroke="${LISA_COLORS.under}"`);
    expect(text).toContain(`>Zones blanches (${counts['low-low']})<`);
    expect(text).toContain(`>Agrégats favorables (${counts['high-high']})<`);
    writeFileSync(path.join(RESULTS_DIR, 'export-with-lisa.svg'), text);
  });

  it('the data links download the view named the same way', async () => {
    await page.goto(`${server?.url}${VIEW}`);
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 90_000 });
    const href = await page.locator('[data-testid="map-export"] [data-format="csv"]').getAttribute('href');
    const res = await fetch(`${server?.url}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="copaneeta_communes-cantal_thd_share_2024.csv"');
    expect(await res.text()).toMatch(/données fictives/);
  });
});

describe('chart export', () => {
  it('a profile series chart exports as SVG (its paths, legend, demo mention) and PNG', async () => {
    await page.goto(`${server?.url}/territoire/departement/15?year=2024&indicator=thd_share`);
    const menu = page.locator('[data-testid="series"] [data-testid="chart-export"]').first();
    await menu.waitFor({ timeout: 60_000 });
    const out = await download(menu, 'svg');
    expect(out.name).toBe('copaneeta_serie-cantal_thd_share.svg');
    const svg = await inspectSvg(out.body.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.images).toBe(0);
    expect(svg.paths).toBeGreaterThanOrEqual(3);
    expect(svg.text).toContain('Cantal');
    expect(svg.text).toMatch(/académie de Clermont-Ferrand/);
    expect(svg.text).toMatch(/Données fictives/);
    expect(svg.text).toMatch(/2019/);
    const png = await download(menu, 'png2');
    expect(png.name).toBe('copaneeta_serie-cantal_thd_share_2x.png');
    const decoded = await inspectPng(png.body, [], { x: 0, y: 0, w: svg.width * 2, h: svg.height * 2 });
    expect([decoded.width, decoded.height]).toEqual([svg.width * 2, svg.height * 2]);
    expect(decoded.colours).toBeGreaterThan(4);
    writeFileSync(path.join(RESULTS_DIR, 'export-last-errors.txt'), errors.join('\n'));
    expect(errors).toEqual([]);
  });
});
