// Surface facts of a real (untransformed) commune polygon: geodesic area and a point guaranteed
// to lie strictly inside it (for labels, school fallbacks and joins). Pure, no I/O.
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Geodesic area of a Polygon or MultiPolygon in km² (turf.area, WGS84 sphere). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / 1e6;
}

/** True when `[lon, lat]` is strictly inside the geometry (not on its boundary, not in a hole). */
export function isStrictlyInside(point: readonly [number, number], geometry: Polygon | MultiPolygon): boolean {
  return booleanPointInPolygon([point[0], point[1]], geometry, { ignoreBoundary: true });
}

/**
 * A point strictly inside the geometry, `[lon, lat]`. Tries turf.pointOnFeature (the vertex
 * centroid when it falls inside); turf falls back to a boundary vertex, so when its answer is not
 * strictly inside, the midpoint of the widest interior span of a horizontal scan line through the
 * largest part is used instead (the JTS InteriorPointArea rule). Returns null only for a geometry
 * with no area.
 */
export function pointOnSurface(geometry: Polygon | MultiPolygon): [number, number] | null {
  const turfPoint = pointOnFeature(geometry).geometry.coordinates;
  const candidate: [number, number] = [turfPoint[0] ?? NaN, turfPoint[1] ?? NaN];
  if (isStrictlyInside(candidate, geometry)) return candidate;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const bySize = [...polygons].sort((a, b) => Math.abs(ringArea(b[0] ?? [])) - Math.abs(ringArea(a[0] ?? [])));
  for (const polygon of bySize) {
    const p = scanLinePoint(polygon);
    if (p && isStrictlyInside(p, geometry)) return p;
  }
  return null;
}

/** Planar signed area of a closed ring (positive when counter-clockwise), in squared units. */
export function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    twice += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return twice / 2;
}

/**
 * Midpoint of the widest span where a horizontal line crosses the polygon's interior. The line's
 * latitude is halfway between the two vertex latitudes nearest the middle of the exterior ring's
 * extent, so it passes through no vertex.
 */
export function scanLinePoint(polygon: readonly (readonly Position[])[]): [number, number] | null {
  const outer = polygon[0];
  if (!outer || outer.length < 4) return null;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of outer) {
    const y = p[1] as number;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const mid = (minY + maxY) / 2;
  let below = minY;
  let above = maxY;
  for (const ring of polygon) {
    for (const p of ring) {
      const y = p[1] as number;
      if (y <= mid && y > below) below = y;
      if (y > mid && y < above) above = y;
    }
  }
  const scanY = (below + above) / 2;
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      if (ay > scanY !== by > scanY) xs.push(ax + ((scanY - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let widest = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = (xs[i + 1] as number) - (xs[i] as number);
    if (width > widest) {
      widest = width;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, scanY];
    }
  }
  return best;
}
