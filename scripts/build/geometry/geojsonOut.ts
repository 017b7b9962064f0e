// Web output of display geometry: coordinates rounded to a fixed number of decimals, rings kept
// valid (closed, no repeated vertex, at least 3 distinct vertices, non-zero area), wound as
// RFC 7946 wants (exterior counter-clockwise, holes clockwise), then serialised. Pure, no I/O.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringArea } from './surface.ts';

/** Default coordinate precision: 1e-5° ≈ 1 m; the source data is on a 1e-4° grid. */
export const DECIMALS = 5;

/**
 * A ring rounded to `decimals`, without consecutive duplicates, closed, and oriented
 * counter-clockwise when `exterior` (clockwise otherwise); null when it has no area left.
 */
export function cleanRing(ring: readonly Position[], decimals: number, exterior: boolean): Position[] | null {
  const k = 10 ** decimals;
  const out: Position[] = [];
  for (const p of ring) {
    const x = Math.round((p[0] as number) * k) / k;
    const y = Math.round((p[1] as number) * k) / k;
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0] as number, first[1] as number]);
  if (out.length < 4) return null;
  const area = ringArea(out);
  if (area === 0) return null;
  if (area > 0 !== exterior) out.reverse();
  return out;
}

/**
 * The geometry with every ring cleaned (see cleanRing). Polygons whose exterior ring has no area
 * are dropped; a MultiPolygon left with one part becomes a Polygon; null when nothing is left.
 */
export function cleanGeometry(geometry: Polygon | MultiPolygon, decimals = DECIMALS): Polygon | MultiPolygon | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon;
    const exterior = outer ? cleanRing(outer, decimals, true) : null;
    if (!exterior) continue;
    const interiors = holes.map((h) => cleanRing(h, decimals, false)).filter((h): h is Position[] => h !== null);
    kept.push([exterior, ...interiors]);
  }
  if (kept.length === 0) return null;
  if (kept.length === 1) return { type: 'Polygon', coordinates: kept[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: kept };
}

/** Number of vertex positions in a Polygon or MultiPolygon (closing positions included). */
export function countPositions(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  return n;
}

/** A display feature as written to the web files: properties `code` and `name` only. */
export interface DisplayFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: Polygon | MultiPolygon;
}

/** Compact GeoJSON text of a FeatureCollection, one feature per line (readable diffs, no indent). */
export function serializeFeatureCollection(features: readonly DisplayFeature[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: { code: f.properties.code, name: f.properties.name }, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
