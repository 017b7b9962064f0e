/**
 * What a release import checks its rows against, read from the served version (read-only, closed
 * at once): the schools, the current communes with their département and a point, the commune
 * code aliases (old codes, arrondissements, communes déléguées → current commune) and a bounding
 * box per département, plus France's own boxes (metropolitan France and the five DROM).
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface SchoolRef {
  school_type: string;
  commune_code: string;
  departement_code: string;
  position_quality: string;
}

export interface CommuneRef {
  departement_code: string;
  lon: number | null;
  lat: number | null;
}

export type Box = [number, number, number, number];

export interface WarehouseContext {
  schools: Map<string, SchoolRef>;
  communes: Map<string, CommuneRef>;
  /** alias code → current commune code (the current codes themselves included) */
  aliases: Map<string, string>;
  /** département → [minLon, minLat, maxLon, maxLat] of its communes' points and exact school positions, padded */
  departementBoxes: Map<string, Box>;
  /** school years of each school already in the warehouse (uai → years) */
  years: Map<string, Set<number>>;
}

/** Metropolitan France with Corsica, and the five DROM (real WGS84 extents, padded). */
export const FRANCE_BOXES: readonly { name: string; box: Box }[] = [
  { name: 'France métropolitaine', box: [-5.3, 41.3, 9.7, 51.2] },
  { name: 'Guadeloupe', box: [-61.9, 15.8, -60.9, 16.6] },
  { name: 'Martinique', box: [-61.3, 14.3, -60.7, 15.0] },
  { name: 'Guyane', box: [-54.7, 2.0, -51.5, 5.9] },
  { name: 'La Réunion', box: [55.1, -21.5, 55.9, -20.8] },
  { name: 'Mayotte', box: [44.9, -13.1, 45.4, -12.5] },
];

const PAD = 0.1;

export const inBox = (b: Box, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

export async function loadContext(warehouseFile: string): Promise<WarehouseContext> {
  const db = await DuckDBInstance.create(warehouseFile, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  try {
    const has = async (t: string) => Number((await rows(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${t}'`))[0]?.n ?? 0) > 0;
    const schools = new Map<string, SchoolRef>();
    for (const r of await rows(`SELECT uai, school_type, commune_code, departement_code, position_quality FROM schools`)) {
      schools.set(String(r.uai), { school_type: String(r.school_type), commune_code: String(r.commune_code), departement_code: String(r.departement_code ?? ''), position_quality: String(r.position_quality ?? '') });
    }
    const points = (await has('commune_points')) ? await rows(`SELECT code, lon, lat FROM commune_points`) : [];
    const pointOf = new Map(points.map((p) => [String(p.code), { lon: num(p.lon), lat: num(p.lat) }]));
    const communes = new Map<string, CommuneRef>();
    const aliases = new Map<string, string>();
    for (const r of await rows(`SELECT code, departement_code FROM territories WHERE level = 'commune'`)) {
      const code = String(r.code);
      const p = pointOf.get(code);
      communes.set(code, { departement_code: String(r.departement_code ?? ''), lon: p?.lon ?? null, lat: p?.lat ?? null });
      aliases.set(code, code);
    }
    if (await has('commune_aliases')) {
      for (const r of await rows(`SELECT alias_code, code FROM commune_aliases`)) if (!aliases.has(String(r.alias_code))) aliases.set(String(r.alias_code), String(r.code));
    }
    // a commune merged by an imported code change keeps its territory row (no new geometry yet),
    // but its code now means the commune that replaced it
    if (await has('release_commune_changes')) {
      for (const r of await rows(`SELECT c.old_code, c.new_code FROM release_commune_changes c LEFT JOIN imports i USING (import_id) QUALIFY row_number() OVER (PARTITION BY c.old_code ORDER BY i.imported_at DESC NULLS LAST, c.import_id DESC) = 1`)) {
        if (communes.has(String(r.new_code))) aliases.set(String(r.old_code), String(r.new_code));
      }
    }
    const departementBoxes = new Map<string, Box>();
    const grow = (dep: string, lon: number | null, lat: number | null) => {
      if (lon === null || lat === null || !dep) return;
      const b = departementBoxes.get(dep);
      if (!b) departementBoxes.set(dep, [lon, lat, lon, lat]);
      else departementBoxes.set(dep, [Math.min(b[0], lon), Math.min(b[1], lat), Math.max(b[2], lon), Math.max(b[3], lat)]);
    };
    for (const c of communes.values()) grow(c.departement_code, c.lon, c.lat);
    for (const r of await rows(`SELECT departement_code, lon, lat FROM schools WHERE position_quality = 'exact'`)) grow(String(r.departement_code ?? ''), num(r.lon), num(r.lat));
    for (const [dep, b] of departementBoxes) departementBoxes.set(dep, [b[0] - PAD, b[1] - PAD, b[2] + PAD, b[3] + PAD]);
    const years = new Map<string, Set<number>>();
    for (const r of await rows(`SELECT uai, year FROM school_years`)) {
      const u = String(r.uai);
      let s = years.get(u);
      if (!s) years.set(u, (s = new Set()));
      s.add(Number(r.year));
    }
    return { schools, communes, aliases, departementBoxes, years };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** A commune code from a file → the current commune of the warehouse, or null. */
export function resolveCode(ctx: WarehouseContext, raw: string): string | null {
  const s = raw.trim().toUpperCase();
  const code = /^\d{4}$/.test(s) ? `0${s}` : s;
  return ctx.aliases.get(code) ?? null;
}
