/**
 * Query-option factories of the profile and compare pages: an indicator's series over a
 * territory (with France), the equity block of a territory, and several territories side by side.
 * Response types are inferred from the server's routes through Hono's client types (`hc`), so
 * they cannot drift from what the server sends. Every parameter is in the query key.
 */
import { queryOptions } from '@tanstack/react-query';
import type { hc, InferResponseType } from 'hono/client';
import type { compareRoutes } from '../../server/routes/compare.ts';
import type { equityRoutes } from '../../server/routes/equity.ts';
import type { seriesRoutes } from '../../server/routes/series.ts';
import { fetchJson } from './client.ts';

type SeriesClient = ReturnType<typeof hc<ReturnType<typeof seriesRoutes>>>;
type EquityClient = ReturnType<typeof hc<ReturnType<typeof equityRoutes>>>;
type CompareClient = ReturnType<typeof hc<ReturnType<typeof compareRoutes>>>;

export type SeriesResponse = InferResponseType<SeriesClient['index']['$get'], 200>;
export type EquityResponse = InferResponseType<EquityClient['index']['$get'], 200>;
export type CompareResponse = InferResponseType<CompareClient['index']['$get'], 200>;

/** What /api/equity measures inequality over. */
export type EquityUnit = 'school' | 'commune';

/** Every year of `indicator` over `territory` (`<level>:<code>`), France alongside. */
export function seriesOptions(indicator: string, territory: string) {
  const params = new URLSearchParams({ indicator, territory });
  return queryOptions({
    queryKey: ['series', { indicator, territory }] as const,
    queryFn: ({ signal }) => fetchJson<SeriesResponse>(`/api/series?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** Inequality of `indicator` over the schools or communes of `within` (`<level>:<code>`). */
export function equityOptions(indicator: string, year: number, within: string, by: EquityUnit) {
  const params = new URLSearchParams({ indicator, year: String(year), within, by });
  return queryOptions({
    queryKey: ['equity', { indicator, year, within, by }] as const,
    queryFn: ({ signal }) => fetchJson<EquityResponse>(`/api/equity?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** Several territories (`<level>:<code>`) on the same indicators for `year`. */
export function compareOptions(territories: readonly string[], indicators: readonly string[], year: number) {
  const params = new URLSearchParams({ territories: territories.join(','), year: String(year) });
  if (indicators.length) params.set('indicators', indicators.join(','));
  return queryOptions({
    queryKey: ['compare', { territories: [...territories], indicators: [...indicators], year }] as const,
    queryFn: ({ signal }) => fetchJson<CompareResponse>(`/api/compare?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}
