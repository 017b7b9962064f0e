/**
 * Ckmeans: optimal 1-D k-means by dynamic programming (Wang & Song, "Ckmeans.1d.dp: Optimal
 * k-means Clustering in One Dimension by Dynamic Programming", The R Journal 3/2, 2011), with the
 * O(k·n·log n) divide-and-conquer fill of Ckmeans.1d.dp 3.4.6, following the structure of
 * simple-statistics' `ckmeans` (ISC licence, https://simplestatistics.org/docs/#ckmeans).
 * It minimises the within-class sum of squares, which is what "natural breaks (Jenks)" aims at,
 * exactly rather than by Jenks's iterative heuristic. Written here so the map has no extra
 * dependency; tested against a brute-force O(k·n²) version of the same recurrence.
 */

/** Within-cluster sum of squares of sorted[j..i], from prefix sums (shifted for stability). */
function ssq(j: number, i: number, sums: Float64Array, squares: Float64Array): number {
  const size = i - j + 1;
  const sum = (sums[i] as number) - (j > 0 ? (sums[j - 1] as number) : 0);
  const sq = (squares[i] as number) - (j > 0 ? (squares[j - 1] as number) : 0);
  const s = sq - (sum * sum) / size;
  return s < 0 ? 0 : s;
}

interface Tables {
  cost: Float64Array[]; // cost[c][i]: best withinss of sorted[0..i] in c+1 clusters
  back: Int32Array[]; // back[c][i]: index where the last of those clusters starts
  sums: Float64Array;
  squares: Float64Array;
}

/** Fills cost[c][iMin..iMax] (c ≥ 1), using that the optimal split index is monotone in i. */
function fillColumn(iMin: number, iMax: number, c: number, t: Tables): void {
  if (iMin > iMax) return;
  const { cost, back, sums, squares } = t;
  const row = cost[c] as Float64Array;
  const prev = cost[c - 1] as Float64Array;
  const brow = back[c] as Int32Array;
  const n = row.length;
  const i = (iMin + iMax) >>> 1;
  row[i] = prev[i - 1] as number;
  brow[i] = i;
  let jlow = c;
  if (iMin > c) jlow = Math.max(jlow, brow[iMin - 1] as number);
  jlow = Math.max(jlow, (back[c - 1] as Int32Array)[i] as number);
  let jhigh = i - 1;
  if (iMax < n - 1) jhigh = Math.min(jhigh, brow[iMax + 1] as number);
  for (let j = jhigh; j >= jlow; --j) {
    const sji = ssq(j, i, sums, squares);
    if (sji + (prev[jlow - 1] as number) >= (row[i] as number)) break;
    const low = ssq(jlow, i, sums, squares) + (prev[jlow - 1] as number);
    if (low < (row[i] as number)) {
      row[i] = low;
      brow[i] = jlow;
    }
    jlow++;
    const here = sji + (prev[j - 1] as number);
    if (here < (row[i] as number)) {
      row[i] = here;
      brow[i] = j;
    }
  }
  fillColumn(iMin, i - 1, c, t);
  fillColumn(i + 1, iMax, c, t);
}

/**
 * Start index of each of `k` optimal clusters of `sorted` (ascending, finite). `k` is capped at
 * the number of distinct values; the first start is always 0.
 */
export function ckmeansStarts(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const clusters = Math.min(k, distinct);
  if (clusters <= 1) return n > 0 ? [0] : [];

  const shift = sorted[n >>> 1] as number;
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  const cost = Array.from({ length: clusters }, () => new Float64Array(n));
  const back = Array.from({ length: clusters }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) {
    const x = (sorted[i] as number) - shift;
    sums[i] = (i > 0 ? (sums[i - 1] as number) : 0) + x;
    squares[i] = (i > 0 ? (squares[i - 1] as number) : 0) + x * x;
  }
  const t: Tables = { cost, back, sums, squares };
  for (let i = 0; i < n; i++) (cost[0] as Float64Array)[i] = ssq(0, i, sums, squares);
  for (let c = 1; c < clusters; c++) fillColumn(c < clusters - 1 ? c : n - 1, n - 1, c, t);

  const starts: number[] = new Array<number>(clusters).fill(0);
  let right = n - 1;
  for (let c = clusters - 1; c >= 0; c--) {
    const left = c > 0 ? ((back[c] as Int32Array)[right] as number) : 0;
    starts[c] = left;
    right = left - 1;
  }
  return starts;
}

/** The optimal clusters themselves (for tests and documentation). */
export function ckmeans(values: readonly number[], k: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const starts = ckmeansStarts(sorted, k);
  return starts.map((s, c) => sorted.slice(s, starts[c + 1] ?? sorted.length));
}
