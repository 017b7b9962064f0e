/**
 * Builds the `schools` and `school_years` rows from the parsed IPS files: one school per UAI
 * (name, type, sector and commune from its latest year), its commune re-coded to COG 2026, and a
 * position: the exact one from the establishment file when usable, else its commune's point on
 * surface (`position_quality = 'commune'`).
 */
import type { SchoolType } from '../../server/indicators/catalog.ts';
import type { IpsRow } from '../parse/ips.ts';
import { resolveCommune, type Resolution } from './cog.ts';
import type { BuildReport } from './report.ts';

export interface SchoolRow {
  uai: string;
  name: string;
  school_type: SchoolType;
  sector: 'public' | 'prive';
  commune_code: string;
  departement_code: string;
  academie_code: string | null;
  region_code: string | null;
  lycee_type: string | null;
  lat: number | null;
  lon: number | null;
  position_quality: 'exact' | 'commune' | 'none';
  display_lon: number | null;
  display_lat: number | null;
}

export interface SchoolYearRow {
  uai: string;
  year: number;
  pupils: number | null;
  ips: number | null;
}

export interface CommunePlace {
  departement_code: string | null;
  academie_code: string | null;
  region_code: string | null;
  lon: number | null;
  lat: number | null;
  displayLon: number | null;
  displayLat: number | null;
}

export interface SchoolInputs {
  ips: { rows: IpsRow[]; source: { id: string; file: string } }[];
  aliases: Map<string, Resolution>;
  communes: Map<string, CommunePlace>;
  exact: Map<string, { lat: number; lon: number }>;
  toDisplay: (lon: number, lat: number, departementCode: string) => [number, number];
}

export interface SchoolsResult {
  schools: SchoolRow[];
  years: SchoolYearRow[];
  /** IPS rows read, and those whose commune joined a current commune */
  rowsRead: number;
  rowsJoined: number;
  aliasKinds: Record<string, number>;
}

/** Merges the IPS rows of every file into schools and per-year rows. */
export function buildSchools(input: SchoolInputs, report: BuildReport): SchoolsResult {
  const latest = new Map<string, { row: IpsRow; commune: string }>();
  const years = new Map<string, SchoolYearRow>();
  const aliasKinds: Record<string, number> = {};
  let rowsRead = 0;
  let rowsJoined = 0;
  for (const { rows, source } of input.ips) {
    for (const row of rows) {
      rowsRead++;
      const res = resolveCommune(input.aliases, row.communeCode);
      if (!res || !input.communes.has(res.code)) {
        report.add({ source: source.id, file: source.file, line: row.line, reason: 'commune code unknown in COG 2026', value: `${row.communeCode} ${row.communeName}` });
        continue;
      }
      rowsJoined++;
      aliasKinds[res.kind] = (aliasKinds[res.kind] ?? 0) + 1;
      const key = `${row.uai}|${row.year}`;
      if (years.has(key)) {
        report.add({ source: source.id, file: source.file, line: row.line, reason: 'duplicate UAI for the year', value: row.uai });
        continue;
      }
      years.set(key, { uai: row.uai, year: row.year, pupils: row.pupils, ips: row.ips });
      const prev = latest.get(row.uai);
      if (!prev || prev.row.year <= row.year) latest.set(row.uai, { row, commune: res.code });
    }
  }
  const schools: SchoolRow[] = [];
  for (const [uai, { row, commune }] of latest) {
    const place = input.communes.get(commune);
    const dep = place?.departement_code ?? '';
    const exact = input.exact.get(uai);
    const lon = exact?.lon ?? place?.lon ?? null;
    const lat = exact?.lat ?? place?.lat ?? null;
    const display =
      exact && dep ? input.toDisplay(exact.lon, exact.lat, dep) : [place?.displayLon ?? null, place?.displayLat ?? null];
    schools.push({
      uai,
      name: row.name,
      school_type: row.schoolType,
      sector: row.sector,
      commune_code: commune,
      departement_code: dep,
      academie_code: place?.academie_code ?? null,
      region_code: place?.region_code ?? null,
      lycee_type: row.lyceeType,
      lat,
      lon,
      position_quality: exact ? 'exact' : lon !== null ? 'commune' : 'none',
      display_lon: display[0] ?? null,
      display_lat: display[1] ?? null,
    });
  }
  return { schools, years: [...years.values()], rowsRead, rowsJoined, aliasKinds };
}
