/**
 * The rows of the map benchmark, pure: medians of the runs of the app and of each naive
 * baseline, checked against the targets (ready < 2 s, ≤ 2 MB, re-colour < 200 ms,
 * ≥ 5× faster to ready than the baseline, one ratio per baseline).
 */
import { percentileSorted } from '../stats.ts';
import { bytesHuman, millis, num, type ResultRow } from '../table.ts';
import type { Load } from './browser.ts';

export const TARGET = { readyMs: 2000, bytes: 2e6, recolourMs: 200, speedup: 5 } as const;

/** Median of values (NaN when empty). */
export function median(values: readonly number[]): number {
  return percentileSorted(Float64Array.from(values).sort(), 50);
}

/** What one page gave over its runs. */
export interface PageRuns {
  label: string;
  runs: Load[];
  /** how many of the first switches fetched new values (the rest were cached in the page) */
  fresh: number;
}

function summary(p: PageRuns) {
  const fresh = p.runs.flatMap((r) => r.switches.slice(0, p.fresh));
  const cached = p.runs.flatMap((r) => r.switches.slice(p.fresh));
  return {
    ready: median(p.runs.map((r) => r.readyMs)),
    interactive: median(p.runs.map((r) => r.interactiveMs)),
    bytes: median(p.runs.map((r) => r.bytes)),
    bytesAtReady: median(p.runs.map((r) => r.bytesAtReady)),
    requests: median(p.runs.map((r) => r.requests)),
    fresh: median(fresh),
    cached: median(cached),
    n: p.runs.length,
  };
}

/** The part of a baseline's label in parentheses (`map baseline (x)` → `x`), else the label. */
const detail = (label: string) => /\((.*)\)$/.exec(label)?.[1] ?? label;

/** Rows for the app (with targets), each baseline, and the speed-up over each baseline. */
export function mapRows(app: PageRuns, baselines: readonly PageRuns[]): ResultRow[] {
  const a = summary(app);
  const rows: ResultRow[] = [
    { benchmark: app.label, measure: `navigation → ready (median of ${a.n})`, value: millis(a.ready), target: `< ${TARGET.readyMs / 1000} s`, ok: a.ready < TARGET.readyMs },
    { benchmark: app.label, measure: `navigation → interactive (MapLibre took over, median of ${a.n})`, value: millis(a.interactive) },
    { benchmark: app.label, measure: 'bytes transferred (page load)', value: bytesHuman(a.bytes), target: `≤ ${TARGET.bytes / 1e6} MB`, ok: a.bytes <= TARGET.bytes },
    { benchmark: app.label, measure: 'bytes transferred until ready', value: bytesHuman(a.bytesAtReady) },
    { benchmark: app.label, measure: 'requests (page load)', value: num(a.requests) },
    { benchmark: app.label, measure: 'indicator switch → ready (new values)', value: millis(a.fresh), target: `< ${TARGET.recolourMs} ms`, ok: a.fresh < TARGET.recolourMs },
    { benchmark: app.label, measure: 'indicator switch → ready (values cached)', value: millis(a.cached) },
  ];
  const ratios: ResultRow[] = [];
  for (const baseline of baselines) {
    const b = summary(baseline);
    rows.push(
      { benchmark: baseline.label, measure: `navigation → ready (median of ${b.n})`, value: millis(b.ready) },
      { benchmark: baseline.label, measure: 'bytes transferred (page load)', value: bytesHuman(b.bytes) },
      { benchmark: baseline.label, measure: 'indicator switch → ready (new GeoJSON)', value: millis(b.fresh) },
    );
    const speedup = b.ready / a.ready;
    ratios.push({
      benchmark: app.label,
      measure: `baseline ready / app ready (${detail(baseline.label)})`,
      value: Number.isFinite(speedup) ? `${num(speedup, 1)}×` : 'n/a',
      target: `≥ ${TARGET.speedup}×`,
      ok: speedup >= TARGET.speedup,
    });
    // not a target: the baseline is interactive when ready, the app after its first frame
    const interactive = b.interactive / a.interactive;
    ratios.push({
      benchmark: app.label,
      measure: `baseline interactive / app interactive (${detail(baseline.label)})`,
      value: Number.isFinite(interactive) ? `${num(interactive, 1)}×` : 'n/a',
    });
  }
  return [...rows, ...ratios];
}
