/**
 * Class breaks for the choropleth, shared by the map and the legend: quantiles (default), equal
 * intervals, natural breaks (Ckmeans), mean ± standard deviation, geometric progression, head/tail
 * breaks, or manual breaks. Computed thresholds are rounded to readable numbers (breaks/nice.ts);
 * manual ones are kept as typed. Pure: no DOM.
 *
 * Thresholds are lower bounds of classes 1..k-1: a value equal to a threshold is in the upper
 * class. The first class starts at the smallest value and the last ends at the largest, so no
 * value is ever outside. Computed methods never give empty classes at the ends; manual breaks may
 * (the user asked for them), and so may equal intervals in a gap of the data.
 */
import type { Method } from '../state/url.ts';
import {
  equalBreaks,
  geometricBreaks,
  headTailBreaks,
  jenksBreaks,
  meanSd,
  quantileBreaks,
  stddevBreaks,
} from './breaks/methods.ts';
import { roundBreaks } from './breaks/nice.ts';

export interface ClassBin {
  /** smallest value in the class (the lower bound when the class is empty) */
  min: number;
  /** largest value in the class (the upper bound when the class is empty) */
  max: number;
  /** number of territories in the class */
  count: number;
  /** class bounds: the previous threshold (or the smallest value) and the next (or the largest) */
  lower: number;
  upper: number;
}

/** Why the method shown differs from the one asked for, or what to know about the result. */
export type ClassNote = 'geometricNonPositive' | 'notHeavyTailed' | 'fewValues';

export interface Classification {
  /** ascending lower bounds of classes 1..n-1: value v is in class `classIndex(thresholds, v)` */
  thresholds: number[];
  /** classes in ascending order of value */
  bins: ClassBin[];
  /** territories without a value (null, undefined, NaN) */
  noData: number;
  /** the method actually used (geometric falls back to equal intervals on values ≤ 0) */
  method: Method;
  notes: ClassNote[];
  /** mean and standard deviation of the values (the stddev legend shows them) */
  mean: number | null;
  sd: number | null;
}

export interface ClassifyOptions {
  method?: Method;
  /** number of classes asked for (3..9); methods may give fewer */
  classes?: number;
  /** thresholds for the manual method */
  breaks?: readonly number[];
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

/** Thresholds of `method` before rounding, with notes. */
function rawBreaks(sorted: number[], method: Method, k: number, manual: readonly number[]) {
  const notes: ClassNote[] = [];
  switch (method) {
    case 'manual':
      return { method, breaks: [...manual], notes };
    case 'equal':
      return { method, breaks: equalBreaks(sorted, k), notes };
    case 'jenks':
      return { method, breaks: jenksBreaks(sorted, k), notes };
    case 'stddev':
      return { method, breaks: stddevBreaks(sorted, k), notes };
    case 'geometric': {
      const breaks = geometricBreaks(sorted, k);
      if (breaks) return { method, breaks, notes };
      return { method: 'equal' as const, breaks: equalBreaks(sorted, k), notes: ['geometricNonPositive' as const] };
    }
    case 'headtail': {
      const { breaks, heavyTailed } = headTailBreaks(sorted, k);
      return { method, breaks, notes: heavyTailed ? notes : ['notHeavyTailed' as const] };
    }
    case 'quantile':
      return { method, breaks: quantileBreaks(sorted, k), notes };
  }
}

/**
 * Classifies `values` (null, undefined and NaN count as no data). A number as second argument
 * is the number of quantile classes (the original signature).
 */
export function classify(values: readonly (number | null | undefined)[], options: number | ClassifyOptions = {}): Classification {
  const opts = typeof options === 'number' ? { classes: options } : options;
  const requested = opts.method ?? 'quantile';
  const k = opts.classes ?? CLASS_COUNT;
  // a typed array sorts numbers natively, several times faster than a comparator on ~35,000 values
  const sorted = Array.from(Float64Array.from(values.filter(hasValue)).sort());
  const noData = values.length - sorted.length;
  if (sorted.length === 0) return { thresholds: [], bins: [], noData, method: requested, notes: [], mean: null, sd: null };

  const raw = rawBreaks(sorted, requested, k, opts.breaks ?? []);
  const rounded = raw.method === 'manual' ? raw.breaks : roundBreaks(raw.breaks, sorted, raw.method === 'quantile' || raw.method === 'jenks' ? 'partition' : 'value');
  const thresholds = rounded.filter((t, i) => i === 0 || t > (rounded[i - 1] as number));
  const notes = [...raw.notes];
  // stddev and head/tail give fewer classes by design; the others only with few distinct values
  const exact = raw.method === 'quantile' || raw.method === 'jenks' || raw.method === 'equal' || raw.method === 'geometric';
  if (exact && thresholds.length + 1 < k) notes.push('fewValues');

  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  const bins: ClassBin[] = Array.from({ length: thresholds.length + 1 }, (_, i) => ({
    min: Infinity,
    max: -Infinity,
    count: 0,
    lower: i === 0 ? min : (thresholds[i - 1] as number),
    upper: i === thresholds.length ? max : (thresholds[i] as number),
  }));
  for (const v of sorted) {
    const bin = bins[classIndex(thresholds, v)] as ClassBin;
    bin.min = Math.min(bin.min, v);
    bin.max = Math.max(bin.max, v);
    bin.count += 1;
  }
  for (const bin of bins) {
    if (bin.count === 0) {
      bin.min = bin.lower;
      bin.max = bin.upper;
    }
  }
  const { mean, sd } = meanSd(sorted);
  return { thresholds, bins, noData, method: raw.method, notes, mean, sd };
}
