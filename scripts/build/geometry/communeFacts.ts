// Per-commune facts for the warehouse, computed on the real (untransformed) polygons: geodesic
// area, a point inside the commune and its map (display) position. Communes without a polygon
// of their own are kept, placed at the point of the commune whose polygon holds their land.
import { toDisplay } from './dromLayout.ts';
import type { CommuneWithoutGeometry } from './inputs.ts';
import type { CommuneShape } from './levels.ts';
import { areaKm2, pointOnSurface } from './surface.ts';

/** What the warehouse needs to know about a commune's geometry. */
export interface CommuneFacts {
  /** Geodesic area in km²; null without a polygon. */
  areaKm2: number | null;
  /** A point strictly inside the commune's real polygon (WGS84). */
  lon: number | null;
  lat: number | null;
  /** The same point on the map (DROM moved into their insets). */
  displayLon: number | null;
  displayLat: number | null;
  /** False for the communes listed as having no polygon of their own. */
  hasGeometry: boolean;
}

/**
 * Facts for every commune polygon, plus one entry per commune without polygon. Such a commune
 * gets `hasGeometry: false`, a null area, and the point of its host `hostOf.get(code)` when that
 * host has a polygon in the same département (else a null point).
 */
export function communeFacts(
  communes: readonly CommuneShape[],
  withoutGeometry: readonly CommuneWithoutGeometry[],
  hostOf?: ReadonlyMap<string, string>,
): Map<string, CommuneFacts> {
  const facts = new Map<string, CommuneFacts>();
  const depOf = new Map<string, string>();
  for (const c of communes) {
    const point = pointOnSurface(c.geometry);
    const display = point ? toDisplay(point[0], point[1], c.dep) : null;
    facts.set(c.code, {
      areaKm2: areaKm2(c.geometry),
      lon: point?.[0] ?? null,
      lat: point?.[1] ?? null,
      displayLon: display?.[0] ?? null,
      displayLat: display?.[1] ?? null,
      hasGeometry: true,
    });
    depOf.set(c.code, c.dep);
  }
  for (const c of withoutGeometry) {
    if (facts.has(c.code)) continue; // listed but has a polygon after all: keep the polygon's facts
    const hostCode = hostOf?.get(c.code);
    const host = hostCode !== undefined && depOf.get(hostCode) === c.dep ? facts.get(hostCode) : undefined;
    facts.set(c.code, {
      areaKm2: null,
      lon: host?.lon ?? null,
      lat: host?.lat ?? null,
      displayLon: host?.displayLon ?? null,
      displayLat: host?.displayLat ?? null,
      hasGeometry: false,
    });
  }
  return facts;
}
