/**
 * Moran's I (global) and local Moran (LISA, Anselin 1995) over a CSR spatial weights graph, with
 * seeded permutation inference. Conventions (those of PySAL/esda and GeoDa unless stated):
 * - global I = (n / S0) Σᵢ zᵢ (Wz)ᵢ / Σ zᵢ², z = y − ȳ; E[I] = −1/(n − 1); analytical variances
 *   under normality and under randomisation (Cliff & Ord), as esda's `Moran`;
 * - local Iᵢ = zᵢ (Wz)ᵢ / m₂ with m₂ = Σ z² / n (Anselin 1995, eq. 12; GeoDa's scaling; esda
 *   scales by n − 1 instead of n, which changes no p-value nor cluster), so mean(Iᵢ) = I when W
 *   is row-standardised;
 * - quadrants as esda: high-high (z > 0, lag > 0), low-high, low-low, high-low, where a value or
 *   lag of exactly 0 counts as low;
 * - conditional permutation as esda's `crand`: one set of `permutations` × max-cardinality
 *   random indexes, drawn without replacement from the n − 1 other units, shared by every unit
 *   (index t stands for unit t, or t + 1 when t ≥ i, so unit i is never its own neighbour);
 * - pseudo p-values folded, (M + 1) / (R + 1) with M = min(#{sim ≥ obs}, #{sim ≤ obs}): a
 *   simulated value equal to the observed one counts on both sides (esda counts it on the upper
 *   side only; with discrete data — shares of 0 or 100 % — that side choice would make the lower
 *   tail look more significant than it is). A unit exactly at the mean has p = 1.
 * Pure: the random numbers come from the `rng` passed in.
 */
import { randomInt, shuffle, type Rng } from './random.ts';
import type { Graph } from './weights.ts';

/** Called between chunks of work so a long computation can yield to the event loop. */
export type Pause = () => Promise<void> | void;

/** Units per chunk between two pauses in the LISA loop. */
const CHUNK = 2048;

/** w_ij of a CSR graph whose rows are sorted by neighbour (binary search), 0 when absent. */
function weightAt(g: Graph, i: number, j: number): number {
  let lo = g.offsets[i] as number;
  let hi = (g.offsets[i + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = g.neighbors[mid] as number;
    if (v === j) return g.weights[mid] as number;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The weights' S0, S1 and S2 (Cliff & Ord); rows must be sorted by neighbour (as built here). */
export function weightSums(g: Graph): { s0: number; s1: number; s2: number } {
  const n = g.n;
  let s0 = 0;
  let s1 = 0;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = g.offsets[i] as number; t < (g.offsets[i + 1] as number); t++) {
      const j = g.neighbors[t] as number;
      const wij = g.weights[t] as number;
      const wji = weightAt(g, j, i);
      s0 += wij;
      s1 += (wij + wji) ** 2;
      if (wji === 0) s1 += wij * wij; // the ordered pair (j, i), stored only as (i, j)
      rowSum[i] = (rowSum[i] as number) + wij;
      colSum[j] = (colSum[j] as number) + wij;
    }
  }
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += ((rowSum[i] as number) + (colSum[i] as number)) ** 2;
  return { s0, s1: s1 / 2, s2 };
}

/** Deviations from the mean. */
export function centred(y: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i] as number;
  const m = s / y.length;
  return Float64Array.from(y, (v) => v - m);
}

/** The spatial lag Wz. */
export function spatialLag(g: Graph, z: Float64Array, out = new Float64Array(g.n)): Float64Array {
  for (let i = 0; i < g.n; i++) {
    let s = 0;
    for (let t = g.offsets[i] as number; t < (g.offsets[i + 1] as number); t++) s += (g.weights[t] as number) * (z[g.neighbors[t] as number] as number);
    out[i] = s;
  }
  return out;
}

/** Each row's common weight when all its weights are equal (row-standardised binary links), else NaN. */
function uniformRowWeights(g: Graph): Float64Array {
  const out = new Float64Array(g.n).fill(NaN);
  for (let i = 0; i < g.n; i++) {
    const a = g.offsets[i] as number;
    const b = g.offsets[i + 1] as number;
    if (a === b) continue;
    const w0 = g.weights[a] as number;
    let same = true;
    for (let t = a + 1; t < b && same; t++) same = g.weights[t] === w0;
    if (same) out[i] = w0;
  }
  return out;
}

/** z'Wz; with `rowWeight` (see uniformRowWeights) rows of equal weights skip the multiplications. */
function crossProduct(g: Graph, z: Float64Array, rowWeight?: Float64Array): number {
  const { offsets, neighbors, weights } = g;
  let num = 0;
  for (let i = 0; i < g.n; i++) {
    const a = offsets[i] as number;
    const b = offsets[i + 1] as number;
    const rw = rowWeight ? (rowWeight[i] as number) : NaN;
    let s = 0;
    if (rw === rw) {
      for (let t = a; t < b; t++) s += z[neighbors[t] as number] as number;
      s *= rw;
    } else {
      for (let t = a; t < b; t++) s += (weights[t] as number) * (z[neighbors[t] as number] as number);
    }
    num += (z[i] as number) * s;
  }
  return num;
}

/** Moran's I of `y` alone (no inference); `null` when y is constant or n < 2. */
export function moranI(y: ArrayLike<number>, g: Graph, s0 = g.weights.reduce((a, b) => a + b, 0)): number | null {
  if (g.n < 2 || !(s0 > 0)) return null;
  const z = centred(y);
  let z2 = 0;
  for (const v of z) z2 += v * v;
  if (!(z2 > 0)) return null;
  return ((g.n / s0) * crossProduct(g, z)) / z2;
}

/** Folded pseudo p-value with ties on both sides: (min(#≥, #≤) + 1) / (R + 1). */
export function foldedP(ge: number, le: number, permutations: number): number {
  return (Math.min(ge, le) + 1) / (permutations + 1);
}

export interface GlobalMoran {
  I: number;
  expected: number;
  /** variance under normality and under randomisation */
  variance_norm: number;
  variance_rand: number;
  z_norm: number;
  z_rand: number;
  permutations: number;
  /** pseudo p-value from the permutations (folded, see the module notes); null without */
  p_sim: number | null;
  /** (I − mean of simulated I) / their standard deviation; null without permutations */
  z_sim: number | null;
  mean_sim: number | null;
  sd_sim: number | null;
}

/**
 * Global Moran's I with analytical moments and `permutations` random permutations of y; `pause`
 * is awaited every 64 permutations.
 */
export async function moranGlobal(y: ArrayLike<number>, g: Graph, permutations: number, rng: Rng, pause?: Pause): Promise<GlobalMoran | null> {
  const n = g.n;
  const { s0, s1, s2 } = weightSums(g);
  if (n < 4 || !(s0 > 0)) return null;
  const z = centred(y);
  let z2 = 0;
  let z4 = 0;
  for (const v of z) {
    z2 += v * v;
    z4 += v ** 4;
  }
  if (!(z2 > 0)) return null;
  const rowWeight = uniformRowWeights(g);
  const I = ((n / s0) * crossProduct(g, z, rowWeight)) / z2;
  const expected = -1 / (n - 1);
  const s02 = s0 * s0;
  const n2 = n * n;
  const variance_norm = (n2 * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - expected * expected;
  const k = z4 / n / (z2 / n) ** 2;
  const a = n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02);
  const b = k * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02);
  const variance_rand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - expected * expected;
  const result: GlobalMoran = {
    I,
    expected,
    variance_norm,
    variance_rand,
    z_norm: (I - expected) / Math.sqrt(variance_norm),
    z_rand: (I - expected) / Math.sqrt(variance_rand),
    permutations,
    p_sim: null,
    z_sim: null,
    mean_sim: null,
    sd_sim: null,
  };
  if (permutations > 0) {
    const zp = Float64Array.from(z);
    const tol = 1e-12 * Math.max(1, Math.abs(I));
    const sims = new Float64Array(permutations);
    let ge = 0;
    let le = 0;
    let sum = 0;
    for (let r = 0; r < permutations; r++) {
      if (pause && r > 0 && r % 64 === 0) await pause();
      shuffle(rng, zp);
      const sim = ((n / s0) * crossProduct(g, zp, rowWeight)) / z2;
      sims[r] = sim;
      if (sim >= I - tol) ge++;
      if (sim <= I + tol) le++;
      sum += sim;
    }
    const mean = sum / permutations;
    let ss = 0;
    for (const sim of sims) ss += (sim - mean) ** 2;
    const sd = Math.sqrt(ss / permutations);
    result.p_sim = foldedP(ge, le, permutations);
    result.mean_sim = mean;
    result.sd_sim = sd;
    // permutations that all give the same I (up to rounding) have no spread to standardise by
    result.z_sim = sd > tol ? (I - mean) / sd : null;
  }
  return result;
}

/** LISA quadrant codes, as esda's `q`. */
export const QUADRANTS = ['high-high', 'low-high', 'low-low', 'high-low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface LocalMoran {
  /** local Iᵢ */
  I: Float64Array;
  /** spatial lag of the deviations, (Wz)ᵢ */
  lag: Float64Array;
  /** 1 high-high, 2 low-high, 3 low-low, 4 high-low (index into QUADRANTS + 1) */
  quadrant: Uint8Array;
  /** pseudo p-values (NaN for a unit without neighbours) */
  p: Float64Array;
}

/**
 * `permutations` rows of `k` distinct indexes in [0, m), drawn without replacement (a partial
 * Fisher–Yates shuffle whose swaps are undone after each row).
 */
export function permutationIndexes(rng: Rng, permutations: number, k: number, m: number): Int32Array {
  const out = new Int32Array(permutations * k);
  if (k === 0) return out;
  if (k > m) throw new Error(`cannot draw ${k} distinct indexes out of ${m}`);
  const pool = new Int32Array(m);
  for (let i = 0; i < m; i++) pool[i] = i;
  const swaps = new Int32Array(k);
  for (let r = 0; r < permutations; r++) {
    for (let t = 0; t < k; t++) {
      const j = t + randomInt(rng, m - t);
      swaps[t] = j;
      const x = pool[t] as number;
      pool[t] = pool[j] as number;
      pool[j] = x;
      out[r * k + t] = pool[t] as number;
    }
    for (let t = k - 1; t >= 0; t--) {
      const j = swaps[t] as number;
      const x = pool[t] as number;
      pool[t] = pool[j] as number;
      pool[j] = x;
    }
  }
  return out;
}

/**
 * Local Moran with conditional permutation inference (see the module notes). `pause` is awaited
 * every CHUNK units (the results do not depend on it).
 */
export async function moranLocal(y: ArrayLike<number>, g: Graph, permutations: number, rng: Rng, pause?: Pause): Promise<LocalMoran> {
  const n = g.n;
  const z = centred(y);
  let z2 = 0;
  let zmax = 0;
  for (const v of z) {
    z2 += v * v;
    zmax = Math.max(zmax, Math.abs(v));
  }
  const m2 = z2 / n;
  const lag = spatialLag(g, z);
  const I = new Float64Array(n);
  const quadrant = new Uint8Array(n);
  const p = new Float64Array(n).fill(NaN);
  let kmax = 0;
  for (let i = 0; i < n; i++) {
    const zi = z[i] as number;
    const li = lag[i] as number;
    I[i] = m2 > 0 ? (zi * li) / m2 : 0;
    quadrant[i] = zi > 0 ? (li > 0 ? 1 : 4) : li > 0 ? 2 : 3;
    kmax = Math.max(kmax, (g.offsets[i + 1] as number) - (g.offsets[i] as number));
  }
  if (permutations <= 0 || n < 2 || !(m2 > 0)) return { I, lag, quadrant, p };
  const ids = permutationIndexes(rng, permutations, kmax, n - 1);
  const tol = 1e-10 * zmax;
  const { offsets, weights } = g;
  for (let i = 0; i < n; i++) {
    if (pause && i > 0 && i % CHUNK === 0) await pause();
    const a = offsets[i] as number;
    const k = (offsets[i + 1] as number) - a;
    if (k === 0) continue;
    if (z[i] === 0) {
      p[i] = 1;
      continue;
    }
    // with equal weights in the row (row-standardised binary links), compare plain sums
    const w0 = weights[a] as number;
    let uniform = true;
    for (let t = a + 1; t < a + k; t++) if (weights[t] !== w0) uniform = false;
    const lo = uniform ? ((lag[i] as number) - tol) / w0 : (lag[i] as number) - tol;
    const hi = uniform ? ((lag[i] as number) + tol) / w0 : (lag[i] as number) + tol;
    let ge = 0;
    let le = 0;
    for (let r = 0, row = 0; r < permutations; r++, row += kmax) {
      let s = 0;
      if (uniform) {
        for (let t = 0; t < k; t++) {
          const j = ids[row + t] as number;
          // index j of "every unit but i": j itself below i, j + 1 from i on (branch-free)
          s += z[j + ((i - j - 1) >>> 31)] as number;
        }
      } else {
        for (let t = 0; t < k; t++) {
          const j = ids[row + t] as number;
          s += (weights[a + t] as number) * (z[j + ((i - j - 1) >>> 31)] as number);
        }
      }
      if (s >= lo) ge++;
      if (s <= hi) le++;
    }
    p[i] = foldedP(ge, le, permutations);
  }
  return { I, lag, quadrant, p };
}
