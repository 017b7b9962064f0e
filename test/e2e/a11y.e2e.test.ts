/**
 * Automated accessibility audit (axe-core, WCAG 2.0/2.1 A and AA rules plus best practices)
 * of three states of the page against the real server: the default map, a selected territory
 * (side panel open) and the search listbox open. Serious and critical violations fail the
 * test; every finding is written to test-results/a11y-<state>.json for review.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, ROOT, startServer, type RunningServer } from './harness.ts';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;

/** Runs axe on the page; writes every finding to a file and returns them. */
async function audit(name: string): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: AXE });
  // A string, not a function: the page has no access to this module's helpers.
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } })
    .then((r) => {
      const brief = (list) => list.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')) }));
      return { violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.length };
    })`)) as { violations: Finding[]; incomplete: Finding[]; passes: number };
  // violations fail below; "incomplete" are what axe could not decide (text over the map canvas): kept for review
  writeFileSync(path.join(RESULTS_DIR, `a11y-${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  expect(result.passes).toBeGreaterThan(20);
  return result.violations;
}

const serious = (findings: Finding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // the app's CSP (default-src 'self') would block the injected axe script
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility (axe-core)', () => {
  it('the default page has no serious or critical violation', async () => {
    await page.goto(`${server?.url}/`);
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    await page.locator('#territory-grid tbody tr[aria-rowindex]').first().waitFor();
    expect(serious(await audit('default'))).toEqual([]);
  });

  it('a selected territory (side panel open) has none', async () => {
    await page.goto(`${server?.url}/?indicator=thd_share&level=commune&year=2024&within=departement:15&selected=commune:15187`);
    await page.locator('[data-testid="territory-figure"]').first().waitFor({ timeout: 30_000 });
    await page.locator('#territory-grid tr[aria-selected="true"]').waitFor();
    await page.waitForSelector('#map[data-state="ready"][data-interactive="true"]', { timeout: 60_000 });
    expect(serious(await audit('selected'))).toEqual([]);
  });

  it('the search listbox open has none', async () => {
    await page.focus('#search-input');
    await page.keyboard.type('clermont', { delay: 20 });
    await page.locator('[role="listbox"][data-query="clermont"] [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('true');
    expect(serious(await audit('search'))).toEqual([]);
  });

  it('the table focused with the keyboard has none', async () => {
    await page.keyboard.press('Escape');
    await page.locator('#territory-grid').focus();
    await page.keyboard.press('ArrowDown');
    expect(serious(await audit('table-focus'))).toEqual([]);
  });
});
