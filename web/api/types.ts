/**
 * Response types of the HTTP API (ARCHITECTURE.md, "HTTP API"). The indicator type itself comes
 * from the shared catalog; these mirror the server's route outputs until `hc<AppType>` is wired.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Indicator, Level, Localized, Provenance } from '../../server/indicators/catalog.ts';

export type { Indicator, Level, Localized, Provenance };

export interface IndicatorsResponse {
  indicators: Indicator[];
}

export interface MapValue {
  code: string;
  /** null when there is no data */
  value: number | null;
  /** schools behind the value */
  n: number;
  num: number | null;
  den: number | null;
}

export interface MapResponse {
  indicator: string;
  level: Level;
  year: number;
  within: string | null;
  provenance: Provenance;
  unit: Localized | string;
  values: MapValue[];
  stats: { count: number; min: number | null; max: number | null; mean: number | null };
}

export interface HealthResponse {
  status: string;
  build: { id: string; builtAt: string };
  sources: { id: string; title: string; producer: string; vintage: string }[];
}

export interface TerritoryProperties {
  code: string;
  name: string;
}

export type TerritoryCollection = FeatureCollection<Geometry, TerritoryProperties>;

/** The error body of every 4xx answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; param?: string | null };
}
