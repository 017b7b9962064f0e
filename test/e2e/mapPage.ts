/**
 * Helpers for browser tests of the map page: wait until the map has drawn a given view
 * (`data-state="ready"`) with MapLibre (`data-interactive="true"`: the opening view may be ready
 * earlier from its first frame, web/map/overview/firstFrame.ts, which the tests that use the map
 * itself must not mistake for it), read the class colours from the legend, count canvas pixels of
 * given colours (the map keeps its drawing buffer), and read URL parameters.
 */
import type { Page } from 'playwright-core';

/** A URL query parameter of the page (null when absent). */
export const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/**
 * Waits until the URL satisfies `check` and the map is ready for it. React re-renders
 * synchronously on our navigations, so once the URL has changed `data-state` is the new view's.
 */
export async function waitForReady(page: Page, check: (url: URL) => boolean = () => true, timeout = 60_000): Promise<void> {
  await page.waitForURL((url) => check(url), { timeout });
  await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout });
}

/** The legend's class colours as `#rrggbb`, lowest class first. */
export async function legendColours(page: Page): Promise<string[]> {
  const css = await page.locator('[data-testid="legend-class"] .swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  return css.map((c) => {
    const [r = 0, g = 0, b = 0] = (c.match(/\d+/g) ?? []).map(Number);
    return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  });
}

/**
 * Page-side code (text: named helpers do not survive transpilation into the page) evaluating to
 * the ImageData of the first canvas matching `selector`, WebGL or 2D, copied through a 2D canvas.
 */
export const canvasPixels = (selector: string): string => `(() => {
  const source = document.querySelector(${JSON.stringify(selector)});
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(source, 0, 0);
  return ctx.getImageData(0, 0, copy.width, copy.height);
})()`;

/** Number of map canvas pixels within ±3 per channel of each colour (`#rrggbb`). */
export async function countCanvasColours(page: Page, colours: readonly string[]): Promise<number[]> {
  const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  return page.evaluate(`(() => {
    const palette = ${JSON.stringify(rgb)};
    const data = ${canvasPixels('#map canvas')}.data;
    const counts = palette.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      for (let k = 0; k < palette.length; k++) {
        const p = palette[k];
        if (Math.abs(data[i] - p[0]) <= 3 && Math.abs(data[i + 1] - p[1]) <= 3 && Math.abs(data[i + 2] - p[2]) <= 3) {
          counts[k] += 1;
          break;
        }
      }
    }
    return counts;
  })()`);
}

/** The centre of the map on the page, in CSS pixels. */
export async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('#map').boundingBox();
  if (!box) throw new Error('the map has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
