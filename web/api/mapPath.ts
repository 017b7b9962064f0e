/**
 * The `/api/map` request of a view, as a path: shared by the query (queries.ts) and the page's
 * first module (web/boot/prefetch.ts), which sends it before React starts. Both must build the
 * same string for the early answer to be used. Pure, light: no React, no query client.
 */
import type { Indicator } from '../../server/indicators/catalog.ts';
import { refString, type ViewState } from '../state/url.ts';
import type { Level, SchoolType, Sector } from './types.ts';

/** School filters shared by the map values and the school points (null: all). */
export interface SchoolFilters {
  schoolType: SchoolType | null;
  sector: Sector | null;
}

export const NO_FILTERS: SchoolFilters = { schoolType: null, sector: null };

/** `params` with the parent and school filters that are set, as a query string. */
export function filterParams(params: URLSearchParams, within: string | null, { schoolType, sector }: SchoolFilters): string {
  if (within) params.set('within', within);
  if (schoolType) params.set('school_type', schoolType);
  if (sector) params.set('sector', sector);
  return params.toString();
}

/**
 * The path of the values of one indicator for every territory of `level` (optionally within a
 * parent), as columns (mapColumns.ts).
 */
export function mapValuesPath(indicator: string, level: Level, year: number, within: string | null = null, filters: SchoolFilters = NO_FILTERS): string {
  const params = new URLSearchParams({ indicator, level, year: String(year) });
  filterParams(params, within, filters);
  params.set('format', 'columns');
  return `/api/map?${params.toString()}`;
}

/** What a view asks /api/map for: its indicator (else the first), level, year, parent, and school filters when per school. */
export function viewMapRequest(view: ViewState, indicators: readonly Indicator[]) {
  const indicator = indicators.find((i) => i.id === view.indicator) ?? (indicators[0] as Indicator);
  // school filters and points only exist for indicators computed per school
  const perSchool = indicator.grain === 'school';
  const filters: SchoolFilters = perSchool ? { schoolType: view.schoolType, sector: view.sector } : NO_FILTERS;
  return { indicator: indicator.id, level: view.level, year: view.year, within: view.within ? refString(view.within) : null, filters };
}
