/**
 * Writes the warehouse: creates every table of ARCHITECTURE.md in a new DuckDB file, appends the
 * rows the build steps produced, derives `facts` in SQL (sql/facts.sql) and checks invariants
 * before the file may be published.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import type { DemoRow } from './demo/generate.ts';
import type { Resolution } from './cog.ts';
import { createAndAppend, openForBuild } from './duck.ts';
import type { CommuneFtthRow } from './ftth.ts';
import type { NeighborRow } from './neighbors.ts';
import type { SchoolRow, SchoolYearRow } from './schools.ts';
import type { TerritoryRow } from './territories.ts';

export interface WarehouseInput {
  territories: TerritoryRow[];
  withoutGeometry: { code: string; name: string; dep: string; population: number | null }[];
  aliases: Map<string, Resolution>;
  schools: SchoolRow[];
  schoolYears: SchoolYearRow[];
  ftth: CommuneFtthRow[];
  demo: DemoRow[];
  meta: Record<string, string>;
  /** queen contiguity of communes, both directions (empty tables when omitted) */
  communeNeighbors?: NeighborRow[];
  /** a point inside each commune (real WGS84), for nearest-neighbour fallbacks in /api/equity */
  communePoints?: { code: string; lon: number | null; lat: number | null }[];
  /** the served warehouse file: its imported data (tables imported_measures, imports) is carried over */
  carryImportsFrom?: string | null;
}

const FACTS_SQL = readFileSync(new URL('./sql/facts.sql', import.meta.url), 'utf8');
const FACTS_UPDATE_SQL = readFileSync(new URL('./sql/facts_update.sql', import.meta.url), 'utf8');
/** facts.sql without its last statement (the one that rebuilds the whole `facts` table) */
const FACTS_TABLE_AT = FACTS_SQL.lastIndexOf('CREATE OR REPLACE TABLE facts AS');
if (FACTS_TABLE_AT < 0) throw new Error('sql/facts.sql must end with CREATE OR REPLACE TABLE facts AS …');
export const SEARCH_INDEX_SQL = readFileSync(new URL('./sql/search_index.sql', import.meta.url), 'utf8');
/** DDL of the imported-data tables (CREATE TABLE IF NOT EXISTS, so it also upgrades older warehouses). */
export const IMPORTED_SQL = readFileSync(new URL('./sql/imported.sql', import.meta.url), 'utf8');
/** Applies the imported official releases (release_* tables) to the open-data tables; idempotent. */
export const RELEASES_SQL = readFileSync(new URL('./sql/releases.sql', import.meta.url), 'utf8');
/** DDL of the imported convention objectives (shared with the server, which reads the table). */
const OBJECTIVES_TABLE_SQL = readFileSync(new URL('../../server/objectives/objectives_table.sql', import.meta.url), 'utf8');

/** Creates the database file and returns the row count of each table. */
export async function writeWarehouse(file: string, input: WarehouseInput): Promise<Record<string, number>> {
  const { db, conn } = await openForBuild(file);
  try {
    const counts: Record<string, number> = {};
    counts.territories = await createAndAppend(conn, 'territories', {
      level: 'VARCHAR', code: 'VARCHAR', name: 'VARCHAR', region_code: 'VARCHAR', academie_code: 'VARCHAR',
      departement_code: 'VARCHAR', epci_code: 'VARCHAR', population: 'DOUBLE', area_km2: 'DOUBLE', density: 'DOUBLE', has_geometry: 'BOOLEAN',
    }, input.territories);
    counts.communes_without_geometry = await createAndAppend(conn, 'communes_without_geometry', {
      code: 'VARCHAR', name: 'VARCHAR', departement_code: 'VARCHAR', population: 'DOUBLE',
    }, input.withoutGeometry.map((c) => ({ ...c, departement_code: c.dep })));
    counts.commune_aliases = await createAndAppend(conn, 'commune_aliases', { alias_code: 'VARCHAR', code: 'VARCHAR', kind: 'VARCHAR' },
      [...input.aliases].filter(([, r]) => r.kind !== 'current').map(([alias_code, r]) => ({ alias_code, code: r.code, kind: r.kind })));
    counts.schools = await createAndAppend(conn, 'schools', {
      uai: 'VARCHAR', name: 'VARCHAR', school_type: 'VARCHAR', sector: 'VARCHAR', commune_code: 'VARCHAR', departement_code: 'VARCHAR',
      academie_code: 'VARCHAR', region_code: 'VARCHAR', lycee_type: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', position_quality: 'VARCHAR',
      display_lon: 'DOUBLE', display_lat: 'DOUBLE',
    }, input.schools);
    counts.school_years = await createAndAppend(conn, 'school_years', { uai: 'VARCHAR', year: 'INTEGER', pupils: 'DOUBLE', ips: 'DOUBLE' }, input.schoolYears);
    counts.commune_ftth = await createAndAppend(conn, 'commune_ftth', { code: 'VARCHAR', quarter: 'VARCHAR', premises_ftth: 'DOUBLE', premises_total: 'DOUBLE' }, input.ftth);
    counts.school_demo = await createAndAppend(conn, 'school_demo', {
      uai: 'VARCHAR', year: 'INTEGER', access_tech: 'VARCHAR', bandwidth_contracted_mbps: 'DOUBLE', bandwidth_measured_mbps: 'DOUBLE',
      devices: 'INTEGER', devices_recent: 'INTEGER', interactive_displays: 'INTEGER', maintenance_delay_days: 'DOUBLE',
      ent_active_pupils: 'INTEGER', ent_active_teachers: 'INTEGER',
    }, input.demo.map((d) => ({
      uai: d.uai, year: d.year, access_tech: d.accessTech, bandwidth_contracted_mbps: d.bandwidthContractedMbps,
      bandwidth_measured_mbps: d.bandwidthMeasuredMbps, devices: d.devices, devices_recent: d.devicesRecent,
      interactive_displays: d.interactiveDisplays, maintenance_delay_days: d.maintenanceDelayDays,
      ent_active_pupils: d.entActivePupils, ent_active_teachers: d.entActiveTeachers,
    })));
    counts.commune_neighbors = await createAndAppend(conn, 'commune_neighbors', { code: 'VARCHAR', neighbor: 'VARCHAR' }, input.communeNeighbors ?? []);
    counts.commune_points = await createAndAppend(conn, 'commune_points', { code: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE' },
      (input.communePoints ?? []).filter((p) => p.lon !== null && p.lat !== null));
    counts.meta = await createAndAppend(conn, 'meta', { key: 'VARCHAR', value: 'VARCHAR' },
      Object.entries(input.meta).map(([key, value]) => ({ key, value })));
    await conn.run(IMPORTED_SQL);
    if (input.carryImportsFrom) counts.imported_measures = await carryImports(conn, input.carryImportsFrom);
    await conn.run(RELEASES_SQL);
    counts.facts = await refreshFacts(conn);
    await conn.run(SEARCH_INDEX_SQL);
    await checkInvariants(conn);
    await conn.run('CHECKPOINT');
    return counts;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

type Conn = Awaited<ReturnType<typeof openForBuild>>['conn'];

/**
 * (Re)computes `facts` (sql/facts.sql); returns the number of facts. `update` (after an import)
 * rewrites in place only the measure-backed rows that changed (sql/facts_update.sql), and
 * rebuilds the whole table if the result does not hold exactly the expected measure facts.
 * `scope` (update only) names a table of (uai, year) pairs: only those school-years are
 * recomputed, the others cannot have changed (an import touches the school-years it holds).
 */
export async function refreshFacts(conn: Conn, mode: 'rebuild' | 'update' = 'rebuild', scope?: string): Promise<number> {
  const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjects()[0]?.n ?? 0);
  // facts.sql reads release_ftth: make sure the imported-data tables exist (older warehouses)
  await conn.run(IMPORTED_SQL);
  if (mode === 'update') {
    const inScope = scope ? `(uai, year) IN (SELECT uai, year FROM ${scope})` : 'true';
    if (scope) {
      // temporary views shadow the two measure tables for facts.sql's statements (the temp
      // schema comes first in the search path); they are dropped right after
      const db = String((await conn.runAndReadAll('SELECT current_database() AS db')).getRowObjects()[0]?.db ?? '');
      for (const t of ['school_demo', 'imported_measures']) {
        await conn.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT * FROM ${sqlIdent(db)}.main.${t} WHERE ${inScope}`);
      }
    }
    try {
      await conn.run(FACTS_SQL.slice(0, FACTS_TABLE_AT));
    } finally {
      if (scope) for (const t of ['school_demo', 'imported_measures']) await conn.run(`DROP VIEW IF EXISTS temp.main.${t}`);
    }
    await conn.run(FACTS_UPDATE_SQL);
    const have = await count(`SELECT count(*)::INTEGER AS n FROM facts WHERE provenance IN ('synthetic', 'imported') AND ${inScope}`);
    const want = await count(`SELECT count(*)::INTEGER AS n FROM measure_facts m JOIN schools s USING (uai) JOIN territories c ON c.level = 'commune' AND c.code = s.commune_code`);
    if (have !== want) await conn.run(scope ? FACTS_SQL : FACTS_SQL.slice(FACTS_TABLE_AT));
  } else await conn.run(FACTS_SQL);
  return count('SELECT count(*)::INTEGER AS n FROM facts');
}

const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Copies the imported data of another warehouse file (when it has any); returns the rows carried. */
async function carryImports(conn: Conn, file: string): Promise<number> {
  try {
    await conn.run(`ATTACH ${sqlString(file)} AS served (READ_ONLY)`);
  } catch (err) {
    throw new Error(`cannot read the imported data of the served warehouse ${file} (${err instanceof Error ? err.message : String(err)}); remove the data/warehouse link to rebuild without it`, { cause: err });
  }
  try {
    const has = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'served' AND table_name IN ('imported_measures', 'imports')`);
    if (Number(has.getRowObjects()[0]?.n ?? 0) < 2) return 0;
    await conn.run('INSERT INTO imported_measures SELECT * FROM served.imported_measures');
    await conn.run('INSERT INTO imports SELECT * FROM served.imports');
    // official releases imported in their own formats (applied again by sql/releases.sql)
    const releases = await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'served' AND table_name LIKE 'release\\_%' ESCAPE '\\'`);
    for (const r of releases.getRowObjects()) {
      const t = String(r.table_name);
      if (/^release_[a-z_]+$/.test(t)) await conn.run(`INSERT INTO ${t} BY NAME SELECT * FROM served.${t}`);
    }
    // convention objectives imported by partners (scripts/import/objectives.ts)
    const objectives = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'served' AND table_name = 'objectives'`);
    if (Number(objectives.getRowObjects()[0]?.n ?? 0) > 0) {
      await conn.run(OBJECTIVES_TABLE_SQL);
      await conn.run('INSERT INTO objectives BY NAME SELECT * FROM served.objectives');
    }
    const n = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM imported_measures');
    return Number(n.getRowObjects()[0]?.n ?? 0);
  } finally {
    await conn.run('DETACH served');
  }
}

/**
 * The sources of the official releases imported into a warehouse file (table release_sources),
 * latest per source id: a rebuild lists them in build.json beside the build's own sources.
 */
export async function releaseSources(file: string): Promise<Record<string, string>[]> {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  try {
    const r = await conn.runAndReadAll(`
      SELECT source_id AS id, title, producer, vintage, licence, page, 'import' AS origin, import_id, file_name AS file
      FROM release_sources QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY imported_at DESC) = 1 ORDER BY imported_at`);
    return r.getRowObjectsJS().map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, String(v ?? '')])));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Stops the build when the warehouse breaks an invariant the server relies on. `scope` 'facts'
 * checks only what an import can change (facts and imported measures).
 */
export async function checkInvariants(conn: Conn, scope: 'all' | 'facts' = 'all'): Promise<void> {
  const all: [string, string][] = [
    ['every school has a current commune', `SELECT count(*) FROM schools s LEFT JOIN territories t ON t.level = 'commune' AND t.code = s.commune_code WHERE t.code IS NULL`],
    ['every commune has a département, académie and région', `SELECT count(*) FROM territories WHERE level = 'commune' AND (departement_code IS NULL OR academie_code IS NULL OR region_code IS NULL)`],
    ['no fact with a negative or non-finite value', `SELECT count(*) FROM facts WHERE NOT isfinite(num) OR num < 0 OR (den IS NOT NULL AND (NOT isfinite(den) OR den < 0))`],
    ['no duplicate school-year', `SELECT count(*) FROM (SELECT uai, year FROM school_years GROUP BY ALL HAVING count(*) > 1)`],
    ['one imported value per school, year and measure', `SELECT count(*) FROM (SELECT uai, year, measure FROM imported_measures GROUP BY ALL HAVING count(*) > 1)`],
    ['commune contiguity is symmetric, between distinct current communes', `SELECT count(*) FROM commune_neighbors n LEFT JOIN commune_neighbors r ON r.code = n.neighbor AND r.neighbor = n.code LEFT JOIN territories t ON t.level = 'commune' AND t.code = n.neighbor WHERE r.code IS NULL OR t.code IS NULL OR n.code = n.neighbor`],
  ];
  const checks = scope === 'all' ? all : all.filter(([what]) => what.startsWith('no fact') || what.startsWith('one imported'));
  for (const [what, sql] of checks) {
    const r = await conn.runAndReadAll(`SELECT (${sql})::INTEGER AS bad`);
    const bad = Number(r.getRowObjects()[0]?.bad ?? 0);
    if (bad > 0) throw new Error(`warehouse invariant broken: ${what} (${bad} rows)`);
  }
}
