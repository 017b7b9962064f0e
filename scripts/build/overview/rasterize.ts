// Rasterises display features (communes) into one ID raster level of spec.ts: for each pixel of
// the Web Mercator grid at zoom z, the number of the commune whose polygon contains the pixel's
// centre. Pure, no I/O.
//
// Scanline fill per feature, even-odd over all its rings: for each pixel row the feature spans,
// the edges crossing the row's centre line give sorted x crossings, and the pixel centres between
// each pair of crossings are filled. Edges are half-open in y ([min, max)) and spans half-open in
// x, so two polygons sharing an edge never share a pixel. Features are drawn in input order (a
// later one wins where display polygons overlap). Then every commune that got no pixel centre
// gets one pixel, near its bounding-box centre (see stampSmall).
import { mercX, mercY } from '../tiles/spec.ts';
import type { DisplayFeature } from '../tiles/encode.ts';
import { MAX_COMMUNES, worldPixels } from './spec.ts';

/** One rasterised level: the pixel box (world pixels at zoom z) and its commune numbers. */
export interface OverviewRaster {
  z: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
  /** row-major, north to south; 0 = no commune, i = codes[i - 1] */
  ids: Uint16Array;
  codes: readonly string[];
  /** communes with no pixel centre inside, given one pixel by stampSmall */
  stamped: number;
  /** how many of them got a pixel k rings away from the one under their bbox centre: shifts[k] */
  shifts: number[];
  /** communes with no pixel at this level (no free pixel within MAX_SHIFT rings) */
  unplaced: number;
}

export interface RasterizeOptions {
  /** the codes (sorted) to number by; default communeCodes(features, maxCommunes) */
  codes?: readonly string[];
  /** the largest commune number allowed (default MAX_COMMUNES: 16-bit values) */
  maxCommunes?: number;
}

/**
 * The sorted distinct codes of the features with a geometry (plain string order); raster value
 * i is codes[i - 1]. Throws when there are more than `maxCommunes`.
 */
export function communeCodes(features: readonly DisplayFeature[], maxCommunes = MAX_COMMUNES): string[] {
  const set = new Set<string>();
  for (const f of features) if (f.geometry) set.add(String(f.properties.code));
  const codes = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (codes.length > maxCommunes) {
    throw new Error(`overview raster: ${codes.length} communes, more than the ${maxCommunes} a 16-bit raster can number`);
  }
  return codes;
}

/** A feature's rings as world-pixel coordinates: xy (x, y pairs) and where each ring ends. */
interface Projected {
  id: number;
  xy: Float64Array;
  /** end offset (in points) of each ring in xy */
  ends: Int32Array;
  /** bbox of the outer rings, world pixels */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function project(f: DisplayFeature, id: number, scale: number): Projected {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let points = 0;
  let rings = 0;
  for (const p of polygons) {
    for (const r of p) {
      points += r.length;
      rings++;
    }
  }
  const xy = new Float64Array(points * 2);
  const ends = new Int32Array(rings);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let k = 0;
  let ri = 0;
  for (const p of polygons) {
    p.forEach((ring, ringIndex) => {
      for (const [lon = 0, lat = 0] of ring) {
        const x = mercX(lon) * scale;
        const y = mercY(lat) * scale;
        xy[2 * k] = x;
        xy[2 * k + 1] = y;
        k++;
        if (ringIndex === 0) {
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
      ends[ri++] = k;
    });
  }
  return { id, xy, ends, minX, minY, maxX, maxY };
}

/** Rasterises the features at zoom z (see the file comment and spec.ts). */
export function rasterize(features: readonly DisplayFeature[], z: number, options: RasterizeOptions = {}): OverviewRaster {
  const codes = options.codes ?? communeCodes(features, options.maxCommunes);
  if (codes.length > (options.maxCommunes ?? MAX_COMMUNES)) {
    throw new Error(`overview raster: ${codes.length} communes, more than the ${options.maxCommunes ?? MAX_COMMUNES} a 16-bit raster can number`);
  }
  const idOf = new Map(codes.map((c, i) => [c, i + 1]));
  const scale = worldPixels(z);
  const shapes: Projected[] = [];
  for (const f of features) {
    if (!f.geometry) continue;
    const id = idOf.get(String(f.properties.code));
    if (id === undefined) throw new Error(`overview raster: commune ${f.properties.code} is not among the codes`);
    const shape = project(f, id, scale);
    if (shape.minX <= shape.maxX) shapes.push(shape);
  }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes) {
    if (s.minX < minX) minX = s.minX;
    if (s.minY < minY) minY = s.minY;
    if (s.maxX > maxX) maxX = s.maxX;
    if (s.maxY > maxY) maxY = s.maxY;
  }
  if (!shapes.length) return { z, x0: 0, y0: 0, width: 0, height: 0, ids: new Uint16Array(0), codes, stamped: 0, shifts: [], unplaced: 0 };
  const x0 = Math.floor(minX);
  const y0 = Math.floor(minY);
  const width = Math.max(1, Math.ceil(maxX) - x0);
  const height = Math.max(1, Math.ceil(maxY) - y0);
  const ids = new Uint16Array(width * height);

  const fill = new ScanlineFill(ids, x0, y0, width, height);
  for (const s of shapes) fill.draw(s);
  const { shifts, unplaced } = stampSmall(ids, width, height, x0, y0, shapes, codes.length);
  return { z, x0, y0, width, height, ids, codes, stamped: shifts.reduce((a, b) => a + b, 0), shifts, unplaced };
}

/** Scanline filler with scratch buffers reused across features (no per-pixel allocation). */
class ScanlineFill {
  private counts = new Int32Array(64);
  private starts = new Int32Array(65);
  private xs = new Float64Array(256);

  constructor(
    private readonly ids: Uint16Array,
    private readonly x0: number,
    private readonly y0: number,
    private readonly width: number,
    private readonly height: number,
  ) {}

  draw(s: Projected): void {
    const { xy, ends, id } = s;
    // rows whose centre y (y0 + r + 0.5) lies in [minY, maxY]
    const r0 = Math.max(0, Math.ceil(s.minY - this.y0 - 0.5));
    const r1 = Math.min(this.height - 1, Math.ceil(s.maxY - this.y0 - 0.5) - 1);
    if (r1 < r0) return;
    const rows = r1 - r0 + 1;
    if (this.counts.length < rows) {
      this.counts = new Int32Array(rows * 2);
      this.starts = new Int32Array(rows * 2 + 1);
    }
    const counts = this.counts;
    counts.fill(0, 0, rows);
    // pass 1: crossings per row; pass 2: their x
    for (let pass = 0; pass < 2; pass++) {
      let start = 0;
      for (const end of ends) {
        for (let i = start; i < end; i++) {
          const j = i + 1 < end ? i + 1 : start;
          const ay = xy[2 * i + 1] as number;
          const by = xy[2 * j + 1] as number;
          if (ay === by) continue;
          const lo = ay < by ? ay : by;
          const hi = ay < by ? by : ay;
          // rows with lo <= centre < hi
          const ra = Math.max(r0, Math.ceil(lo - this.y0 - 0.5));
          const rb = Math.min(r1, Math.ceil(hi - this.y0 - 0.5) - 1);
          if (rb < ra) continue;
          if (pass === 0) {
            for (let r = ra; r <= rb; r++) counts[r - r0] = (counts[r - r0] as number) + 1;
          } else {
            const ax = xy[2 * i] as number;
            const slope = ((xy[2 * j] as number) - ax) / (by - ay);
            for (let r = ra; r <= rb; r++) {
              const yc = this.y0 + r + 0.5;
              const at = this.starts[r - r0 + 1] as number;
              this.xs[at] = ax + (yc - ay) * slope;
              this.starts[r - r0 + 1] = at + 1;
            }
          }
        }
        start = end;
      }
      if (pass === 0) {
        // starts[k + 1] is the write cursor of row k during pass 2, its end afterwards
        let total = 0;
        for (let k = 0; k < rows; k++) {
          this.starts[k + 1] = total;
          total += counts[k] as number;
        }
        this.starts[0] = 0;
        if (this.xs.length < total) this.xs = new Float64Array(total * 2);
      }
    }
    const { xs, starts, ids, width } = this;
    for (let k = 0; k < rows; k++) {
      const a = k === 0 ? 0 : (starts[k] as number);
      const b = starts[k + 1] as number;
      // insertion sort: few crossings per row
      for (let i = a + 1; i < b; i++) {
        const v = xs[i] as number;
        let j = i - 1;
        while (j >= a && (xs[j] as number) > v) {
          xs[j + 1] = xs[j] as number;
          j--;
        }
        xs[j + 1] = v;
      }
      const rowOffset = (r0 + k) * width;
      for (let i = a; i + 1 < b; i += 2) {
        // pixel centres x0 + c + 0.5 in [xs[i], xs[i + 1])
        const c0 = Math.max(0, Math.ceil((xs[i] as number) - this.x0 - 0.5));
        const c1 = Math.min(width, Math.ceil((xs[i + 1] as number) - this.x0 - 0.5));
        if (c1 > c0) ids.fill(id, rowOffset + c0, rowOffset + c1);
      }
    }
  }
}

/**
 * Gives one pixel to every commune that got none, in commune-number order: the pixel holding its
 * bbox centre unless another such commune already took it, else the nearest pixel (by distance
 * from that centre) of the first ring around it (3×3, 5×5, …) with a pixel that no such commune
 * took and whose owner keeps another pixel (a commune is never left without a pixel). Returns how
 * many communes were stamped k rings away from their centre pixel, for each k, and how many found
 * no pixel within MAX_SHIFT rings (where communes outnumber pixels, such as Île-de-France at z4:
 * moving them further would draw them, and let them be hovered, tens of kilometres away, so they
 * are left out of that level and show from the next one).
 */
const MAX_SHIFT = 1;

function stampSmall(ids: Uint16Array, width: number, height: number, x0: number, y0: number, shapes: readonly Projected[], n: number): { shifts: number[]; unplaced: number } {
  const pixels = new Int32Array(n + 1);
  for (const v of ids) pixels[v] = (pixels[v] as number) + 1;
  // a commune may have several features: its bbox is their union
  const box = new Float64Array((n + 1) * 4).fill(NaN);
  for (const s of shapes) {
    if (pixels[s.id]) continue;
    const o = s.id * 4;
    if (Number.isNaN(box[o])) box.set([s.minX, s.minY, s.maxX, s.maxY], o);
    else box.set([Math.min(box[o] as number, s.minX), Math.min(box[o + 1] as number, s.minY), Math.max(box[o + 2] as number, s.maxX), Math.max(box[o + 3] as number, s.maxY)], o);
  }
  const taken = new Uint8Array(ids.length);
  const free = (p: number): boolean => !taken[p] && (ids[p] === 0 || (pixels[ids[p] as number] as number) > 1);
  const shifts: number[] = [];
  let unplaced = 0;
  for (let id = 1; id <= n; id++) {
    const o = id * 4;
    if (pixels[id] || Number.isNaN(box[o])) continue;
    const cx = ((box[o] as number) + (box[o + 2] as number)) / 2 - x0;
    const cy = ((box[o + 1] as number) + (box[o + 3] as number)) / 2 - y0;
    const col = Math.min(width - 1, Math.max(0, Math.floor(cx)));
    const row = Math.min(height - 1, Math.max(0, Math.floor(cy)));
    let best = free(row * width + col) ? row * width + col : -1;
    let k = 0;
    while (best < 0 && ++k <= MAX_SHIFT) {
      let bestD = Infinity;
      for (let r = row - k; r <= row + k; r++) {
        if (r < 0 || r >= height) continue;
        const edgeRow = r === row - k || r === row + k;
        for (let c = col - k; c <= col + k; c += edgeRow ? 1 : 2 * k) {
          if (c < 0 || c >= width) continue;
          const p = r * width + c;
          if (!free(p)) continue;
          const d = (c + 0.5 - cx) ** 2 + (r + 0.5 - cy) ** 2;
          if (d < bestD) {
            bestD = d;
            best = p;
          }
        }
      }
    }
    if (best < 0) {
      unplaced++;
      continue;
    }
    const owner = ids[best] as number;
    if (owner) pixels[owner] = (pixels[owner] as number) - 1;
    ids[best] = id;
    pixels[id] = 1;
    taken[best] = 1;
    shifts[k] = (shifts[k] ?? 0) + 1;
  }
  return { shifts: Array.from(shifts, (v) => v ?? 0), unplaced };
}
