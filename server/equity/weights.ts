/**
 * Spatial weights as compressed sparse rows (CSR): contiguity from neighbour pairs, k nearest
 * neighbours on the sphere, libpysal-style attachment of islands to their nearest unit, subsets
 * and row standardisation. Units are 0…n−1; positions are WGS84 lon/lat in degrees (NaN when
 * unknown). Pure, typed arrays only.
 */

/** Row i's neighbours are `neighbors[offsets[i] … offsets[i+1])`, with `weights` alongside. */
export interface Graph {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

/** Number of neighbours of each unit. */
export function degrees(g: Graph): Int32Array {
  const d = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) d[i] = (g.offsets[i + 1] as number) - (g.offsets[i] as number);
  return d;
}

/** Builds a CSR graph from directed links i → j (duplicates and self-links dropped), weight 1. */
export function graphFromLinks(n: number, from: ArrayLike<number>, to: ArrayLike<number>): Graph {
  const count = new Int32Array(n + 1);
  const ok = (k: number) => {
    const i = from[k] as number;
    const j = to[k] as number;
    return i !== j && i >= 0 && j >= 0 && i < n && j < n;
  };
  for (let k = 0; k < from.length; k++) {
    if (!ok(k)) continue;
    const i = (from[k] as number) + 1;
    count[i] = (count[i] as number) + 1;
  }
  for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
  const fill = count.slice(0, n);
  const raw = new Int32Array(count[n] as number);
  for (let k = 0; k < from.length; k++) {
    if (!ok(k)) continue;
    const i = from[k] as number;
    raw[fill[i] as number] = to[k] as number;
    fill[i] = (fill[i] as number) + 1;
  }
  // sort each row and drop duplicates
  const offsets = new Int32Array(n + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const row = raw.subarray(count[i] as number, count[i + 1] as number).sort();
    for (let t = 0; t < row.length; t++) if (t === 0 || row[t] !== row[t - 1]) raw[m++] = row[t] as number;
    offsets[i + 1] = m;
  }
  const neighbors = raw.slice(0, m);
  return { n, offsets, neighbors, weights: new Float64Array(m).fill(1) };
}

/** Symmetric contiguity from undirected pairs (a[k], b[k]). */
export function graphFromPairs(n: number, a: ArrayLike<number>, b: ArrayLike<number>): Graph {
  const from = new Int32Array(a.length * 2);
  const to = new Int32Array(a.length * 2);
  for (let k = 0; k < a.length; k++) {
    from[2 * k] = a[k] as number;
    to[2 * k] = b[k] as number;
    from[2 * k + 1] = b[k] as number;
    to[2 * k + 1] = a[k] as number;
  }
  return graphFromLinks(n, from, to);
}

/** The same links with each row's weights summing to 1 (rows without neighbours stay empty). */
export function rowStandardised(g: Graph): Graph {
  const weights = new Float64Array(g.weights.length);
  for (let i = 0; i < g.n; i++) {
    const a = g.offsets[i] as number;
    const b = g.offsets[i + 1] as number;
    let s = 0;
    for (let t = a; t < b; t++) s += g.weights[t] as number;
    for (let t = a; t < b; t++) weights[t] = (g.weights[t] as number) / s;
  }
  return { ...g, weights };
}

/** The graph restricted to the units where `keep` is true; `index[new] = old`. */
export function subgraph(g: Graph, keep: ArrayLike<boolean | number>): { graph: Graph; index: Int32Array } {
  const map = new Int32Array(g.n).fill(-1);
  const index: number[] = [];
  for (let i = 0; i < g.n; i++) if (keep[i]) map[i] = index.push(i) - 1;
  const offsets = new Int32Array(index.length + 1);
  const neighbors: number[] = [];
  const weights: number[] = [];
  index.forEach((old, i) => {
    for (let t = g.offsets[old] as number; t < (g.offsets[old + 1] as number); t++) {
      const j = map[g.neighbors[t] as number] as number;
      if (j >= 0) {
        neighbors.push(j);
        weights.push(g.weights[t] as number);
      }
    }
    offsets[i + 1] = neighbors.length;
  });
  return { graph: { n: index.length, offsets, neighbors: Int32Array.from(neighbors), weights: Float64Array.from(weights) }, index: Int32Array.from(index) };
}

const RAD = Math.PI / 180;

/**
 * A static k-d tree over unit vectors of the sphere: the Euclidean (chord) distance between unit
 * vectors is a monotone function of the great-circle (haversine) distance, so nearest neighbours
 * in 3-D are nearest neighbours on the Earth.
 */
class SphereTree {
  readonly xyz: Float64Array;
  private readonly perm: Int32Array;
  private readonly axis: Uint8Array;

  constructor(lon: ArrayLike<number>, lat: ArrayLike<number>) {
    const n = lon.length;
    this.xyz = new Float64Array(3 * n).fill(NaN);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const lo = (lon[i] as number) * RAD;
      const la = (lat[i] as number) * RAD;
      if (!Number.isFinite(lo) || !Number.isFinite(la)) continue;
      this.xyz[3 * i] = Math.cos(la) * Math.cos(lo);
      this.xyz[3 * i + 1] = Math.cos(la) * Math.sin(lo);
      this.xyz[3 * i + 2] = Math.sin(la);
      ids.push(i);
    }
    this.perm = Int32Array.from(ids);
    this.axis = new Uint8Array(ids.length);
    this.build(0, ids.length);
  }

  private build(lo: number, hi: number): void {
    if (hi - lo <= 1) return;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let t = lo; t < hi; t++) {
      const p = this.perm[t] as number;
      for (let a = 0; a < 3; a++) {
        const v = this.xyz[3 * p + a] as number;
        if (v < (min[a] as number)) min[a] = v;
        if (v > (max[a] as number)) max[a] = v;
      }
    }
    const spread = [0, 1, 2].map((a) => (max[a] as number) - (min[a] as number));
    const axis = spread.indexOf(Math.max(...spread));
    const mid = (lo + hi) >> 1;
    this.select(lo, hi - 1, mid, axis);
    this.axis[mid] = axis;
    this.build(lo, mid);
    this.build(mid + 1, hi);
  }

  /** Quickselect: puts the element of rank k (by coordinate `axis`, ties by id) at position k. */
  private select(lo: number, hi: number, k: number, axis: number): void {
    const { xyz, perm } = this;
    while (hi > lo) {
      const m = (lo + hi) >> 1;
      let x = perm[m] as number;
      perm[m] = perm[hi] as number;
      perm[hi] = x; // middle element as pivot, moved to the end
      const pid = x;
      const pv = xyz[3 * pid + axis] as number;
      let store = lo;
      for (let t = lo; t < hi; t++) {
        const id = perm[t] as number;
        const v = xyz[3 * id + axis] as number;
        if (v < pv || (v === pv && id < pid)) {
          perm[t] = perm[store] as number;
          perm[store++] = id;
        }
      }
      x = perm[store] as number;
      perm[store] = perm[hi] as number;
      perm[hi] = x;
      if (store === k) return;
      if (store < k) lo = store + 1;
      else hi = store - 1;
    }
  }

  /**
   * The k nearest units to unit `q` (excluding `q`), closest first, ties by lower index.
   * Fills `out` (length ≥ k) and returns how many were found.
   */
  nearest(q: number, k: number, out: Int32Array, dist: Float64Array): number {
    const { xyz, perm, axis } = this;
    const qx = xyz[3 * q] as number;
    const qy = xyz[3 * q + 1] as number;
    const qz = xyz[3 * q + 2] as number;
    if (!Number.isFinite(qx)) return 0;
    let found = 0;
    const consider = (id: number, d: number) => {
      if (found === k && !(d < (dist[k - 1] as number) || (d === dist[k - 1] && id < (out[k - 1] as number)))) return;
      let t = found === k ? k - 1 : found++;
      while (t > 0 && (d < (dist[t - 1] as number) || (d === dist[t - 1] && id < (out[t - 1] as number)))) {
        out[t] = out[t - 1] as number;
        dist[t] = dist[t - 1] as number;
        t--;
      }
      out[t] = id;
      dist[t] = d;
    };
    const visit = (lo: number, hi: number): void => {
      if (lo >= hi) return;
      const mid = (lo + hi) >> 1;
      const p = perm[mid] as number;
      const dx = (xyz[3 * p] as number) - qx;
      const dy = (xyz[3 * p + 1] as number) - qy;
      const dz = (xyz[3 * p + 2] as number) - qz;
      if (p !== q) consider(p, dx * dx + dy * dy + dz * dz);
      const a = axis[mid] as number;
      const diff = (a === 0 ? dx : a === 1 ? dy : dz) * -1;
      if (diff < 0) {
        visit(lo, mid);
        if (found < k || diff * diff <= (dist[k - 1] as number)) visit(mid + 1, hi);
      } else {
        visit(mid + 1, hi);
        if (found < k || diff * diff <= (dist[k - 1] as number)) visit(lo, mid);
      }
    };
    visit(0, perm.length);
    return found;
  }
}

/** Great-circle distance in km between two lon/lat points (haversine, R = 6371 km). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dlat = (lat2 - lat1) * RAD;
  const dlon = (lon2 - lon1) * RAD;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * k nearest neighbours by great-circle distance (ties by lower index), weight 1 per link; not
 * symmetric. Units without a position get no neighbours and are nobody's neighbour.
 */
export function knnGraph(lon: ArrayLike<number>, lat: ArrayLike<number>, k: number): Graph {
  const n = lon.length;
  const tree = new SphereTree(lon, lat);
  const out = new Int32Array(k);
  const dist = new Float64Array(k);
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(n * k);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const found = tree.nearest(i, k, out, dist);
    const row = Array.from(out.subarray(0, found)).sort((a, b) => a - b);
    for (const j of row) neighbors[m++] = j;
    offsets[i + 1] = m;
  }
  return { n, offsets, neighbors: neighbors.slice(0, m), weights: new Float64Array(m).fill(1) };
}

/**
 * libpysal's `attach_islands`: every unit without neighbour but with a position is linked, both
 * ways, to its nearest unit (great-circle distance, ties by lower index), weight 1. Units without
 * a position stay islands. Returns the new graph and how many islands were attached.
 */
export function attachIslands(g: Graph, lon: ArrayLike<number>, lat: ArrayLike<number>): { graph: Graph; attached: number } {
  const deg = degrees(g);
  const islands: number[] = [];
  for (let i = 0; i < g.n; i++) if (deg[i] === 0) islands.push(i);
  if (islands.length === 0) return { graph: g, attached: 0 };
  const tree = new SphereTree(lon, lat);
  const out = new Int32Array(1);
  const dist = new Float64Array(1);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < g.n; i++) {
    for (let t = g.offsets[i] as number; t < (g.offsets[i + 1] as number); t++) {
      from.push(i);
      to.push(g.neighbors[t] as number);
    }
  }
  let attached = 0;
  for (const i of islands) {
    if (tree.nearest(i, 1, out, dist) === 0) continue;
    const j = out[0] as number;
    from.push(i, j);
    to.push(j, i);
    attached++;
  }
  return { graph: graphFromLinks(g.n, from, to), attached };
}
