/**
 * Class breaks for the choropleth: quantile classes (equal counts) computed from the values
 * themselves. Pure: no DOM, no d3, so the legend and the map share one tested definition.
 *
 * Thresholds are lower bounds of classes 1..k-1 and are always data values, so every class
 * holds at least one value; ties never straddle two classes. With fewer distinct values than
 * `k`, fewer classes come out (never empty ones).
 */

export interface ClassBin {
  /** smallest value in the class */
  min: number;
  /** largest value in the class */
  max: number;
  /** number of territories in the class */
  count: number;
}

export interface Classification {
  /** ascending lower bounds of classes 1..n-1: value v is in class `classIndex(thresholds, v)` */
  thresholds: number[];
  /** classes in ascending order of value */
  bins: ClassBin[];
  /** territories without a value (null, undefined, NaN) */
  noData: number;
}

/** Default number of classes on the map. */
export const CLASS_COUNT = 5;

/** True for a value that can be classified. */
export function hasValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Index of the class of `value`: the number of thresholds that are <= value. */
export function classIndex(thresholds: readonly number[], value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((thresholds[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quantile classification of `values` into at most `k` non-empty classes. */
export function classify(values: readonly (number | null | undefined)[], k = CLASS_COUNT): Classification {
  const sorted = values.filter(hasValue).sort((a, b) => a - b);
  const noData = values.length - sorted.length;
  const n = sorted.length;
  if (n === 0) return { thresholds: [], bins: [], noData };

  const thresholds: number[] = [];
  for (let i = 1; i < k; i++) {
    const previous = thresholds.at(-1) ?? (sorted[0] as number);
    let t = sorted[Math.min(n - 1, Math.ceil((i * n) / k))] as number;
    // a run of equal values swallowed this break: start the class at the next distinct value
    if (t <= previous) t = sorted[classIndex(sorted, previous)] ?? previous;
    if (t > previous) thresholds.push(t);
  }

  const bins: ClassBin[] = Array.from({ length: thresholds.length + 1 }, () => ({
    min: Infinity,
    max: -Infinity,
    count: 0,
  }));
  for (const v of sorted) {
    const bin = bins[classIndex(thresholds, v)] as ClassBin;
    bin.min = Math.min(bin.min, v);
    bin.max = Math.max(bin.max, v);
    bin.count += 1;
  }
  return { thresholds, bins, noData };
}
