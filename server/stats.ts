/**
 * Class-ready summary statistics of a list of values (for legends and classification on the
 * client): count, missing, min, max, mean, median, standard deviation and deciles.
 */

export interface Summary {
  count: number;
  missing: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  stddev: number | null;
  /** values at 0 %, 10 %, …, 100 % (linear interpolation, as d3.quantile) */
  deciles: number[];
}

function quantileSorted(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (i - lo);
}

/** Summarises the non-null values of `values`. */
export function summarize(values: readonly (number | null)[]): Summary {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = present.length;
  if (n === 0) return { count: 0, missing: values.length, min: null, max: null, mean: null, median: null, stddev: null, deciles: [] };
  let sum = 0;
  for (const v of present) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of present) ss += (v - mean) ** 2;
  return {
    count: n,
    missing: values.length - n,
    min: present[0] ?? null,
    max: present[n - 1] ?? null,
    mean,
    median: quantileSorted(present, 0.5),
    stddev: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    deciles: Array.from({ length: 11 }, (_, k) => quantileSorted(present, k / 10)),
  };
}
