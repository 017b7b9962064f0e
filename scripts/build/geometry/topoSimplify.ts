// Topology-preserving simplification and merging of polygon layers with TopoJSON: shared borders
// are simplified once, so neighbours keep meeting exactly, and unions (académies, régions) are
// stitched from the very same arcs. Pure, no I/O.
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature, merge } from 'topojson-client';
import { kinks } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type * as TopoJSON from 'topojson-specification';

/** A polygonal GeoJSON feature with typed properties. */
export interface PolygonFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: Polygon | MultiPolygon;
}

type TopoPolygonal<P> = (TopoJSON.Polygon | TopoJSON.MultiPolygon) & { properties: P };

/** A simplified topology and its polygon objects, in input order. */
export interface SimplifiedLayer<P> {
  topology: TopoJSON.Topology;
  geometries: TopoPolygonal<P>[];
  /** Indexes of the objects whose arcs were restored unsimplified to undo a self-intersection. */
  repaired: number[];
}

/** Simplification settings. */
export interface SimplifyOptions {
  /**
   * Visvalingam threshold: a vertex is dropped when the triangle it forms with its neighbours is
   * smaller than this, in "equal-area square degrees" (x scaled by cos(lat); 1e-5 ≈ 0.12 km²).
   */
  minWeight: number;
  /** Every ring keeps at least this many distinct vertices (or all it has), default 4. */
  minRingVertices?: number;
}

const RAD = Math.PI / 180;

/** Triangle area with longitudes scaled by cos(lat), so thresholds mean the same everywhere. */
export function equalAreaWeight(triangle: [[number, number], [number, number], [number, number]]): number {
  const [a, b, c] = triangle;
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
  return (Math.abs(cross) / 2) * Math.cos(b[1] * RAD);
}

/**
 * Builds the topology of the features, simplifies it with `minWeight` while keeping at least
 * `minRingVertices` distinct vertices per ring (so no ring, hence no feature, vanishes), and
 * returns it with its polygon objects (same order and properties as the input). An object that
 * simplification made self-intersecting gets its arcs back unsimplified (its neighbours get the
 * same arcs, so borders still coincide); this is repeated up to three rounds.
 */
export function simplifyLayer<P>(features: readonly PolygonFeature<P>[], options: SimplifyOptions): SimplifiedLayer<P> {
  const collection = { type: 'FeatureCollection', features } as unknown as FeatureCollection;
  const topo = topology({ layer: collection });
  const layer = topo.objects.layer as TopoJSON.GeometryCollection;
  const geometries = layer.geometries as TopoPolygonal<P>[];
  if (geometries.length !== features.length) throw new Error(`topology has ${geometries.length} objects for ${features.length} features`);
  // The typings' Objects<{}> excludes null properties; the objects are only read back as ours.
  const weighted = presimplify(topo as unknown as TopoJSON.Topology<TopoJSON.Objects>, equalAreaWeight);
  protectRings(weighted, geometries, options.minWeight, options.minRingVertices ?? 4);
  let simplified = simplify(weighted, options.minWeight);
  const repaired = new Set<number>();
  for (let round = 0; round < 3; round++) {
    const kinked: number[] = [];
    geometries.forEach((g, i) => {
      if (!repaired.has(i) && kinks(feature(simplified, g as TopoJSON.Polygon)).features.length > 0) kinked.push(i);
    });
    if (kinked.length === 0) break;
    for (const i of kinked) {
      repaired.add(i);
      keepArcs(weighted, geometries[i] as TopoPolygonal<P>);
    }
    simplified = simplify(weighted, options.minWeight);
  }
  return { topology: simplified, geometries, repaired: [...repaired].sort((a, b) => a - b) };
}

/** Gives every vertex of the object's arcs an infinite weight (they survive any threshold). */
function keepArcs(topo: TopoJSON.Topology, g: TopoJSON.Polygon | TopoJSON.MultiPolygon): void {
  const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
  for (const ring of rings) for (const index of ring) for (const point of topo.arcs[index < 0 ? ~index : index] ?? []) point[2] = Infinity;
}

/**
 * Raises the weight of the most significant dropped vertices of every ring that would keep fewer
 * than `minVertices` distinct vertices at `minWeight` (arc endpoints are always kept). Mutates the
 * presimplified arcs; a vertex shared by two rings is kept for both.
 */
export function protectRings(
  topo: TopoJSON.Topology,
  geometries: readonly (TopoJSON.Polygon | TopoJSON.MultiPolygon)[],
  minWeight: number,
  minVertices: number,
): void {
  const ring = (arcIndexes: number[]): void => {
    // One endpoint per arc is a distinct junction; interior vertices are counted when kept.
    let kept = arcIndexes.length;
    const dropped: number[][] = [];
    for (const index of arcIndexes) {
      const arc = topo.arcs[index < 0 ? ~index : index] ?? [];
      for (let i = 1; i + 1 < arc.length; i++) {
        const point = arc[i] as number[];
        if ((point[2] ?? 0) >= minWeight) kept++;
        else dropped.push(point);
      }
    }
    if (kept >= minVertices || dropped.length === 0) return;
    dropped.sort((a, b) => (b[2] ?? 0) - (a[2] ?? 0));
    for (const point of dropped.slice(0, minVertices - kept)) point[2] = Infinity;
  };
  for (const g of geometries) {
    if (g.type === 'Polygon') g.arcs.forEach(ring);
    else g.arcs.forEach((polygon) => polygon.forEach(ring));
  }
}

/** The layer's objects as GeoJSON features (shared borders identical on both sides). */
export function layerFeatures<P>(layer: SimplifiedLayer<P>): PolygonFeature<P>[] {
  return layer.geometries.map((g) => {
    const f = feature(layer.topology, g as TopoJSON.Polygon) as Feature<Polygon | MultiPolygon>;
    return { type: 'Feature', properties: g.properties, geometry: f.geometry };
  });
}

/**
 * Unions of the layer's objects grouped by `keyOf` (objects whose key is null are left out),
 * stitched from the shared arcs so that the unions' borders are exactly their members' borders.
 */
export function mergeLayer<P>(layer: SimplifiedLayer<P>, keyOf: (properties: P) => string | null): Map<string, MultiPolygon> {
  const groups = new Map<string, TopoPolygonal<P>[]>();
  for (const g of layer.geometries) {
    const key = keyOf(g.properties);
    if (key === null) continue;
    const members = groups.get(key);
    if (members) members.push(g);
    else groups.set(key, [g]);
  }
  const unions = new Map<string, MultiPolygon>();
  for (const [key, members] of groups) {
    unions.set(key, merge(layer.topology, members as (TopoJSON.Polygon | TopoJSON.MultiPolygon)[]));
  }
  return unions;
}
