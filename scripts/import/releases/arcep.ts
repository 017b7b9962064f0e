/**
 * Kind `arcep`: ARCEP's current per-commune FttH deployment file (observatoire du haut et très
 * haut débit fixe, "déploiements" open data, sheet "Communes" saved as CSV; the per-commune file
 * behind cartefibre / Ma connexion internet): one row per commune with its INSEE code
 * ("Code commune", code_insee…), the best estimate of its premises ("Meilleure estimation des
 * locaux à date", in recent files dated: "Meilleure estimation des locaux T4 2025") and one column
 * of FttH-ready premises per quarter ("T2 2024", "2024T2", ftth_t2_2024…). (Header names as
 * public scripts reading the official files use them; the header must be the file's first line.) The latest quarter column is imported: a new connectivity vintage of the
 * per-commune FttH table, provenance open data (the build's T1 2018 file stays, historical).
 *
 * Codes are re-coded to the warehouse's communes as the 2018 file is (old codes of merged
 * communes are summed into the current one). Rules: a commune code unknown to the warehouse → error
 * (codes of the collectivités d'outre-mer 975, 977, 978, 98x → ignored: not on the map); premises
 * whole numbers ≥ 0 (empty or "-" = 0); more FttH-ready premises than premises: warning (ARCEP
 * notes it happens); one row per code; the quarter between T1 2018 and today.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveCode, type WarehouseContext } from './context.ts';
import type { ReleaseKind } from './run.ts';
import { normHeader, numberCell, type ColumnSpec } from './validator.ts';

export interface ArcepRow {
  code: string;
  /** the code as written (before re-coding) */
  file_code: string;
  quarter: string;
  premises_ftth: number;
  premises_total: number;
}

const COLUMNS: ColumnSpec[] = [
  { key: 'code', names: ['Code commune', 'code_commune', 'code_insee', 'INSEE_COM', 'code_com', 'Code INSEE'], required: true },
  {
    key: 'premises',
    names: ['Meilleure estimation des locaux à date', 'meilleure_estimation_des_locaux_a_date', 'Meilleure estimation des locaux', 'Nombre de locaux', 'locaux', 'nb_locaux'],
    // recent files date it: "Meilleure estimation des locaux T4 2025" (never a quarter of FttH premises)
    prefixes: ['Meilleure estimation des locaux'],
    required: true,
  },
];

export const ARCEP_OFFICIAL_COLUMNS = [
  'Nom commune', 'nom_com', 'Nom EPCI', 'Code EPCI', 'SIREN EPCI', 'Code département', 'Nom département', 'Code région', 'Nom région',
  'Zone', 'Zone (ZTD, AMII, RIP)', 'Zone d’intervention', 'Zone très dense', 'Commune rurale', 'Commune de montagne', 'Opérateur(s) d’infrastructure', 'Catégorie',
  // what the premises estimate is made of, and where it comes from
  'Logements', 'Établissements', 'Source retenue pour l’estimation des locaux', 'Estimation locaux en cours de construction',
];

/** A quarter column name → "T<q> <year>", or null. */
export function quarterOf(norm: string): string | null {
  const m = /(?:^|_)t([1-4])_?(20\d\d)$/.exec(norm) ?? null;
  if (m) return `T${m[1]} ${m[2]}`;
  const n = /(?:^|_)(20\d\d)_?t([1-4])$/.exec(norm);
  return n ? `T${n[2]} ${n[1]}` : null;
}

const quarterKey = (q: string) => Number(q.slice(3)) * 10 + Number(q[1]);

/** The school year a quarter belongs to (T1/T2 of Y → Y-1, T3/T4 → Y), as sql/facts.sql counts it. */
export const schoolYearOfQuarter = (q: string) => Number(q.slice(3)) - (q[1] === '1' || q[1] === '2' ? 1 : 0);

/** Collectivités d'outre-mer (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Pacific): in the official files, not on the dashboard's map. */
export const OUTSIDE_MAP = /^(975|977|978|98)/;

export const arcepKind: ReleaseKind<ArcepRow> = {
  kind: 'arcep',
  describe: "ARCEP's per-commune FttH deployment file (observatoire, sheet Communes as CSV): a new FttH vintage per commune",
  touchesSchools: false,
  parser(ctx: WarehouseContext, { today }) {
    let quarter = '';
    let column = '';
    return {
      columns: COLUMNS,
      officialExtras: ARCEP_OFFICIAL_COLUMNS.map(normHeader),
      dynamicColumn: (norm) => quarterOf(norm) !== null,
      checkHeader(_present, dynamic) {
        const quarters = dynamic.map((raw) => ({ raw, q: quarterOf(normHeader(raw)) ?? '' })).sort((a, b) => quarterKey(b.q) - quarterKey(a.q));
        const latest = quarters[0];
        if (!latest) return 'no quarter column of FttH-ready premises (named like "T2 2024" or ftth_t2_2024)';
        const nowKey = Number(today.slice(0, 4)) * 10 + Math.ceil(Number(today.slice(5, 7)) / 3);
        if (quarterKey(latest.q) < 20181 || quarterKey(latest.q) > nowKey) return `quarter ${latest.q} is outside T1 2018 – today`;
        quarter = latest.q;
        column = latest.raw;
        return null;
      },
      row(r, dynamic) {
        const raw = r.get('code');
        const fileCode = raw.toUpperCase();
        if (OUTSIDE_MAP.test(fileCode)) return null;
        const code = resolveCode(ctx, raw);
        if (!code) r.error('code', raw, 'unknown_commune', `commune code ${raw || '(empty)'} is not a commune of the warehouse (COG), nor an older code of one`);
        const zero = (s: string) => (s === '' || s === '-' ? '0' : s);
        const total = numberCell(r, 'premises', zero(r.get('premises')), { min: 0, max: 5e6, integer: true, what: 'the premises' });
        const ftth = numberCell(r, column, zero(dynamic.get(column) ?? ''), { min: 0, max: 5e6, integer: true, what: `FttH-ready premises ${quarter}` });
        if (!code || total === undefined || ftth === undefined || total === null || ftth === null) return undefined;
        if (ftth > total) r.warn(column, String(ftth), 'inconsistent', `${ftth} FttH-ready premises for ${total} premises: kept (ARCEP's estimate of premises can lag behind)`);
        return { code, file_code: fileCode, quarter, premises_ftth: ftth, premises_total: total };
      },
      key: (row) => `commune code ${row.file_code}`,
    };
  },
  summarize(rows) {
    const quarter = rows[0]?.quarter ?? '';
    const current = new Set(rows.map((r) => r.code));
    const ftth = rows.reduce((s, r) => s + r.premises_ftth, 0);
    const total = rows.reduce((s, r) => s + r.premises_total, 0);
    return {
      source: {
        id: `arcep-ftth-communes-${quarter.replace(' ', '-')}`,
        title: 'Déploiements FttH par commune (observatoire du haut et très haut débit fixe)',
        producer: 'Arcep',
        vintage: quarter,
        licence: 'Licence Ouverte / Etalab 2.0',
        page: 'https://www.data.gouv.fr/fr/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements/',
      },
      counts: {
        communes: current.size,
        codes_recoded: rows.filter((r) => r.code !== r.file_code).length,
        premises: total,
        premises_ftth: ftth,
        school_year: schoolYearOfQuarter(quarter),
      },
      details: { quarter: [quarter] },
    };
  },
  async stage(conn: DuckDBConnection, rows, importId) {
    // communes merged since the file's COG are summed into the current one
    const acc = new Map<string, ArcepRow>();
    for (const r of rows) {
      const a = acc.get(r.code);
      if (a) {
        a.premises_ftth += r.premises_ftth;
        a.premises_total += r.premises_total;
      } else acc.set(r.code, { ...r });
    }
    const ap = await conn.createAppender('release_ftth');
    for (const r of acc.values()) {
      ap.appendVarchar(importId);
      ap.appendVarchar(r.code);
      ap.appendVarchar(r.quarter);
      ap.appendDouble(r.premises_ftth);
      ap.appendDouble(r.premises_total);
      ap.endRow();
    }
    ap.closeSync();
  },
};
