/**
 * Kind `boundaries` (partial: the code changes only): a new year of INSEE commune codes, from the
 * COG "mouvements des communes" file (v_mvt_commune_<year>.csv: MOD, DATE_EFF, TYPECOM_AV, COM_AV,
 * …, TYPECOM_AP, COM_AP, …) or a passage table with only the old and new codes (COM_INI / COM_FIN,
 * CODGEO_INI / CODGEO_FIN). Merges and code changes (MOD 31, 32, 33, 34: fusions and communes
 * nouvelles; 41, 50: code changes) move older data to the new code: schools' communes, the FttH
 * rows (summed), and the old code becomes an alias (so later imports re-code it). Other movements
 * (name changes, re-establishments, communes déléguées) are ignored.
 *
 * This CSV form changes codes only: the merged territories' own rows (population, area, the old
 * commune's polygon) stay as built until new boundaries are imported (a GeoJSON file of the same
 * kind, contours.ts, which rebuilds every geometry product and folds the merged communes, or uses
 * these code changes with `--movements`); a change whose new code is not a commune of the
 * warehouse (a commune created with a new code) is refused. Rules: codes of 5 characters; the new code a current commune of the warehouse (else
 * error); the same old code mapped to two different new codes → error; chains (A → B, B → C) are
 * followed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { WarehouseContext } from './context.ts';
import type { ReleaseKind } from './run.ts';
import { normHeader, type ColumnSpec } from './validator.ts';

export interface ChangeRow {
  old_code: string;
  new_code: string;
  effective: string | null;
  mod: string | null;
}

const COLUMNS: ColumnSpec[] = [
  { key: 'old', names: ['COM_AV', 'COM_INI', 'CODGEO_INI', 'ancien_code', 'code_ancien'], required: true },
  { key: 'new', names: ['COM_AP', 'COM_FIN', 'CODGEO_FIN', 'nouveau_code', 'code_nouveau'], required: true },
  { key: 'mod', names: ['MOD'], required: false },
  { key: 'date', names: ['DATE_EFF'], required: false },
  { key: 'type_old', names: ['TYPECOM_AV'], required: false },
  { key: 'type_new', names: ['TYPECOM_AP'], required: false },
];

const OFFICIAL_EXTRAS = ['TNCC_AV', 'NCC_AV', 'NCCENR_AV', 'LIBELLE_AV', 'TNCC_AP', 'NCC_AP', 'NCCENR_AP', 'LIBELLE_AP', 'LIBGEO_INI', 'LIBGEO_FIN', 'ANNEE'];

/** Movements that replace a code: fusions, communes nouvelles, code changes. */
const REPLACING = new Set(['31', '32', '33', '34', '41', '50']);

const CODE = /^(\d{5}|2[AB]\d{3})$/;

/** Follows chains A → B → C; returns old → final code. */
export function resolveChains(rows: readonly ChangeRow[]): Map<string, string> {
  const next = new Map(rows.map((r) => [r.old_code, r.new_code]));
  const out = new Map<string, string>();
  for (const old of next.keys()) {
    let c = old;
    for (let i = 0; i < 20 && next.has(c) && next.get(c) !== c; i++) c = next.get(c) ?? c;
    out.set(old, c);
  }
  return out;
}

export const boundariesKind: ReleaseKind<ChangeRow> = {
  kind: 'boundaries',
  describe: 'INSEE COG commune code changes (mouvements des communes, or a passage table): applied to schools and FttH rows (codes only, no geometry)',
  touchesSchools: true,
  parser(ctx: WarehouseContext, { today }) {
    const pairs = new Map<string, { to: string; line: number }>();
    return {
      columns: COLUMNS,
      officialExtras: OFFICIAL_EXTRAS.map(normHeader),
      row(r) {
        const mod = r.get('mod');
        if (r.has('mod') && !REPLACING.has(mod)) return null;
        if ((r.has('type_old') && r.get('type_old') !== 'COM') || (r.has('type_new') && r.get('type_new') !== 'COM')) return null;
        const oldCode = r.get('old').toUpperCase();
        const newCode = r.get('new').toUpperCase();
        if (!CODE.test(oldCode)) r.error('old', r.get('old'), 'unknown_commune', 'a commune code has 5 characters (digits, or 2A/2B and 3 digits)');
        if (!CODE.test(newCode)) r.error('new', r.get('new'), 'unknown_commune', 'a commune code has 5 characters (digits, or 2A/2B and 3 digits)');
        const date = r.get('date');
        let effective: string | null = null;
        if (date) {
          if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date <= `${Number(today.slice(0, 4)) + 1}-12-31`) effective = date;
          else r.error('date', date, 'invalid_date', 'DATE_EFF must be a date YYYY-MM-DD');
        }
        if (!CODE.test(oldCode) || !CODE.test(newCode) || (date && !effective)) return undefined;
        if (oldCode === newCode) return null;
        const seen = pairs.get(oldCode);
        if (seen && seen.to !== newCode) {
          r.error('new', r.get('new'), 'duplicate_row', `commune ${oldCode} is already replaced by ${seen.to} on line ${seen.line}`);
          return undefined;
        }
        if (seen) return null;
        pairs.set(oldCode, { to: newCode, line: r.line });
        if (!ctx.communes.has(newCode) && !ctx.aliases.has(newCode)) {
          r.error('new', r.get('new'), 'unknown_commune', `new commune ${newCode} is not a commune of the warehouse: a commune created with a new code needs its boundaries (not supported)`);
          return undefined;
        }
        // already applied: the old code is an alias of the new commune
        if (ctx.aliases.get(oldCode) === (ctx.aliases.get(newCode) ?? newCode) && !ctx.communes.has(oldCode)) return null;
        return { old_code: oldCode, new_code: ctx.communes.has(newCode) ? newCode : (ctx.aliases.get(newCode) ?? newCode), effective, mod: mod || null };
      },
    };
  },
  summarize(rows, ctx) {
    const final = resolveChains(rows);
    const latest = rows.reduce<string | null>((m, r) => (r.effective && (!m || r.effective > m) ? r.effective : m), null);
    const year = latest ? Number(latest.slice(0, 4)) : null;
    let schools = 0;
    for (const s of ctx.schools.values()) if (final.has(s.commune_code)) schools++;
    return {
      source: {
        id: `cog-changes-${latest ?? 'undated'}`,
        title: 'Code officiel géographique : mouvements des communes',
        producer: 'Insee',
        vintage: year ? `COG ${year + (Number(latest?.slice(5, 7)) > 1 ? 1 : 0)} (changements jusqu’au ${latest})` : 'changements non datés',
        licence: 'Licence Ouverte / Etalab 2.0',
        page: 'https://www.insee.fr/fr/information/2560452',
      },
      counts: {
        code_changes: rows.length,
        current_communes_merged: rows.filter((r) => ctx.communes.has(r.old_code)).length,
        schools_recoded: schools,
      },
      details: { changes: rows.slice(0, 50).map((r) => `${r.old_code} → ${final.get(r.old_code) ?? r.new_code}`), not_applied: ['geometry and the merged communes’ own rows (population, area) are left as built'] },
    };
  },
  async stage(conn: DuckDBConnection, rows, importId) {
    const final = resolveChains(rows);
    const ap = await conn.createAppender('release_commune_changes');
    for (const r of rows) {
      ap.appendVarchar(importId);
      ap.appendVarchar(r.old_code);
      ap.appendVarchar(final.get(r.old_code) ?? r.new_code);
      if (r.effective === null) ap.appendNull();
      else ap.appendVarchar(r.effective);
      if (r.mod === null) ap.appendNull();
      else ap.appendVarchar(r.mod);
      ap.endRow();
    }
    ap.closeSync();
  },
};
