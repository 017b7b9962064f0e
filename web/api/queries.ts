/**
 * Query-option factories for @tanstack/react-query. Every parameter of a request is in its key,
 * so changing any of them is a different cache entry.
 */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './client.ts';
import type {
  HealthResponse,
  IndicatorsResponse,
  Level,
  MapResponse,
  TerritoryCollection,
} from './types.ts';

/** The indicator catalog; it only changes with a deploy. */
export function indicatorsOptions() {
  return queryOptions({
    queryKey: ['indicators'] as const,
    queryFn: ({ signal }) => fetchJson<IndicatorsResponse>('/api/indicators', signal),
    staleTime: Infinity,
  });
}

/** Values of one indicator for every territory of `level` (optionally within a parent). */
export function mapValuesOptions(indicator: string, level: Level, year: number, within: string | null = null) {
  const params = new URLSearchParams({ indicator, level, year: String(year) });
  if (within) params.set('within', within);
  return queryOptions({
    queryKey: ['map', { indicator, level, year, within }] as const,
    queryFn: ({ signal }) => fetchJson<MapResponse>(`/api/map?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** Display geometry of a level (features with `code` and `name`). */
export function geometryOptions(level: Level) {
  return queryOptions({
    queryKey: ['geo', level] as const,
    queryFn: ({ signal }) => fetchJson<TerritoryCollection>(`/geo/${level}.geojson`, signal),
    staleTime: Infinity,
  });
}

/** Frames of the overseas insets. */
export function insetsOptions() {
  return queryOptions({
    queryKey: ['geo', 'insets'] as const,
    queryFn: ({ signal }) => fetchJson<TerritoryCollection>('/geo/insets.geojson', signal),
    staleTime: Infinity,
  });
}

/** Build id and time of the served warehouse. */
export function healthOptions() {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => fetchJson<HealthResponse>('/api/health', signal),
    staleTime: 5 * 60_000,
  });
}
