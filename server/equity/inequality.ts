/**
 * Inequality measures over weighted units (communes weighted by their denominator, schools, …):
 * Gini, Theil T with its exact between/within decomposition, coefficient of variation, weighted
 * percentiles and their 90/10 ratio, and the gap between the top and bottom fifths. Pure: typed
 * arrays in, numbers out; every function ignores units whose value is not finite or whose weight
 * is not positive. With all weights equal to 1 they are the textbook (population) formulas.
 */

/** Values and their weights (same length); weights default to 1. */
export interface Sample {
  values: ArrayLike<number>;
  weights?: ArrayLike<number> | undefined;
}

interface Clean {
  y: Float64Array;
  w: Float64Array;
  /** indexes into the input of the kept units */
  index: Int32Array;
  total: number;
  mean: number;
}

/** Keeps finite values with positive weights; `null` when nothing is left. */
function clean({ values, weights }: Sample): Clean | null {
  const n = values.length;
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const index = new Int32Array(n);
  let k = 0;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const wi = weights ? (weights[i] as number) : 1;
    if (!Number.isFinite(v) || !Number.isFinite(wi) || wi <= 0) continue;
    y[k] = v;
    w[k] = wi;
    index[k] = i;
    total += wi;
    sum += wi * v;
    k++;
  }
  if (k === 0) return null;
  return { y: y.subarray(0, k), w: w.subarray(0, k), index: index.subarray(0, k), total, mean: sum / total };
}

/** Indexes of `y` sorted by value (ties by position, so results are deterministic). */
function order(y: Float64Array): Uint32Array {
  const idx = new Uint32Array(y.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => (y[a] as number) - (y[b] as number) || a - b);
}

/** A sample cleaned and sorted once, to compute several measures without sorting again. */
export interface Prepared {
  readonly prepared: true;
  c: Clean;
  idx: Uint32Array;
}

/** Cleans and sorts a sample; `null` when no unit is left. */
export function prepare(sample: Sample): Prepared | null {
  const c = clean(sample);
  return c && { prepared: true, c, idx: order(c.y) };
}

const prepped = (input: Sample | Prepared): Prepared | null => ('prepared' in input ? input : prepare(input));

/**
 * Gini coefficient, population formula: G = Σᵢ Σⱼ wᵢ wⱼ |yᵢ − yⱼ| / (2 W² μ), computed in
 * O(n log n) from the sorted values as Σᵢ wᵢ yᵢ (W<ᵢ − W>ᵢ) / (W · Σ wy). Equal weights give
 * (2 Σ i·y₍ᵢ₎ − (n + 1) Σ y) / (n Σ y), PySAL's `Gini`. Needs non-negative values and a
 * positive mean; `null` otherwise.
 */
export function gini(sample: Sample | Prepared): number | null {
  const p = prepped(sample);
  if (!p || p.c.mean <= 0) return null;
  const { c, idx } = p;
  if ((c.y[idx[0] as number] as number) < 0) return null;
  let before = 0;
  let acc = 0;
  for (const i of idx) {
    const wi = c.w[i] as number;
    const after = c.total - before - wi;
    acc += wi * (c.y[i] as number) * (before - after);
    before += wi;
  }
  return Math.max(0, acc / (c.total * c.total * c.mean));
}

/** x ln x with the limit 0 ln 0 = 0. */
const xlnx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** One group of a Theil decomposition. */
export interface TheilGroup {
  /** the group's key as given (e.g. a département code) */
  key: string;
  /** kept units in the group */
  units: number;
  /** share of the total weight */
  weight_share: number;
  /** weighted mean of the group (the group's ratio of sums when weights are denominators) */
  mean: number;
  /** Theil T inside the group */
  theil: number;
  /** its contribution to the within-group component: (Σ_g wy / Σ wy) · T_g */
  within_contribution: number;
}

export interface TheilResult {
  total: number;
  between: number | null;
  within: number | null;
  groups: TheilGroup[];
}

/**
 * Theil's T (the GE(1) index): T = Σᵢ (wᵢ/W)(yᵢ/μ) ln(yᵢ/μ), with 0 ln 0 = 0 so zero values are
 * allowed (they contribute nothing; Theil L would need strictly positive values). With
 * `groups` (one key per unit, null = no group: such units are left out of the whole
 * computation), T = between + within exactly:
 * between = Σ_g (W_g/W)(μ_g/μ) ln(μ_g/μ), within = Σ_g (W_g μ_g / W μ) T_g.
 * Equal weights give PySAL's `Theil` and `TheilD`. Needs non-negative values and a positive
 * mean; `null` otherwise.
 */
export function theil(sample: Sample, groups?: ArrayLike<string | null>): TheilResult | null {
  let values = sample.values;
  let weights = sample.weights;
  if (groups) {
    // drop units without a group so that total = between + within over the same units
    const keep: number[] = [];
    for (let i = 0; i < values.length; i++) if (groups[i] !== null && groups[i] !== undefined) keep.push(i);
    if (keep.length !== values.length) {
      values = Float64Array.from(keep, (i) => values[i] as number);
      weights = weights ? Float64Array.from(keep, (i) => (weights as ArrayLike<number>)[i] as number) : undefined;
      groups = keep.map((i) => (groups as ArrayLike<string | null>)[i] as string);
    }
  }
  const c = clean({ values, weights });
  if (!c || c.mean <= 0) return null;
  let total = 0;
  for (let i = 0; i < c.y.length; i++) {
    if ((c.y[i] as number) < 0) return null;
    total += ((c.w[i] as number) / c.total) * xlnx((c.y[i] as number) / c.mean);
  }
  if (!groups) return { total, between: null, within: null, groups: [] };

  const acc = new Map<string, { units: number; w: number; wy: number; members: number[] }>();
  for (let k = 0; k < c.y.length; k++) {
    const key = groups[c.index[k] as number] as string;
    let g = acc.get(key);
    if (!g) acc.set(key, (g = { units: 0, w: 0, wy: 0, members: [] }));
    g.units++;
    g.w += c.w[k] as number;
    g.wy += (c.w[k] as number) * (c.y[k] as number);
    g.members.push(k);
  }
  let between = 0;
  let within = 0;
  const out: TheilGroup[] = [];
  const sumWy = c.total * c.mean;
  for (const [key, g] of [...acc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const mean = g.wy / g.w;
    let tg = 0;
    if (mean > 0) for (const k of g.members) tg += ((c.w[k] as number) / g.w) * xlnx((c.y[k] as number) / mean);
    const share = g.wy / sumWy;
    between += (g.w / c.total) * xlnx(mean / c.mean);
    within += share * tg;
    out.push({ key, units: g.units, weight_share: g.w / c.total, mean, theil: tg, within_contribution: share * tg });
  }
  return { total, between, within, groups: out };
}

/** Weighted mean and population (not sample) standard deviation. */
export function meanSd(sample: Sample | Prepared): { mean: number; sd: number } | null {
  const c = 'prepared' in sample ? sample.c : clean(sample);
  if (!c) return null;
  let ss = 0;
  for (let i = 0; i < c.y.length; i++) ss += (c.w[i] as number) * ((c.y[i] as number) - c.mean) ** 2;
  return { mean: c.mean, sd: Math.sqrt(ss / c.total) };
}

/** Coefficient of variation: weighted population standard deviation / weighted mean. */
export function coefficientOfVariation(sample: Sample | Prepared): number | null {
  const m = meanSd(sample);
  if (!m || m.mean <= 0) return null;
  return m.sd / m.mean;
}

/**
 * Weighted percentile `p` ∈ [0, 1], interpolating linearly between the centres of the units'
 * weight intervals: unit i (sorted) sits at (W<ᵢ + wᵢ/2)/W; below the first centre the minimum,
 * above the last the maximum. With equal weights this is Hyndman & Fan's type 5 (Hazen):
 * centres at (i − ½)/n.
 */
export function percentile(sample: Sample | Prepared, p: number): number | null {
  const pr = prepped(sample);
  return pr && percentileOf(pr.c, pr.idx, p);
}

function percentileOf(c: Clean, idx: Uint32Array, p: number): number {
  let before = 0;
  let prevCentre = -Infinity;
  let prevValue = c.y[idx[0] as number] as number;
  for (const i of idx) {
    const wi = c.w[i] as number;
    const centre = (before + wi / 2) / c.total;
    const v = c.y[i] as number;
    if (p <= centre) {
      if (prevCentre === -Infinity) return v;
      return prevValue + ((v - prevValue) * (p - prevCentre)) / (centre - prevCentre);
    }
    prevCentre = centre;
    prevValue = v;
    before += wi;
  }
  return prevValue;
}

/** p90 / p10 of the weighted distribution; `null` when p10 is not positive. */
export function p90p10(sample: Sample | Prepared): { p10: number; p90: number; ratio: number | null } | null {
  const pr = prepped(sample);
  if (!pr) return null;
  const { c, idx } = pr;
  const p10 = percentileOf(c, idx, 0.1);
  const p90 = percentileOf(c, idx, 0.9);
  return { p10, p90, ratio: p10 > 0 ? p90 / p10 : null };
}

/** The weighted means of the lowest and highest fifths of the weight, and their gap. */
export interface Fifths {
  /** mean of the fifth of the weight with the lowest values */
  bottom: number;
  /** mean of the fifth of the weight with the highest values */
  top: number;
  /** top − bottom (≥ 0) */
  gap: number;
  /** top / bottom, `null` when bottom is not positive */
  ratio: number | null;
}

/**
 * Means of the bottom and top fifths of the total weight (the unit straddling a boundary counts
 * with the part of its weight that falls inside, so each fifth holds exactly W/5).
 */
export function fifths(sample: Sample | Prepared): Fifths | null {
  const pr = prepped(sample);
  if (!pr) return null;
  const { c, idx } = pr;
  const share = c.total / 5;
  const meanOf = (indexes: Iterable<number>) => {
    let left = share;
    let wy = 0;
    for (const i of indexes) {
      if (left <= 0) break;
      const take = Math.min(left, c.w[i] as number);
      wy += take * (c.y[i] as number);
      left -= take;
    }
    return wy / share;
  };
  const bottom = meanOf(idx);
  const top = meanOf([...idx].reverse());
  return { bottom, top, gap: top - bottom, ratio: bottom > 0 ? top / bottom : null };
}
