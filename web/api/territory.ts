/**
 * One territory's detail and profile (`/api/territories/{level}/{code}?year=`) and the values
 * of a level with names (`/api/map?…&names=true`, for the territory table), as react-query
 * options whose keys hold every parameter.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ProfileEntry } from '../../server/services/profile.ts';
import type { TerritoryValue } from '../../server/services/values.ts';
import type { SchoolType, Sector } from '../../server/indicators/catalog.ts';
import type { TerritoryRef } from '../state/url.ts';
import { fetchJson } from './client.ts';
import { withRows, type MapColumnsResponse } from './mapColumns.ts';
import type { Level, MapResponse } from './types.ts';

export type { ProfileEntry, TerritoryValue };

export interface TerritoryParent {
  level: Level;
  code: string;
  name: string;
}

export interface TerritoryDetail {
  territory: {
    level: Level;
    code: string;
    name: string;
    population: number | null;
    area_km2: number | null;
    density: number | null;
  };
  /** région, académie, département (those above the territory), top-down */
  parents: TerritoryParent[];
  /** what `parent_value` and `index` compare with: the parent, or France for a région */
  compared_with: { level: Level | 'france'; code: string; name: string };
  children: { level: Level | 'school'; items: { code: string; name: string }[] };
  min_schools: number;
  profile: ProfileEntry[];
}

/** A territory with its parents, children and every indicator for `year` (see the API). */
export function territoryOptions(ref: TerritoryRef, year: number) {
  const { level, code } = ref;
  return queryOptions({
    queryKey: ['territory', { level, code, year }] as const,
    queryFn: ({ signal }) =>
      fetchJson<TerritoryDetail>(`/api/territories/${level}/${encodeURIComponent(code)}?year=${year}`, signal),
    staleTime: 10 * 60_000,
  });
}

export interface NamedMapResponse extends Omit<MapResponse, 'values'> {
  values: TerritoryValue[];
  min_schools: number;
}

export interface TableSelection {
  indicator: string;
  level: Level;
  year: number;
  within: TerritoryRef | null;
  schoolType: SchoolType | null;
  sector: Sector | null;
}

/** Every territory of a selection with its name, value and number of schools. */
export function namedValuesOptions(sel: TableSelection) {
  const { indicator, level, year, schoolType, sector } = sel;
  const within = sel.within ? `${sel.within.level}:${sel.within.code}` : null;
  const params = new URLSearchParams({ indicator, level, year: String(year), names: 'true' });
  if (within) params.set('within', within);
  if (schoolType) params.set('school_type', schoolType);
  if (sector) params.set('sector', sector);
  // as columns: ~35,000 communes with names parse several times faster (mapColumns.ts)
  params.set('format', 'columns');
  return queryOptions({
    queryKey: ['map-names', { indicator, level, year, within, schoolType, sector }] as const,
    queryFn: ({ signal }) => fetchJson<MapColumnsResponse>(`/api/map?${params.toString()}`, signal).then((r) => withRows(r) as NamedMapResponse),
    staleTime: 10 * 60_000,
  });
}

export interface TerritoryListResponse {
  level: Level;
  within: string | null;
  territories: { level: Level; code: string; name: string; population: number | null }[];
}

/** Every territory of a level (code, name, parents, population): names for codes. */
export function territoriesOptions(level: Level) {
  return queryOptions({
    queryKey: ['territories', { level }] as const,
    queryFn: ({ signal }) => fetchJson<TerritoryListResponse>(`/api/territories?level=${level}`, signal),
    staleTime: Infinity,
  });
}
