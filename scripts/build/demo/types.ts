/**
 * The demo layer's input (one real school with its real context) and output (one simulated row
 * per school and year, the `school_demo` table). Every output value is fiction ("données fictives").
 */
import type { SchoolType, Sector } from '../../../server/indicators/catalog.ts';

/** The access technologies a school may have, from worst to best. */
export const ACCESS_TECHS = ['satellite', 'adsl', '4g5g', 'vdsl', 'fibre'] as const;
export type AccessTech = (typeof ACCESS_TECHS)[number];

/** What the generator reads about one school: all real open data, any of it may be missing. */
export interface DemoSchoolInput {
  uai: string;
  schoolType: SchoolType;
  sector: Sector;
  departementCode: string;
  /** density of the school's commune, inhabitants per km² */
  communeDensity: number | null;
  /** ARCEP Q1 2018 share of the commune's premises FttH-ready, 0..1 */
  communeFtthShare: number | null;
  /** real 2022 headcount */
  pupils: number | null;
  /** DEPP social position index (about 60-150, mean about 100) */
  ips: number | null;
  /** the school's real position (WGS84); unknown → no spatial component */
  lon?: number | null;
  lat?: number | null;
}

/** One simulated school year (year N = rentrée N). */
export interface DemoRow {
  uai: string;
  year: number;
  accessTech: AccessTech;
  bandwidthContractedMbps: number;
  /** ≤ bandwidthContractedMbps */
  bandwidthMeasuredMbps: number;
  /** teaching computers and tablets */
  devices: number;
  /** devices under 5 years old, ≤ devices */
  devicesRecent: number;
  interactiveDisplays: number;
  maintenanceDelayDays: number;
  /** pupils active on the ENT at least monthly, ≤ pupils; null when the real headcount is unknown */
  entActivePupils: number | null;
  entActiveTeachers: number;
}

export interface DemoOptions {
  seed: string;
  years: readonly number[];
}
