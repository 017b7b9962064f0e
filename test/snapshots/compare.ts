/**
 * SVG snapshot comparison for chart tests (Observable Plot's habit, CONVENTIONS.md §12): the
 * chart's <svg> is taken from the rendered markup, its numbers rounded to 0.1 and its ids
 * renumbered, one element per line, then compared with test/snapshots/<name>.svg. On a mismatch
 * the new markup is written beside it as <name>-changed.svg and the test fails. Snapshots are
 * written only with UPDATE=1, and never in CI.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const SNAPSHOTS = path.dirname(fileURLToPath(import.meta.url));

/** The first <svg>…</svg> of some markup. */
export function svgOf(markup: string): string {
  const start = markup.indexOf('<svg');
  const end = markup.indexOf('</svg>', start);
  if (start === -1 || end === -1) throw new Error('no <svg> in the markup');
  return markup.slice(start, end + '</svg>'.length);
}

/** Rounds decimals to 0.1, renumbers React ids (`«r0»-title` → `c0-title`), one element per line. */
export function normaliseSvg(svg: string): string {
  const bases = [...new Set([...svg.matchAll(/id="([^"]+)-(?:title|desc)"/g)].map((m) => m[1] as string))];
  let out = svg;
  bases.forEach((base, i) => (out = out.split(base).join(`c${i}`)));
  out = out.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  return `${out.replace(/></g, '>\n<')}\n`;
}

/** Compares the chart's SVG in `markup` with the snapshot `name`. */
export function expectSvgSnapshot(name: string, markup: string): void {
  const actual = normaliseSvg(svgOf(markup));
  const file = path.join(SNAPSHOTS, `${name}.svg`);
  const changed = path.join(SNAPSHOTS, `${name}-changed.svg`);
  if (process.env.UPDATE === '1' && !process.env.CI) {
    writeFileSync(file, actual);
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (expected === actual) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  expect(expected, `${name}.svg differs (see ${name}-changed.svg; UPDATE=1 to accept)`).toBe(actual);
}
