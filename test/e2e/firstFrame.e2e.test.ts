/**
 * Browser test of the map's first frame (web/map/overview/firstFrame.ts) against the real server
 * and warehouse: on the opening view of all France's communes, the map turns ready from the 2D
 * first frame, before MapLibre has drawn (every class colour, the départements' borders, the
 * overseas insets' frames); MapLibre then takes over with the same picture (pixels compared) and
 * the map turns interactive. A view the overview alone cannot draw (another level) opens with
 * MapLibre directly. The opening view renders once, with its data (web/boot/firstView.ts).
 * Screenshot: test-results/first-frame.png.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BORDER_COLOR } from '../../web/map/overview/overviewColors.ts';
import { classColors } from '../../web/map/palette.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { canvasPixels } from './mapPage.ts';

/** The inset frames' and labels' colours (.inset-frame, .inset-label): in the first frame, DOM over MapLibre's canvas. */
const INSET_FRAME = '#7b8794';
const INSET_LABEL = '#4a5563';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

/** What the page saw when #map first turned ready (recorded in the page, before any later task). */
interface AtReady {
  interactive: string | null;
  /** the first frame's canvas size, or null when there was none */
  size: [number, number] | null;
  png: string | null;
}

// Runs in the page before its scripts. When #map first turns ready: the observer's callback runs
// right after that commit, so MapLibre (started only after the next paint) cannot have drawn
// yet; the first frame's pixels then (window.__readyPixels). When the first frame is removed,
// MapLibre having drawn: its last picture (a detached canvas keeps its pixels) and MapLibre's
// canvas at that same moment (window.__lastFrame, window.__maplibre), whatever the page's layout
// does later.
const RECORD = `(() => {
  const pixels = (canvas) => canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  new MutationObserver((mutations) => {
    const map = document.getElementById('map');
    // what the page holds when the map first appears: the legend's classes
    if (map && !window.__atFirstMap) window.__atFirstMap = { legendClasses: document.querySelectorAll('[data-testid="legend-class"]').length };
    if (map && !window.__atReady && map.getAttribute('data-state') === 'ready') {
      const canvas = map.querySelector('canvas.map-first-frame');
      window.__readyPixels = canvas ? pixels(canvas).data : null;
      window.__atReady = {
        interactive: map.getAttribute('data-interactive'),
        size: canvas ? [canvas.width, canvas.height] : null,
        png: canvas ? canvas.toDataURL('image/png') : null,
      };
      // #grow: the map gets taller right then, as when the page's layout settles late
      if (location.hash === '#grow') map.style.minHeight = (map.clientHeight + 160) + 'px';
    }
    for (const m of mutations) {
      for (const node of m.removedNodes) {
        if (node.nodeName !== 'CANVAS' || !node.classList.contains('map-first-frame')) continue;
        window.__lastFrame = pixels(node);
        window.__maplibre = ${canvasPixels('#map .maplibregl-canvas')};
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
})()`;

/**
 * Counts, in the page, the pixels near each colour (within 3 per channel) of the first frame when
 * ready, of its last picture and of MapLibre's canvas at the hand-over, and the pixels equal (same
 * tolerance) in those two.
 */
function pixelsInPage(colours: readonly string[]) {
  const rgb = colours.map((c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)));
  return page.evaluate(`(() => {
    const palette = ${JSON.stringify(rgb)};
    const last = window.__lastFrame;
    const after = window.__maplibre;
    const count = (data) => palette.map(([r, g, b]) => {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) <= 3 && Math.abs(data[i + 1] - g) <= 3 && Math.abs(data[i + 2] - b) <= 3) n++;
      return n;
    });
    let same = 0;
    for (let i = 0; i < last.data.length; i += 4) {
      if ([0, 1, 2].every((c) => Math.abs(last.data[i + c] - after.data[i + c]) <= 3)) same++;
    }
    return {
      ready: count(window.__readyPixels),
      last: count(last.data),
      after: count(after.data),
      same,
      total: last.data.length / 4,
      sizes: [[last.width, last.height], [after.width, after.height]],
    };
  })()`) as Promise<{ ready: number[]; last: number[]; after: number[]; same: number; total: number; sizes: [[number, number], [number, number]] }>;
}

async function openAndRecord(url: string): Promise<AtReady> {
  await page.goto(url);
  await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __atReady: AtReady }).__atReady);
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1280, height: 800 }, pageErrors));
  await page.addInitScript(RECORD);
});

afterAll(() => closeSession(browser, server));

describe('first frame', () => {
  it('turns the opening view of all France’s communes ready before MapLibre, which then takes over with the same picture', async () => {
    const atReady = await openAndRecord(`${server?.url}/?level=commune&indicator=ips&year=2022`);
    expect(atReady.interactive, 'interactive when ready').toBeNull();
    expect(atReady.size, 'a first frame when ready').not.toBeNull();
    if (atReady.png) await writeFile(path.join(RESULTS_DIR, 'first-frame.png'), Buffer.from(atReady.png.split(',')[1] ?? '', 'base64'));

    const px = await pixelsInPage([...classColors(5, 'higher_is_better'), BORDER_COLOR, INSET_FRAME, INSET_LABEL]);
    const classes = px.ready.slice(0, 5);
    expect(classes.filter((n) => n > 500).length, `pixels per class colour: ${classes.join(', ')}`).toBe(5);
    expect(px.ready[5], 'départements’ border pixels').toBeGreaterThan(1000);
    expect(px.ready[6], 'inset frame pixels').toBeGreaterThan(200);

    // At the hand-over, MapLibre's canvas and the first frame's last picture (redrawn if the map's
    // size changed meanwhile) have the same size and, pixel for pixel, the same picture but the
    // inset frames and labels (DOM over MapLibre's canvas). A few rows or border pixels differ:
    // where a pixel's centre falls within a thousandth of a pixel of a raster pixel's edge, the
    // GPU's 32-bit floats and the page's 64-bit ones may pick different sides (measured: 98.6 %
    // equal at the opening zoom, where raster and screen pixels coincide). Each class keeps its
    // share of the map.
    expect(px.sizes[1]).toEqual(px.sizes[0]);
    // drawn once the panels around the map were in: at the size MapLibre finds
    expect(px.sizes[0]).toEqual(atReady.size);
    const comparable = px.total - (px.last[6] ?? 0) - (px.last[7] ?? 0);
    expect(px.same / comparable, `${px.same} of ${px.total} pixels equal`).toBeGreaterThan(0.97);
    px.last.slice(0, 5).forEach((n, k) => expect(Math.abs((px.after[k] ?? 0) - n) / n, `class ${k + 1}: ${n} then ${px.after[k]} pixels`).toBeLessThan(0.05));
    expect(await page.locator('#map canvas.map-first-frame').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'first-frame-handover.png') });
  });

  it('renders the opening view once, with its data: the map appears with its legend', async () => {
    await openAndRecord(`${server?.url}/?level=commune&indicator=ips&year=2022`);
    // the first view's data was in the query cache before the first render (web/boot/firstView.ts):
    // no empty page first, then a second render and layout of the whole page with the data
    const first = await page.evaluate(() => (window as unknown as { __atFirstMap: { legendClasses: number } }).__atFirstMap);
    expect(first.legendClasses).toBe(5);
  });

  it('draws the first frame again, refitted, when the map changes size before MapLibre takes over', async () => {
    const atReady = await openAndRecord(`${server?.url}/?level=commune&indicator=ips&year=2022#grow`);
    expect(atReady.interactive).toBeNull();
    const px = await pixelsInPage([INSET_FRAME, INSET_LABEL]);
    // the last first frame and MapLibre's canvas: the new size, the same picture (but the insets' frames)
    expect(px.sizes[0][1]).toBeGreaterThan((atReady.size?.[1] ?? 0) + 100);
    expect(px.sizes[1]).toEqual(px.sizes[0]);
    const comparable = px.total - (px.last[0] ?? 0) - (px.last[1] ?? 0);
    expect(px.same / comparable, `${px.same} of ${px.total} pixels equal`).toBeGreaterThan(0.97);
  });

  it('opens with MapLibre itself where the overview alone cannot draw the view', async () => {
    const atReady = await openAndRecord(`${server?.url}/?level=departement&indicator=ips&year=2022`);
    expect(atReady.size).toBeNull();
    expect(atReady.interactive).toBe('true');
    expect(pageErrors).toEqual([]);
  });
});
