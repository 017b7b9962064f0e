/**
 * Raw class thresholds, one function per classification method. Each takes the finite values
 * sorted ascending and returns ascending thresholds: the lower bounds of classes 1..k-1 (a value
 * equal to a threshold belongs to the upper class). Rounding to readable numbers is a separate
 * step (nice.ts). Pure, no DOM.
 */
import { ckmeansStarts } from './ckmeans.ts';

/** Lower bound index: number of values strictly below `x` in `sorted`. */
export function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mean and population standard deviation. */
export function meanSd(sorted: readonly number[]): { mean: number; sd: number } {
  const n = sorted.length;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const variance = sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Quantiles: classes of (nearly) equal counts. Thresholds are data values, so every class holds
 * at least one value; a run of ties never straddles two classes (fewer classes then come out).
 */
export function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const previous = out.at(-1) ?? (sorted[0] as number);
    let t = sorted[Math.min(n - 1, Math.ceil((i * n) / k))] as number;
    if (t <= previous) t = sorted[countAtMost(sorted, previous)] ?? previous;
    if (t > previous) out.push(t);
  }
  return out;
}

/** Upper bound index: number of values less than or equal to `x` in `sorted`. */
export function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Equal intervals: k classes of the same width between min and max. */
export function equalBreaks(sorted: readonly number[], k: number): number[] {
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  if (max === min) return [];
  return Array.from({ length: k - 1 }, (_, i) => min + ((i + 1) * (max - min)) / k);
}

/**
 * Natural breaks: optimal within-class variance (Ckmeans, the exact form of Jenks's method).
 * Thresholds are the first value of each cluster after the first.
 */
export function jenksBreaks(sorted: readonly number[], k: number): number[] {
  const starts = ckmeansStarts(sorted, k);
  const out: number[] = [];
  for (const s of starts.slice(1)) {
    const t = sorted[s] as number;
    if (t > (out.at(-1) ?? (sorted[0] as number))) out.push(t);
  }
  return out;
}

/**
 * Mean ± standard deviation, classes one standard deviation wide. With an odd k the middle class
 * is centred on the mean (mean ± σ/2); with an even k the mean is a threshold. Thresholds outside
 * the data are dropped (no empty classes at the ends), so fewer classes may come out.
 */
export function stddevBreaks(sorted: readonly number[], k: number): number[] {
  const { mean, sd } = meanSd(sorted);
  if (sd === 0) return [];
  const offsets = Array.from({ length: k - 1 }, (_, i) => i - (k - 2) / 2);
  return inside(sorted, offsets.map((o) => mean + o * sd));
}

/**
 * Geometric progression: thresholds min·r^i with r = (max/min)^(1/k), for skewed positive
 * values. Returns null when min ≤ 0 (no geometric progression can start there).
 */
export function geometricBreaks(sorted: readonly number[], k: number): number[] | null {
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  if (!(min > 0)) return null;
  if (max === min) return [];
  const r = (max / min) ** (1 / k);
  return Array.from({ length: k - 1 }, (_, i) => min * r ** (i + 1));
}

/**
 * Head/tail breaks (Jiang 2013, "Head/tail breaks: a new classification scheme for data with a
 * heavy-tailed distribution", The Professional Geographer 65(3)): split at the mean, keep the
 * head (values above the mean) and split it again while the head is under 40 % of what was split,
 * up to k classes. `heavyTailed` is false when even the first head is 40 % or more.
 */
export function headTailBreaks(sorted: readonly number[], k: number): { breaks: number[]; heavyTailed: boolean } {
  const breaks: number[] = [];
  let part = sorted;
  let heavyTailed = true;
  while (breaks.length < k - 1 && part.length > 1) {
    const mean = part.reduce((s, v) => s + v, 0) / part.length;
    const head = part.filter((v) => v > mean);
    if (head.length === 0) break;
    const share = head.length / part.length;
    if (breaks.length === 0) heavyTailed = share < 0.4;
    else if (share >= 0.4) break;
    breaks.push(mean);
    part = head;
  }
  return { breaks, heavyTailed };
}

/** Keeps thresholds strictly above min and at most max, so no end class is empty. */
function inside(sorted: readonly number[], thresholds: number[]): number[] {
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  return thresholds.filter((t) => t > min && t <= max);
}
