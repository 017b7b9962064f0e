/**
 * Rounds class thresholds to readable numbers: for each threshold, the most readable step of the
 * 1 – 2 – 2,5 – 5 × 10ⁿ ladder (relative to the range of the values) that has a multiple close
 * enough to it. "Close enough" is 10 % of the narrower neighbouring class; for methods that only
 * define a partition of the territories (quantiles, natural breaks), anywhere between the last
 * value of the lower class and the first of the upper one is also fine (same classes).
 * Guarantees: thresholds stay strictly increasing and inside the data range, and rounding never
 * empties a class that held values. Pure, no DOM.
 */
import { countBelow } from './methods.ts';

/** 'partition': only which values fall in which class matters; 'value': the thresholds themselves. */
export type RoundMode = 'partition' | 'value';

/** Share of the narrower neighbouring class a threshold may move when rounded. */
const TOLERANCE = 0.1;

/**
 * Steps 5, 2.5, 2, 1 × 10ⁿ from about the range down to range / 10⁶, most readable first: fewer
 * decimals first (so 3 beats 2.5 on a range of 10), then coarser.
 */
export function stepLadder(range: number): number[] {
  const top = Math.floor(Math.log10(range));
  const steps: number[] = [];
  for (let e = top; e >= top - 6; e--) for (const m of [5, 2.5, 2, 1]) steps.push(clean(m * 10 ** e));
  return steps.sort((x, y) => decimalsOf(x) - decimalsOf(y) || y - x);
}

/** Removes floating-point noise (0.30000000000000004 → 0.3). */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** Number of decimals needed to write `x` (at most 6). */
export function decimalsOf(x: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(clean(x) - Number(x.toFixed(d))) < 1e-9 * Math.max(1, Math.abs(x))) return d;
  return 6;
}

/** Number of values in [lo, hi) (-Infinity / Infinity for open ends). */
function countIn(sorted: readonly number[], lo: number, hi: number): number {
  return countBelow(sorted, hi) - countBelow(sorted, lo);
}

/** Readable thresholds for `raw` (ascending) over `sorted` values (ascending, finite). */
export function roundBreaks(raw: readonly number[], sorted: readonly number[], mode: RoundMode): number[] {
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined || max <= min) return [...raw];
  const ladder = stepLadder(max - min);
  const out: number[] = [];
  raw.forEach((t, i) => {
    const prevRaw = raw[i - 1] ?? min;
    const nextRaw = raw[i + 1] ?? max;
    const lower = out[i - 1] ?? -Infinity;
    const below = countIn(sorted, lower, t) > 0; // the class below holds values: keep it so
    const above = countIn(sorted, t, raw[i + 1] ?? Infinity) > 0;
    const tol = TOLERANCE * Math.min(t - prevRaw, nextRaw - t);
    const at = countBelow(sorted, t);
    const a = sorted[at - 1] ?? -Infinity; // last value below t
    const b = sorted[at] ?? Infinity; // first value at or above t
    const ok = (r: number) =>
      r > (out[i - 1] ?? min) &&
      (i + 1 < raw.length ? r < nextRaw : r <= max) &&
      (!below || countIn(sorted, lower, r) > 0) &&
      (!above || countIn(sorted, r, raw[i + 1] ?? Infinity) > 0);
    let chosen = t;
    for (const s of ladder) {
      const candidates = [clean(Math.round(t / s) * s)].filter((r) => Math.abs(r - t) <= tol);
      if (mode === 'partition') {
        const r = clean(Math.floor(b / s) * s);
        if (r > a) candidates.push(r);
      }
      const best = candidates.filter(ok).sort((x, y) => Math.abs(x - t) - Math.abs(y - t))[0];
      if (best !== undefined) {
        chosen = best;
        break;
      }
    }
    out.push(chosen);
  });
  return out;
}
