/**
 * Response types of the HTTP API (ARCHITECTURE.md, "HTTP API"). The indicator type itself comes
 * from the shared catalog; these mirror the server's route outputs until `hc<AppType>` is wired.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Indicator, Level, Localized, Provenance, SchoolType, Sector } from '../../server/indicators/catalog.ts';

export type { Indicator, Level, Localized, Provenance, SchoolType, Sector };

export interface IndicatorsResponse {
  /** build id of the served warehouse whose years the indicators carry (absent in the bundled copy) */
  build?: string;
  indicators: Indicator[];
}

export interface MapValue {
  code: string;
  /** null when there is no data */
  value: number | null;
  /** schools behind the value (null for indicators computed per commune) */
  n: number | null;
  /** true when fewer than `min_schools` schools are behind the value */
  low_n?: boolean;
  num: number | null;
  den: number | null;
  /** share of the schools behind the value whose value is partners' imported data (importable indicators) */
  imported_share?: number | null;
}

export interface MapResponse {
  indicator: string;
  level: Level;
  year: number;
  within: string | null;
  school_type?: SchoolType | null;
  sector?: Sector | null;
  provenance: Provenance | 'mixed';
  /** "données fictives …" for synthetic values, a warning for historical ones */
  notice?: string;
  /** importable indicators: 'mixed' when imported and demo values are shown together, with the imported share */
  imported_share?: number | null;
  /** the sources of the values shown (the importing bodies and dates for imported ones) */
  sources?: Indicator['sources'];
  /** the importing bodies behind imported values, latest first */
  imports?: { body: string; date: string; schools: number }[];
  unit: Localized | string;
  min_schools?: number;
  values: MapValue[];
  stats: { count: number; min: number | null; max: number | null; mean: number | null };
}

/** Columns of `/api/schools` rows, in order (server/routes/schools.ts). */
export type SchoolRow = [
  uai: string,
  name: string,
  schoolType: SchoolType,
  sector: Sector,
  communeCode: string,
  positionQuality: 'exact' | 'commune',
  lon: number | null,
  lat: number | null,
  displayLon: number | null,
  displayLat: number | null,
  pupils: number | null,
  value: number | null,
];

export interface SchoolsResponse {
  indicator: string;
  year: number;
  within: string | null;
  school_type: SchoolType | null;
  sector: Sector | null;
  unit: Localized;
  provenance: Provenance;
  notice?: string;
  count: number;
  columns: readonly string[];
  rows: SchoolRow[];
}

/** One row of `/api/territories?level=&within=`. */
export interface TerritoryEntry {
  level: Level;
  code: string;
  name: string;
  region_code: string | null;
  academie_code: string | null;
  departement_code: string | null;
}

export interface TerritoriesResponse {
  level: Level;
  within: string | null;
  territories: TerritoryEntry[];
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
