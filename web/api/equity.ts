/**
 * `/api/equity` for the map: the spatial part (Moran's I, significant LISA clusters) of one
 * indicator and year over the units `by` of a territory (`within`, France when null). Every
 * parameter is in the key.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Direction, Provenance } from '../../server/indicators/catalog.ts';
import { fetchJson } from './client.ts';

export const LISA_CLUSTERS = ['high-high', 'low-low', 'high-low', 'low-high'] as const;
export type LisaCluster = (typeof LISA_CLUSTERS)[number];

export interface LisaEntry {
  code: string;
  cluster: LisaCluster;
  p: number;
  value: number;
}

/** The parts of the response the map uses. */
export interface EquityResponse {
  indicator: string;
  direction: Direction;
  year: number;
  within: string | null;
  by: 'academie' | 'departement' | 'commune' | 'school';
  provenance: Provenance;
  spatial: {
    neighbourhood: string;
    units: number;
    moran: { I: number; p_value: number; permutations: number } | null;
    note?: string;
    lisa: {
      clusters: LisaEntry[];
      counts: Record<LisaCluster | 'not-significant', number>;
      underserved_cluster: LisaCluster | null;
    } | null;
  };
}

export type EquityUnit = 'academie' | 'departement' | 'commune';

export function equityOptions(indicator: string, year: number, within: string | null, by: EquityUnit) {
  const params = new URLSearchParams({ indicator, year: String(year), by });
  if (within) params.set('within', within);
  return queryOptions({
    queryKey: ['equity', { indicator, year, within, by }] as const,
    queryFn: ({ signal }) => fetchJson<EquityResponse>(`/api/equity?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}
