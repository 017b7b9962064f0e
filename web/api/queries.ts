/**
 * Query-option factories for @tanstack/react-query. Every parameter of a request is in its key,
 * so changing any of them is a different cache entry.
 */
import { queryOptions } from '@tanstack/react-query';
import { INDICATORS } from '../../server/indicators/catalog.ts';
import { INSETS_URL } from '../map/layers.ts';
import { fetchJson } from './client.ts';
import { withRows, type MapColumnsResponse } from './mapColumns.ts';
import { filterParams, mapValuesPath, NO_FILTERS, viewMapRequest, type SchoolFilters } from './mapPath.ts';
import type { ViewState } from '../state/url.ts';
import type {
  HealthResponse,
  Indicator,
  IndicatorsResponse,
  Level,
  SchoolsResponse,
  TerritoriesResponse,
  TerritoryCollection,
} from './types.ts';

/**
 * The indicator catalog. The page starts from the copy bundled here (server/indicators/catalog.ts,
 * same deploy), so the first map request does not wait for a round trip, and fetches
 * `/api/indicators` at once: its years are those the served warehouse holds (an imported release
 * adds some without a new web build), with each year's provenance and vintage (`yearDetails`,
 * which the bundled copy lacks: see web/state/years.ts).
 */
export function indicatorsOptions() {
  return queryOptions({
    queryKey: ['indicators'] as const,
    queryFn: ({ signal }) => fetchJson<IndicatorsResponse>('/api/indicators', signal),
    initialData: { indicators: [...INDICATORS] },
    // the bundled copy is stale from the start: the served catalog replaces it on mount
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
  });
}

/**
 * Values of one indicator for every territory of `level`, optionally within a parent
 * (`<level>:<code>`) and for one school type or sector.
 */
export function mapValuesOptions(
  indicator: string,
  level: Level,
  year: number,
  within: string | null = null,
  filters: SchoolFilters = NO_FILTERS,
) {
  const { schoolType, sector } = filters;
  const path = mapValuesPath(indicator, level, year, within, filters);
  return queryOptions({
    queryKey: ['map', { indicator, level, year, within, schoolType, sector }] as const,
    queryFn: ({ signal }) => fetchJson<MapColumnsResponse>(path, signal).then(withRows),
    staleTime: 10 * 60_000,
  });
}

/**
 * The /api/map query of a view: its indicator (else the first), level, year, parent, and the
 * school filters when the indicator is computed per school. App prefetches it on a change, so the
 * request leaves before the new view renders.
 */
export function viewValuesOptions(view: ViewState, indicators: readonly Indicator[]) {
  const r = viewMapRequest(view, indicators);
  return mapValuesOptions(r.indicator, r.level, r.year, r.within, r.filters);
}

/** Every school of a selection with its position and value (compact rows). */
export function schoolsOptions(indicator: string, year: number, within: string | null, filters: SchoolFilters) {
  const { schoolType, sector } = filters;
  const query = filterParams(new URLSearchParams({ indicator, year: String(year) }), within, filters);
  return queryOptions({
    queryKey: ['schools', { indicator, year, within, schoolType, sector }] as const,
    queryFn: ({ signal }) => fetchJson<SchoolsResponse>(`/api/schools?${query}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** Territories of a level (names and parent codes), optionally within a parent `<level>:<code>`. */
export function territoriesOptions(level: Level, within: string | null = null) {
  const params = new URLSearchParams({ level });
  if (within) params.set('within', within);
  return queryOptions({
    queryKey: ['territories', { level, within }] as const,
    queryFn: ({ signal }) => fetchJson<TerritoriesResponse>(`/api/territories?${params.toString()}`, signal),
    staleTime: Infinity,
  });
}

/** Display geometry of a level (features with `code` and `name`); the map uses it for bounds. */
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
    queryFn: ({ signal }) => fetchJson<TerritoryCollection>(INSETS_URL, signal),
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
