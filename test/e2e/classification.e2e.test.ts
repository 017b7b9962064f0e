/**
 * Browser test of classification and legend (issue #4) against the real server: switching
 * methods, classes and palettes from the controls changes the legend, the map colours and the
 * URL; manual breaks are validated; a shared URL with manual breaks or a diverging palette
 * restores the same legend. Screenshots: test-results/classification-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { classColors } from '../../web/map/palette.ts';
import { closeSession, openSession, RESULTS_DIR, type RunningServer } from './harness.ts';
import { countCanvasColours } from './mapPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `classification-${name}.png`) });
const legendMethod = () => page.locator('[data-testid="legend-method"]').textContent();
const legendRows = () => page.locator('[data-testid="legend-class"]').count();
const rangeTexts = () => page.locator('[data-testid="legend-class"] .legend-range').allTextContents();
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const ready = () => page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });

/** Opens the "Classes et couleurs" disclosure if it is closed. */
async function openClassification(): Promise<void> {
  const details = page.locator('[data-testid="classification-controls"]');
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession({ width: 1440, height: 1000 }, pageErrors));
});

afterAll(() => closeSession(browser, server));

describe('classification and legend', () => {
  it('starts with quantiles in 5 classes, a histogram and the no-data row', async () => {
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2022`);
    await ready();
    await expect.poll(legendMethod).toContain('Quantiles, 5 classes');
    expect(await legendRows()).toBe(5);
    expect(await page.locator('[data-testid="histogram"] title').textContent()).toBe('Répartition des valeurs');
    expect(await page.locator('[data-testid="legend-meaning"]').textContent()).toBe('Plus foncé = situation plus favorable');
    expect(await page.locator('[data-testid="legend-nodata"]').textContent()).toMatch(/Pas de donnée/);
  });

  it('switches to natural breaks in 7 classes and viridis from the controls, into the URL and the map', async () => {
    await openClassification();
    await page.selectOption('#method-select', 'jenks');
    await expect.poll(legendMethod).toContain('Seuils naturels (Jenks)');
    await page.selectOption('#classes-select', '7');
    await expect.poll(legendMethod).toContain('7 classes');
    expect(await legendRows()).toBe(7);
    await page.locator('.palette-picker summary').click();
    await page.locator('[data-testid="palette-Viridis"]').check();
    await expect.poll(() => param('palette')).toBe('Viridis');
    expect(param('method')).toBe('jenks');
    expect(param('classes')).toBe('7');
    await ready();
    const viridis = classColors(7, 'higher_is_better', { palette: 'Viridis' });
    const swatch = await page.locator('[data-testid="legend-class"] .swatch').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(viridis[0]!.slice(i, i + 2), 16));
    expect(swatch).toBe(`rgb(${r}, ${g}, ${b})`);
    const counts = await countCanvasColours(page, viridis);
    expect(counts.filter((n) => n > 100).length, `pixels per class colour: ${counts.join(', ')}`).toBeGreaterThanOrEqual(4);
    await page.locator('.palette-picker summary').click();
    await shot('jenks7-viridis');
  });

  it('moves through palettes with the arrow keys', async () => {
    await page.locator('.palette-picker summary').click();
    await page.locator('[data-testid="palette-Viridis"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param('palette')).toBe('Cividis');
    await page.locator('.palette-picker summary').click();
  });

  it('shows mean and standard deviation for the stddev method', async () => {
    await page.selectOption('#method-select', 'stddev');
    await expect.poll(legendMethod).toMatch(/Moyenne et écart type.*Moyenne [\d,]+, écart type [\d,]+/);
    expect(param('method')).toBe('stddev');
  });

  it('validates manual breaks, starting from the thresholds on screen', async () => {
    await page.selectOption('#method-select', 'manual');
    await expect.poll(() => param('method')).toBe('manual');
    const input = page.locator('#breaks-input');
    expect(await input.inputValue()).toMatch(/^[\d.]+(, [\d.]+)+$/);
    await input.fill('95, abc, 110');
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-testid="breaks-error"]').textContent()).toBe('« abc » n’est pas un nombre.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('110, 95, 100, 105');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => param('breaks')).toBe('95,100,105,110');
    await expect.poll(rangeTexts).toEqual(['73,4 – 95', '95 – 100', '100 – 105', '105 – 110', '110 – 125,7']);
    expect(await page.locator('[data-testid="breaks-error"]').count()).toBe(0);
    await ready();
    await shot('manual');
  });

  it('restores manual breaks from a shared URL', async () => {
    await page.goto(`${server?.url}/?indicator=ips&level=departement&year=2022&method=manual&breaks=90,100,110`);
    await ready();
    await expect.poll(rangeTexts).toEqual(['73,4 – 90', '90 – 100', '100 – 110', '110 – 125,7']);
    expect(await legendMethod()).toContain('Bornes manuelles, 4 classes');
    expect(await page.locator('[data-testid="classification-controls"]').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#breaks-input').inputValue()).toBe('90, 100, 110');
  });

  it('centres a diverging palette on France’s value (ratio of sums) from a shared URL', async () => {
    const res = await fetch(`${server?.url}/api/map?indicator=thd_share&level=departement&year=2024`);
    const body = (await res.json()) as { values: { num: number | null; den: number | null }[] };
    const num = body.values.reduce((s, v) => s + (v.num ?? 0), 0);
    const den = body.values.reduce((s, v) => s + (v.den ?? 0), 0);
    const france = ((100 * num) / den).toFixed(1).replace('.', ',');
    await page.goto(`${server?.url}/?indicator=thd_share&level=departement&year=2024&palette=RdBu&center=national`);
    await ready();
    await expect.poll(() => page.locator('[data-testid="legend-reference"]').textContent()).toContain(`la France : ${france}`);
    expect(await page.locator('[data-testid="legend-meaning"]').textContent()).toBe('Bleu = plus favorable que la France, rouge = moins favorable');
    expect(await page.locator('#center-select').inputValue()).toBe('national');
    expect(await page.locator('[data-testid="histogram"] .histogram-reference').count()).toBe(1);
    await shot('diverging-national');
  });

  it('uses head/tail breaks on a heavy-tailed count, and says when geometric progression cannot apply', async () => {
    await page.goto(`${server?.url}/?indicator=population&level=departement&method=headtail&classes=9`);
    await ready();
    await expect.poll(legendMethod).toMatch(/Head\/tail breaks, \d classes/);
    // some départements had no FttH premises in 2018 (0 %): no geometric progression starts at 0
    await page.goto(`${server?.url}/?indicator=ftth_share&level=departement&method=geometric`);
    await ready();
    await expect.poll(legendMethod).toContain('Intervalles égaux, 5 classes');
    expect(await page.locator('.legend-note').textContent()).toContain('Progression géométrique impossible');
    expect(await page.locator('#method-select').inputValue()).toBe('geometric');
  });

  it('shows the indicator’s card and the synthetic badge in the picker', async () => {
    await page.selectOption('#indicator-select', 'thd_share');
    await expect.poll(() => page.locator('[data-testid="picker-badge"]').textContent()).toContain('Données fictives');
    const option = await page.locator('#indicator-select option[value="thd_share"]').textContent();
    expect(option).toContain('Données fictives');
    const card = (await page.locator('[data-testid="indicator-card"]').textContent()) ?? '';
    expect(card).toMatch(/Connectivité.*Unité\s*:\s*%.*Millésime\s*:\s*rentrées 2019 à 2025/);
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
