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

export interface ObjectiveSummary {
  id: string;
  example: boolean;
  example_notice?: string;
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

export function objectivesOptions() {
  return queryOptions({
    queryKey: ['objectives'] as const,
    queryFn: ({ signal }) => fetchJson<ObjectivesResponse>('/api/objectives', signal),
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
