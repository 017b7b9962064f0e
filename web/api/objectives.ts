/**
 * Convention objectives (`/api/objectives`, `/api/objectives/{id}`) as react-query options, and
 * the shapes of their answers (see server/routes/objectives.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import type { LeftBehindCommune, LeftBehindSchool, YearValue } from '../../server/objectives/compute.ts';
import { fetchJson } from './client.ts';

export type { LeftBehindCommune, LeftBehindSchool };

export interface ObjectiveSource {
  id: string;
  producer: string;
  title: string;
  vintage: string;
  url?: string;
  licence?: string;
}

export type ObjectiveStatus = 'met' | 'on_track' | 'late' | 'off_track' | 'insufficient_data';
type Localized = { fr: string; en: string };
type Op = '>=' | '<=';

/** Where an imported objective comes from (the import's file, body, date and checksum). */
export interface ObjectiveImport {
  import_id: string;
  file_name: string;
  body: string;
  imported_at: string;
  checksum_sha256: string;
}

export interface ObjectiveSummary {
  id: string;
  example: boolean;
  example_notice?: string;
  /** shipped: a fictitious example of examples.json; imported: a partner's objective */
  origin: 'shipped' | 'imported';
  imported: ObjectiveImport | null;
  title: Localized;
  description: Localized | null;
  convention: { id: string; title: string };
  partner: { id: string; name: string; kind: string };
  indicator: { id: string; label: Localized; unit: Localized; direction: string };
  scope: { territory: string; territory_name: string | null; school_type: string | null; sector: string | null };
  judged_by: 'share_of_schools' | 'territory_value';
  threshold: { op: Op; value: number } | null;
  target: { op: Op; value: number };
  baseline_year: number;
  deadline: number | string;
  deadline_year: number;
  source: string | null;
  status: ObjectiveStatus;
  status_label: Localized;
  latest_year: number | null;
  latest_value: number | null;
  expected_year: number | null;
  schools_below: number;
  provenance: string;
  notice?: string | null;
  sources: ObjectiveSource[];
}

export interface ObjectivesResponse {
  build_id: string;
  built_at: string;
  count: number;
  filters: { partner: string | null; convention: string | null; examples: boolean };
  rule: Localized;
  objectives: ObjectiveSummary[];
}

export interface ObjectiveProjection {
  points: number | null;
  slope_per_year: number | null;
  intercept: number | null;
  slope_se: number | null;
  crossing_year: number | null;
  crossing_low: number | null;
  crossing_high: number | null;
  bounded: boolean;
  expected_year: number | null;
  expected_year_low: number | null;
  expected_year_high: number | null;
}

export interface ObjectiveDetail extends ObjectiveSummary {
  build_id: string;
  built_at: string;
  rule: Localized;
  series: (YearValue & { target: number })[];
  projection: ObjectiveProjection;
  left_behind: {
    year: number | null;
    bar: { op: Op; value: number };
    school_count: number;
    commune_count: number;
    schools: LeftBehindSchool[];
    communes: LeftBehindCommune[];
  };
}

/** Filters of the list (`/api/objectives?convention=&partner=`). */
export interface ObjectivesFilter {
  convention?: string | null;
  partner?: string | null;
}

/** The API path of the list with its filters (keys in a fixed order, empty ones left out). */
export function objectivesUrl(f: ObjectivesFilter = {}): string {
  const p = new URLSearchParams();
  if (f.convention) p.set('convention', f.convention);
  if (f.partner) p.set('partner', f.partner);
  const q = p.toString();
  return `/api/objectives${q ? `?${q}` : ''}`;
}

export function objectivesOptions(f: ObjectivesFilter = {}) {
  return queryOptions({
    queryKey: ['objectives', f.convention ?? null, f.partner ?? null] as const,
    queryFn: ({ signal }) => fetchJson<ObjectivesResponse>(objectivesUrl(f), signal),
    staleTime: 10 * 60_000,
  });
}

export function objectiveOptions(id: string) {
  return queryOptions({
    queryKey: ['objective', id] as const,
    queryFn: ({ signal }) => fetchJson<ObjectiveDetail>(`/api/objectives/${encodeURIComponent(id)}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** The CSV of the schools (or communes) still below the bar. */
export const leftBehindCsvUrl = (id: string, level: 'school' | 'commune' = 'school') =>
  `/api/objectives/${encodeURIComponent(id)}/left-behind.csv${level === 'commune' ? '?level=commune' : ''}`;
