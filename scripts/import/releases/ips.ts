/**
 * Kind `ips`: a DEPP "indice de position sociale" file of écoles, collèges or lycées in the layout
 * of the ap2022 files (data.education.gouv.fr fr-en-ips-{ecoles,colleges,lycees}-ap2022: `;`,
 * snake_case headers; the older human-readable headers are accepted too, as in
 * scripts/parse/ips.ts). The file's kind of school is told by its columns (lycées: the
 * ips_ensemble_gt_pro columns; collèges: ecart_type_de_l_ips; else écoles).
 *
 * Each row gives a school's IPS and headcount for a school year: a new year is added, a year the
 * warehouse holds is replaced (a corrected release). Rules: the UAI must be well formed (check
 * letter) and a school of the warehouse of the file's kind (unknown UAI → error: import the
 * Annuaire first, which adds new schools); the school year "YYYY-YYYY+1" between 2000 and today;
 * IPS between 20 and 200; headcount a whole number ≥ 0; one row per school and year.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { IPS_COLUMNS, IPS_LYCEE_COLUMNS } from '../../parse/ips.ts';
import { uaiProblem } from '../../parse/uai.ts';
import type { WarehouseContext } from './context.ts';
import type { ReleaseKind } from './run.ts';
import { normHeader, numberCell, type ColumnSpec, type RowContext } from './validator.ts';

export interface IpsReleaseRow {
  uai: string;
  year: number;
  pupils: number | null;
  ips: number | null;
  /** the warehouse already holds this school year */
  replaces: boolean;
}

type FileType = 'ecole' | 'college' | 'lycee';

const COLUMNS: ColumnSpec[] = [
  { key: 'year', names: IPS_COLUMNS.year, required: true },
  { key: 'uai', names: IPS_COLUMNS.uai, required: true },
  { key: 'ips', names: ['ips', 'IPS'], required: false },
  { key: 'ips_lycee', names: IPS_LYCEE_COLUMNS.ips, required: false },
  { key: 'pupils', names: ['effectifs'], required: false },
  { key: 'pupils_lycee', names: ['effectifs_ensemble_gt_pro', 'effectifs_ensemble_gt-pro'], required: false },
  { key: 'ecart', names: ['ecart_type_de_l_ips'], required: false },
];

/** Columns of the official files the import does not read. */
const OFFICIAL_EXTRAS = [
  ...IPS_COLUMNS.academie, ...IPS_COLUMNS.departement, ...IPS_COLUMNS.name, ...IPS_COLUMNS.commune, ...IPS_COLUMNS.communeName, ...IPS_COLUMNS.sector,
  'departement', 'Département', ...IPS_LYCEE_COLUMNS.lyceeType,
  'effectifs_voie_gt', 'effectifs_voie_pro', 'ips_voie_gt', 'ips_voie_pro', 'ecart_type_de_l_ips_voie_gt', 'ecart_type_de_l_ips_voie_pro',
  'IPS voie GT', 'IPS voie PRO', 'num_ligne',
];

const TYPE_NAMES: Record<FileType, { plural: string; slug: string }> = {
  ecole: { plural: 'écoles', slug: 'ecoles' },
  college: { plural: 'collèges', slug: 'colleges' },
  lycee: { plural: 'lycées', slug: 'lycees' },
};

/** The school year "2023-2024" (or "2023") → 2023; a reason when unreadable. */
export function parseRentree(raw: string, today: string): number | { code: 'wrong_year' | 'year_out_of_range'; reason: string } {
  const m = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(raw.trim());
  if (!m) return { code: 'wrong_year', reason: 'the school year must be written YYYY-YYYY (e.g. 2023-2024)' };
  const y = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== y + 1) return { code: 'wrong_year', reason: `${raw} is not a school year: the second year must follow the first` };
  const thisYear = Number(today.slice(0, 4));
  if (y < 2000 || y > thisYear) return { code: 'year_out_of_range', reason: `school year ${y} is outside 2000–${thisYear}` };
  return y;
}

/** Checks a UAI cell: the normalised UAI, or undefined after recording the problem. */
export function uaiCell(ctx: RowContext, raw: string): string | undefined {
  const uai = raw.trim().toUpperCase();
  const p = uaiProblem(uai);
  if (p === null) return uai;
  ctx.error('uai', raw, p.startsWith('UAI check letter') ? 'uai_check_letter' : 'invalid_uai', p.startsWith('UAI check letter') ? `wrong check letter: ${p}` : p);
  return undefined;
}

function fileTypeOf(present: ReadonlySet<string>): FileType {
  return present.has('ips_lycee') ? 'lycee' : present.has('ecart') ? 'college' : 'ecole';
}

export const ipsKind: ReleaseKind<IpsReleaseRow> = {
  kind: 'ips',
  describe: 'a DEPP IPS file (écoles, collèges or lycées, layout of the ap2022 files): adds or replaces school years',
  touchesSchools: false,
  parser(ctx: WarehouseContext, { today }) {
    let type: FileType = 'ecole';
    let ipsKey = 'ips';
    let pupilsKey = 'pupils';
    return {
      columns: COLUMNS,
      officialExtras: OFFICIAL_EXTRAS.map(normHeader),
      checkHeader(present) {
        type = fileTypeOf(present);
        ipsKey = type === 'lycee' ? 'ips_lycee' : 'ips';
        pupilsKey = type === 'lycee' ? 'pupils_lycee' : 'pupils';
        if (!present.has(ipsKey)) return `the IPS column is missing (${type === 'lycee' ? 'ips_ensemble_gt_pro' : 'ips'})`;
        return null;
      },
      row(r) {
        const uai = uaiCell(r, r.get('uai'));
        const y = parseRentree(r.get('year'), today);
        if (typeof y !== 'number') r.error('year', r.get('year'), y.code, y.reason);
        const ips = numberCell(r, ipsKey, r.get(ipsKey), { min: 20, max: 200, what: 'IPS' });
        const pupils = r.has(pupilsKey) ? numberCell(r, pupilsKey, r.get(pupilsKey), { min: 0, max: 10000, integer: true, what: 'the headcount' }) : null;
        if (uai === undefined || typeof y !== 'number' || ips === undefined || pupils === undefined) return undefined;
        const school = ctx.schools.get(uai);
        if (!school) {
          r.error('uai', r.get('uai'), 'unknown_uai', `no school with UAI ${uai} in the warehouse: import the Annuaire de l'éducation first (it adds new schools)`);
          return undefined;
        }
        if (school.school_type !== type) {
          r.error('uai', r.get('uai'), 'wrong_school_type', `${uai} is a${school.school_type === 'ecole' ? 'n école' : school.school_type === 'college' ? ' collège' : ' lycée'} in the warehouse, but this is a file of ${TYPE_NAMES[type].plural}`);
          return undefined;
        }
        if (ips === null && pupils === null) return null;
        return { uai, year: y, pupils, ips, replaces: ctx.years.get(uai)?.has(y) ?? false };
      },
      key: (row) => `school and school year (${row.uai}, ${row.year}-${row.year + 1})`,
    };
  },
  summarize(rows, _ctx, v) {
    const type = fileTypeOf(new Set(COLUMNS.filter((c) => v.columns.some((h) => c.names.map(normHeader).includes(normHeader(h)))).map((c) => c.key)));
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const vintage = years.map((y) => `${y}-${y + 1}`).join(', ');
    const first = years[0] ?? 0;
    return {
      source: {
        id: `ips-${TYPE_NAMES[type].slug}-${years.join('-')}`,
        title: `IPS des ${TYPE_NAMES[type].plural}`,
        producer: 'DEPP (ministère de l’Éducation nationale)',
        vintage: `rentrée ${vintage}`,
        licence: 'Licence Ouverte / Etalab 2.0',
        page: `https://data.education.gouv.fr/explore/dataset/fr-en-ips-${TYPE_NAMES[type].slug}-ap${first >= 2022 ? 2022 : first}/`,
      },
      counts: {
        schools: new Set(rows.map((r) => r.uai)).size,
        school_years_added: rows.filter((r) => !r.replaces).length,
        school_years_replaced: rows.filter((r) => r.replaces).length,
      },
      details: { school_years: years.map((y) => `${y}-${y + 1}`), school_type: [type] },
    };
  },
  async stage(conn: DuckDBConnection, rows, importId) {
    const ap = await conn.createAppender('release_school_years');
    for (const r of rows) {
      ap.appendVarchar(importId);
      ap.appendVarchar(r.uai);
      ap.appendInteger(r.year);
      if (r.pupils === null) ap.appendNull();
      else ap.appendDouble(r.pupils);
      if (r.ips === null) ap.appendNull();
      else ap.appendDouble(r.ips);
      ap.endRow();
    }
    ap.closeSync();
  },
};
