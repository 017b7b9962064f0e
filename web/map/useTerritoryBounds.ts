/**
 * Bounds of territories, to fit the map to a drilled territory. Tiles hold no whole shapes, so
 * the bounds come from the level's display GeoJSON (régions 44 kB, académies 62 kB,
 * départements 109 kB gzipped): fetched only for a drill-down and prefetched once the map is
 * ready at a level one can drill from, so a click flies at once.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { geometryOptions } from '../api/queries.ts';
import type { TerritoryCollection } from '../api/types.ts';
import type { MapLevel, TerritoryRef } from '../state/url.ts';
import { boundsOf, type Bounds } from './style.ts';

/** code → [west, south, east, north] of every feature of a collection (features of a code merged). */
export function boundsByCode(fc: TerritoryCollection): Map<string, Bounds> {
  const out = new Map<string, Bounds>();
  for (const f of fc.features) {
    const b = boundsOf({ type: 'FeatureCollection', features: [f] });
    if (!b) continue;
    const prev = out.get(f.properties.code);
    out.set(f.properties.code, prev ? [Math.min(prev[0], b[0]), Math.min(prev[1], b[1]), Math.max(prev[2], b[2]), Math.max(prev[3], b[3])] : b);
  }
  return out;
}

/**
 * The bounds of `ref`: a box, null for France (`ref` null, or a territory without geometry, or
 * bounds that failed to load), undefined while loading. The array is stable for a territory.
 */
export function useTerritoryBounds(ref: TerritoryRef | null): Bounds | null | undefined {
  const level = ref?.level ?? 'region';
  const query = useQuery({ ...geometryOptions(level), select: boundsByCode, enabled: ref !== null && ref.level !== 'commune' });
  if (!ref || query.isError) return null;
  return query.data ? (query.data.get(ref.code) ?? null) : undefined;
}

/** Prefetches the bounds of `level` when `ready` (the map drawn), if its territories can be drilled into. */
export function usePrefetchBounds(level: MapLevel, ready: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (ready && level !== 'commune') void client.prefetchQuery(geometryOptions(level));
  }, [client, level, ready]);
}
