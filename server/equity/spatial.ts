/**
 * The spatial block of /api/equity: builds the neighbourhood of the units that have a value
 * (queen contiguity, or k nearest neighbours for schools), attaches islands to their nearest unit,
 * leaves out units still without neighbour, then runs global Moran's I and LISA with seeded
 * permutations. Pure.
 */
import { moranGlobal, moranI, moranLocal, QUADRANTS, type Pause, type Quadrant } from './moran.ts';
import { twoSided } from './normal.ts';
import { seededRng } from './random.ts';
import { attachIslands, degrees, graphFromPairs, knnGraph, rowStandardised, subgraph, type Graph } from './weights.ts';

/** How units are linked: contiguity pairs (indexes into the unit list), or k nearest. */
export type Neighbourhood = { kind: 'contiguity'; a: Int32Array; b: Int32Array } | { kind: 'knn'; k: number };

export interface SpatialUnits {
  codes: readonly string[];
  lon: Float64Array;
  lat: Float64Array;
}

/** A row-standardised graph over the units where `keep` is true and that have a neighbour. */
export interface AnalysisGraph {
  graph: Graph;
  /** index into the unit list of each analysed unit */
  index: Int32Array;
  /** units with a value but no neighbour, even after attaching islands (left out) */
  excluded: number;
  /** islands linked to their nearest unit */
  attached: number;
}

/** The analysis graph for the units flagged by `keep`. */
export function analysisGraph(units: SpatialUnits, nb: Neighbourhood, keep: ArrayLike<boolean>): AnalysisGraph {
  const n = units.codes.length;
  let base: Graph;
  let index: Int32Array;
  let attached = 0;
  if (nb.kind === 'knn') {
    const sub = subsetIndex(keep, n);
    base = knnGraph(
      Float64Array.from(sub, (i) => units.lon[i] as number),
      Float64Array.from(sub, (i) => units.lat[i] as number),
      nb.k,
    );
    index = sub;
  } else {
    const restricted = subgraph(graphFromPairs(n, nb.a, nb.b), keep);
    const lon = Float64Array.from(restricted.index, (i) => units.lon[i] as number);
    const lat = Float64Array.from(restricted.index, (i) => units.lat[i] as number);
    const withIslands = attachIslands(restricted.graph, lon, lat);
    base = withIslands.graph;
    attached = withIslands.attached;
    index = restricted.index;
  }
  const deg = degrees(base);
  const linked = Array.from(deg, (d) => d > 0);
  const final = subgraph(base, linked);
  return {
    graph: rowStandardised(final.graph),
    index: Int32Array.from(final.index, (i) => index[i] as number),
    excluded: base.n - final.graph.n,
    attached,
  };
}

function subsetIndex(keep: ArrayLike<boolean>, n: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return Int32Array.from(out);
}

export type Cluster = Quadrant | 'not-significant';

export interface SpatialResult {
  units: number;
  excluded_without_neighbour: number;
  islands_attached: number;
  moran: {
    I: number;
    expected: number;
    /** (I − mean of the permuted I) / their standard deviation */
    z: number | null;
    /** folded pseudo p-value from the permutations */
    p_value: number | null;
    /** analytical z and two-sided p under the randomisation assumption (Cliff & Ord) */
    z_rand: number;
    p_rand: number;
    permutations: number;
    seed: number;
  } | null;
  lisa: {
    significance: number;
    permutations: number;
    seed: number;
    counts: Record<Cluster, number>;
    /** significant units only, by cluster then code */
    clusters: { code: string; cluster: Quadrant; p: number; value: number }[];
  } | null;
}

/**
 * Global and local Moran of `values` (indexed like the units; NaN = no value) over the graph.
 * The global test uses stream 0 of the seed, LISA stream 1, so each is reproducible alone.
 * `pause` lets a long run yield to the event loop; results do not depend on it.
 */
export async function spatialStatistics(
  units: SpatialUnits,
  values: Float64Array,
  ag: AnalysisGraph,
  options: { permutations: number; seed: number; significance: number; pause?: Pause | undefined },
): Promise<SpatialResult> {
  const y = Float64Array.from(ag.index, (i) => values[i] as number);
  const base = { units: ag.graph.n, excluded_without_neighbour: ag.excluded, islands_attached: ag.attached };
  const global = await moranGlobal(y, ag.graph, options.permutations, seededRng(options.seed, 0), options.pause);
  if (!global) return { ...base, moran: null, lisa: null };
  const local = await moranLocal(y, ag.graph, options.permutations, seededRng(options.seed, 1), options.pause);
  const counts = Object.fromEntries([...QUADRANTS, 'not-significant'].map((c) => [c, 0])) as Record<Cluster, number>;
  const clusters: { code: string; cluster: Quadrant; p: number; value: number }[] = [];
  for (let k = 0; k < ag.graph.n; k++) {
    const p = local.p[k] as number;
    if (p <= options.significance) {
      const cluster = QUADRANTS[(local.quadrant[k] as number) - 1] as Quadrant;
      counts[cluster]++;
      clusters.push({ code: units.codes[ag.index[k] as number] as string, cluster, p, value: y[k] as number });
    } else counts['not-significant']++;
  }
  clusters.sort((a, b) => QUADRANTS.indexOf(a.cluster) - QUADRANTS.indexOf(b.cluster) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    ...base,
    moran: {
      I: global.I,
      expected: global.expected,
      z: global.z_sim,
      p_value: global.p_sim,
      z_rand: global.z_rand,
      p_rand: twoSided(global.z_rand),
      permutations: options.permutations,
      seed: options.seed,
    },
    lisa: { significance: options.significance, permutations: options.permutations, seed: options.seed, counts, clusters },
  };
}

/** Moran's I alone (for the trend), `null` when it cannot be computed. */
export function moranOnly(values: Float64Array, ag: AnalysisGraph): number | null {
  if (ag.graph.n < 4) return null;
  return moranI(Float64Array.from(ag.index, (i) => values[i] as number), ag.graph);
}
