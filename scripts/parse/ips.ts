/**
 * Parser for the DEPP IPS files (écoles, collèges, lycées; the 2022+ files with snake_case
 * headers and the older ones with human-readable headers). Columns are found by name, so the
 * official exports (which carry extra columns) parse as well as the mirror.
 */
import type { SchoolType } from '../../server/indicators/catalog.ts';
import type { BuildReport } from '../build/report.ts';
import { headerIndex, parseNumber, readCsv } from './csv.ts';
import { uaiProblem } from './uai.ts';

export interface IpsRow {
  uai: string;
  year: number;
  schoolType: SchoolType;
  name: string;
  sector: 'public' | 'prive';
  communeCode: string;
  communeName: string;
  departementCode: string;
  academieName: string;
  lyceeType: string | null;
  pupils: number | null;
  ips: number | null;
  line: number;
}

export const IPS_COLUMNS = {
  year: ['rentree_scolaire', 'Rentrée scolaire'],
  academie: ['academie', 'Académie'],
  departement: ['code_du_departement', 'Code du département'],
  uai: ['uai', 'UAI'],
  name: ['nom_de_l_etablissment', 'nom_de_l_etablissement', "Nom de l'établissment", "Nom de l'établissement"],
  commune: ['code_insee_de_la_commune', 'Code INSEE de la commune'],
  communeName: ['nom_de_la_commune', 'Nom de la commune'],
  sector: ['secteur', 'Secteur'],
} as const;

export const IPS_LYCEE_COLUMNS = {
  ips: ['ips_ensemble_gt_pro', 'ips_ensemble_gt-pro', 'IPS Ensemble GT-PRO'],
  lyceeType: ['type_de_lycee', 'Type de lycée'],
} as const;

/** Parses one IPS file's text; bad rows go to the report with their line and reason. */
export function parseIps(
  text: string,
  schoolType: SchoolType,
  src: { id: string; file: string },
  report: BuildReport,
): IpsRow[] {
  const records = readCsv(text, ';');
  const header: string[] = records.next().value?.fields ?? [];
  const col = headerIndex(header, IPS_COLUMNS, src.file);
  const lyc = schoolType === 'lycee' ? headerIndex(header, IPS_LYCEE_COLUMNS, src.file) : null;
  const ipsCol = lyc ? lyc.ips : headerIndex(header, { ips: ['ips', 'IPS'] }, src.file).ips;
  const pupilsCol = header.findIndex((h) =>
    ['effectifs', 'effectifs_ensemble_gt_pro', 'effectifs_ensemble_gt-pro'].includes(h.trim().toLowerCase()),
  );
  const rows: IpsRow[] = [];
  const bad = (line: number, reason: string, value?: string) =>
    report.add({ source: src.id, file: src.file, line, reason, ...(value === undefined ? {} : { value }) });

  for (const { line, fields } of records) {
    const get = (i: number) => (fields[i] ?? '').trim();
    if (fields.length < header.length) {
      bad(line, `expected ${header.length} columns, found ${fields.length}`);
      continue;
    }
    const uai = get(col.uai).toUpperCase();
    const uaiErr = uaiProblem(uai);
    if (uaiErr) {
      bad(line, uaiErr, uai);
      continue;
    }
    const year = Number(get(col.year).slice(0, 4));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      bad(line, 'unreadable school year', get(col.year));
      continue;
    }
    const sectorRaw = get(col.sector).toLowerCase();
    const sector = sectorRaw.startsWith('pub') ? 'public' : sectorRaw.startsWith('priv') ? 'prive' : null;
    if (!sector) {
      bad(line, 'unknown sector', get(col.sector));
      continue;
    }
    const ips = parseNumber(get(ipsCol));
    const pupils = pupilsCol >= 0 ? parseNumber(get(pupilsCol)) : null;
    if (Number.isNaN(ips) || (ips !== null && (ips < 20 || ips > 200))) {
      bad(line, 'IPS is not a number between 20 and 200', get(ipsCol));
      continue;
    }
    if (Number.isNaN(pupils) || (pupils !== null && pupils < 0)) {
      bad(line, 'headcount is not a non-negative number', get(pupilsCol));
      continue;
    }
    rows.push({
      uai,
      year,
      schoolType,
      name: get(col.name),
      sector,
      communeCode: get(col.commune),
      communeName: get(col.communeName),
      departementCode: get(col.departement),
      academieName: get(col.academie),
      lyceeType: lyc ? get(lyc.lyceeType) || null : null,
      pupils,
      ips,
      line,
    });
  }
  return rows;
}
