/**
 * The embed section of `npm run bench`, pure parts: which JavaScript files a built page loads
 * (its module script, modulepreloads and their static imports, never the dynamic ones), and the
 * rows checked against the targets (chart embed < 150 kB of JS gzipped, no MapLibre;
 * map embed ready < 2 s in headless Chromium).
 */
import { bytesHuman, millis, num, type ResultRow } from './table.ts';
import { median } from './map/rows.ts';

export const EMBED_TARGET = { chartJsGzip: 150_000, mapReadyMs: 2000 } as const;

/** `/assets/x.js` paths a built HTML page loads at once (module script and modulepreloads). */
export function htmlScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]*\ssrc="([^"]+\.js)"/g)) out.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*\shref="([^"]+\.js)"/g)) out.add(m[1] as string);
  return [...out];
}

/** Static imports of a chunk (`import … from "./x.js"`, `import "./x.js"`), relative names. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) out.add(m[1] as string);
  return [...out];
}

/** Everything a page loads before it runs: the closure of its scripts' static imports. */
export function jsClosure(entry: readonly string[], read: (file: string) => string): string[] {
  const seen = new Set<string>();
  const queue = entry.map((s) => s.replace(/^\/assets\//, ''));
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of staticImports(read(file))) queue.push(dep.replace(/^\.\//, ''));
  }
  return [...seen];
}

/** What was measured for one embed page. */
export interface EmbedMeasure {
  label: string;
  /** gzipped bytes of the JS the built page loads, and how many files */
  jsGzip: number;
  jsFiles: number;
  /** whether any of those files contains MapLibre */
  maplibre: boolean;
  /** navigation → ready in headless Chromium, per run */
  readyMs: number[];
  /** JS bytes transferred in the browser (first run) */
  jsTransferred: number;
  /** requests for MapLibre in the browser */
  maplibreRequests: number;
}

/** Rows of the chart embed and the map embed, with the targets. */
export function embedRows(chart: EmbedMeasure, map: EmbedMeasure): ResultRow[] {
  const rows: ResultRow[] = [];
  const chartReady = median(chart.readyMs);
  const mapReady = median(map.readyMs);
  rows.push(
    { benchmark: chart.label, measure: `JS loaded, gzipped (${chart.jsFiles} files, dist/web)`, value: bytesHuman(chart.jsGzip), target: `< ${EMBED_TARGET.chartJsGzip / 1000} kB`, ok: chart.jsGzip < EMBED_TARGET.chartJsGzip },
    { benchmark: chart.label, measure: 'MapLibre in the JS loaded / requested', value: `${chart.maplibre ? 'yes' : 'no'} / ${num(chart.maplibreRequests)}`, target: 'no / 0', ok: !chart.maplibre && chart.maplibreRequests === 0 },
    { benchmark: chart.label, measure: 'JS transferred (Chromium, gzip)', value: bytesHuman(chart.jsTransferred) },
    { benchmark: chart.label, measure: `navigation → ready (median of ${chart.readyMs.length})`, value: millis(chartReady) },
    { benchmark: map.label, measure: `JS loaded, gzipped (${map.jsFiles} files, dist/web)`, value: bytesHuman(map.jsGzip) },
    { benchmark: map.label, measure: 'JS transferred (Chromium, gzip)', value: bytesHuman(map.jsTransferred) },
    { benchmark: map.label, measure: `navigation → ready (median of ${map.readyMs.length})`, value: millis(mapReady), target: `< ${EMBED_TARGET.mapReadyMs / 1000} s`, ok: mapReady < EMBED_TARGET.mapReadyMs },
  );
  return rows;
}
