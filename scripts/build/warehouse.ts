/**
 * Writes the warehouse: creates every table of ARCHITECTURE.md in a new DuckDB file, appends the
 * rows the build steps produced, derives `facts` in SQL (sql/facts.sql) and checks invariants
 * before the file may be published.
 */
import { readFileSync } from 'node:fs';
import type { DemoRow } from './demo/generate.ts';
import type { Resolution } from './cog.ts';
import { createAndAppend, openForBuild } from './duck.ts';
import type { CommuneFtthRow } from './ftth.ts';
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
}

const FACTS_SQL = readFileSync(new URL('./sql/facts.sql', import.meta.url), 'utf8');
const SEARCH_INDEX_SQL = readFileSync(new URL('./sql/search_index.sql', import.meta.url), 'utf8');

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
    counts.meta = await createAndAppend(conn, 'meta', { key: 'VARCHAR', value: 'VARCHAR' },
      Object.entries(input.meta).map(([key, value]) => ({ key, value })));
    await conn.run(FACTS_SQL);
    const n = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM facts');
    counts.facts = Number(n.getRowObjects()[0]?.n ?? 0);
    await conn.run(SEARCH_INDEX_SQL);
    await checkInvariants(conn);
    await conn.run('CHECKPOINT');
    return counts;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Stops the build when the warehouse breaks an invariant the server relies on. */
async function checkInvariants(conn: Awaited<ReturnType<typeof openForBuild>>['conn']): Promise<void> {
  const checks: [string, string][] = [
    ['every school has a current commune', `SELECT count(*) FROM schools s LEFT JOIN territories t ON t.level = 'commune' AND t.code = s.commune_code WHERE t.code IS NULL`],
    ['every commune has a département, académie and région', `SELECT count(*) FROM territories WHERE level = 'commune' AND (departement_code IS NULL OR academie_code IS NULL OR region_code IS NULL)`],
    ['no fact with a negative or non-finite value', `SELECT count(*) FROM facts WHERE NOT isfinite(num) OR num < 0 OR (den IS NOT NULL AND (NOT isfinite(den) OR den < 0))`],
    ['no duplicate school-year', `SELECT count(*) FROM (SELECT uai, year FROM school_years GROUP BY ALL HAVING count(*) > 1)`],
  ];
  for (const [what, sql] of checks) {
    const r = await conn.runAndReadAll(`SELECT (${sql})::INTEGER AS bad`);
    const bad = Number(r.getRowObjects()[0]?.bad ?? 0);
    if (bad > 0) throw new Error(`warehouse invariant broken: ${what} (${bad} rows)`);
  }
}
