/**
 * Snapshot tests of the legend histogram (Observable Plot's habit): each case is a named function
 * rendering SVG markup; numbers are rounded and ids renumbered before comparing with
 * test/snapshots/<name>.svg. On a mismatch the new markup is written beside it as
 * <name>-changed.svg. Snapshots are only (re)written with UPDATE=1, never in CI.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { classify } from '../map/classify.ts';
import { classColors } from '../map/palette.ts';
import { centrePosition } from '../map/diverging.ts';
import { Histogram } from './Histogram.tsx';

const SNAPSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'snapshots');

/** Rounds decimals, renumbers ids, one element per line. */
export function normalise(svg: string): string {
  const bases = [...new Set([...svg.matchAll(/id="([^"]+)-(?:title|desc)"/g)].map((m) => m[1] as string))];
  let out = svg;
  bases.forEach((base, i) => (out = out.split(base).join(`h${i}`)));
  out = out.replace(/(-?\d+\.\d+)/g, (n) => String(Math.round(Number(n) * 10) / 10));
  return `${out.replace(/></g, '>\n<')}\n`;
}

function compare(name: string, element: ReactElement): void {
  const actual = normalise(renderToStaticMarkup(element));
  const file = path.join(SNAPSHOTS, `${name}.svg`);
  const changed = path.join(SNAPSHOTS, `${name}-changed.svg`);
  if (process.env.UPDATE === '1' && !process.env.CI) {
    writeFileSync(file, actual);
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

/** 101 IPS-like values, deterministic. */
const ips = Array.from({ length: 101 }, (_, i) => Math.round((103 + 9 * Math.sin(i * 1.7) + (i % 7) - 3) * 10) / 10);

function histogramQuantiles() {
  const c = classify(ips, { method: 'quantile', classes: 5 });
  return <Histogram lang="fr" values={ips} thresholds={c.thresholds} colors={classColors(5, 'higher_is_better')} decimals={1} />;
}

function histogramDiverging() {
  const c = classify(ips, { method: 'jenks', classes: 6 });
  const reference = 104.2;
  const colors = classColors(c.bins.length, 'higher_is_better', { palette: 'RdBu', centre: centrePosition(c.thresholds, reference) });
  return <Histogram lang="en" values={ips} thresholds={c.thresholds} colors={colors} decimals={1} reference={reference} />;
}

function histogramManual() {
  const c = classify(ips, { method: 'manual', breaks: [80, 100, 110, 130] });
  const colors = classColors(c.bins.length, 'higher_is_worse', { palette: 'Viridis' });
  return <Histogram lang="fr" values={ips} thresholds={c.thresholds} colors={colors} decimals={0} />;
}

/** 500 density-like values (inhabitants per km²): most small, a few very large. */
const density = Array.from({ length: 500 }, (_, i) => Math.round(5 * Math.exp(((i * 7919) % 500) / 55)) / 1);

function histogramSkewed() {
  const c = classify(density, { method: 'headtail', classes: 6 });
  return <Histogram lang="fr" values={density} thresholds={c.thresholds} colors={classColors(c.bins.length, 'neutral', { palette: 'YlOrRd' })} decimals={0} />;
}

describe('legend histogram', () => {
  it('quantiles, YlGnBu', () => compare('histogram-quantiles', histogramQuantiles()));
  it('natural breaks, RdBu centred on a reference', () => compare('histogram-diverging', histogramDiverging()));
  it('manual breaks with empty end classes, reversed viridis', () => compare('histogram-manual', histogramManual()));
  it('head/tail breaks on skewed values, on a symmetric-log axis', () => {
    compare('histogram-skewed', histogramSkewed());
    expect(renderToStaticMarkup(histogramSkewed())).toContain('échelle logarithmique');
  });

  it('is an accessible image with a title and a description of the breaks', () => {
    const svg = renderToStaticMarkup(histogramQuantiles());
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/<title id="[^"]+-title">Répartition des valeurs<\/title>/);
    expect(svg).toMatch(/<desc id="[^"]+-desc">101 territoires de [\d,]+ à [\d,]+, répartis en 5 classes\. Bornes : /);
  });

  it('draws nothing without values', () => {
    expect(renderToStaticMarkup(<Histogram lang="fr" values={[]} thresholds={[]} colors={[]} decimals={0} />)).toBe('');
  });
});
