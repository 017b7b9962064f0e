/**
 * Small pure statistics for the benchmark: percentiles of latency samples (sub-millisecond,
 * where autocannon's own histogram rounds to whole milliseconds) and relative growth.
 */

/** Percentile `p` (0–100) of already sorted ascending values, nearest-rank; NaN when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** p50 and p99 of unsorted samples (the input is not modified). */
export function latencySummary(samples: readonly number[]): { p50: number; p99: number; count: number } {
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentileSorted(sorted, 50), p99: percentileSorted(sorted, 99), count: sorted.length };
}

/** Relative growth from `from` to `to` (0.1 = +10 %); NaN when `from` is not positive. */
export function growth(from: number, to: number): number {
  return from > 0 ? (to - from) / from : Number.NaN;
}
