/**
 * Applies validated measures to a warehouse file (the private copy of a new version): stages the
 * rows through DuckDB's appender as small integers (school, year, measure) and interned strings,
 * replaces the imported values for the same school, year and measure, records the import, stamps
 * the version's meta, brings `facts` up to date in SQL (only the measure-backed rows that changed,
 * sql/facts_update.sql) and checks the invariants.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { setTimeout as sleep } from 'node:timers/promises';
import { MEASURES } from '../../server/indicators/measures.ts';
import { IMPORTED_SQL, checkInvariants, refreshFacts } from '../build/warehouse.ts';
import type { KnownSchools, MeasuresValidator } from './validate.ts';

export interface ImportRecord {
  import_id: string;
  kind: string;
  file_name: string;
  body: string;
  imported_at: string;
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  checksum_sha256: string;
  build_from: string;
  build_to: string;
  actor: string;
}

async function stage(conn: DuckDBConnection, known: KnownSchools, v: MeasuresValidator): Promise<void> {
  await conn.run(`CREATE TEMP TABLE stage_school (s INTEGER, uai VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage_measure (m UTINYINT, measure VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage_text (t INTEGER, text VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage (s INTEGER, year SMALLINT, m UTINYINT, value_num DOUBLE, value_text INTEGER, measured_on INTEGER, source INTEGER)`);
  let ap = await conn.createAppender('stage_school', 'main', 'temp');
  known.uais.forEach((uai, i) => {
    ap.appendInteger(i);
    ap.appendVarchar(uai);
    ap.endRow();
  });
  ap.closeSync();
  ap = await conn.createAppender('stage_measure', 'main', 'temp');
  MEASURES.forEach((m, i) => {
    ap.appendUTinyInt(i);
    ap.appendVarchar(m.id);
    ap.endRow();
  });
  ap.closeSync();
  ap = await conn.createAppender('stage_text', 'main', 'temp');
  v.accepted.strings.values.forEach((text, i) => {
    ap.appendInteger(i);
    ap.appendVarchar(text);
    ap.endRow();
  });
  ap.closeSync();
  const a = v.accepted;
  ap = await conn.createAppender('stage', 'main', 'temp');
  for (let i = 0; i < a.n; i++) {
    if (a.dropped[i]) continue;
    ap.appendInteger(a.school[i] ?? 0);
    ap.appendSmallInt(a.year[i] ?? 0);
    ap.appendUTinyInt(a.measure[i] ?? 0);
    const num = a.num[i] ?? NaN;
    if (Number.isNaN(num)) ap.appendNull();
    else ap.appendDouble(num);
    for (const id of [a.text[i] ?? -1, a.date[i] ?? -1, a.source[i] ?? -1]) {
      if (id < 0) ap.appendNull();
      else ap.appendInteger(id);
    }
    ap.endRow();
  }
  ap.closeSync();
}

/** Writes the import into `file`; resolves with how many values it replaced. */
export async function applyMeasures(
  file: string,
  known: KnownSchools,
  v: MeasuresValidator,
  record: ImportRecord,
  { testPauseMs = 0, log = () => {} }: { testPauseMs?: number; log?: (line: string) => void } = {},
): Promise<{ replacedSynthetic: number; replacedImported: number; facts: number }> {
  const db = await DuckDBInstance.create(file, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' });
  const conn = await db.connect();
  const steps: string[] = [];
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - t) / 1000).toFixed(2)} s`);
    t = now;
  };
  try {
    await conn.run(IMPORTED_SQL);
    await stage(conn, known, v);
    step('staged');
    await conn.run(`
      CREATE TEMP TABLE incoming AS
      SELECT ss.uai, st.year::INTEGER AS year, sm.measure, st.value_num, tv.text AS value_text,
             td.text::DATE AS measured_on, ts.text AS source, $import_id AS import_id
      FROM stage st
      JOIN stage_school ss USING (s)
      JOIN stage_measure sm USING (m)
      LEFT JOIN stage_text tv ON tv.t = st.value_text
      LEFT JOIN stage_text td ON td.t = st.measured_on
      LEFT JOIN stage_text ts ON ts.t = st.source`, { import_id: record.import_id });
    const counts = await conn.runAndReadAll(`
      SELECT count(d.uai)::INTEGER AS synthetic, count(p.uai)::INTEGER AS imported
      FROM incoming i
      LEFT JOIN school_demo d ON d.uai = i.uai AND d.year = i.year
      LEFT JOIN imported_measures p ON p.uai = i.uai AND p.year = i.year AND p.measure = i.measure`);
    const c = counts.getRowObjects()[0] ?? {};
    step('resolved');
    // no transaction: this file is the new version's private copy, published only once complete
    // (a failure or a kill leaves it unpublished, and it is removed)
    await conn.run(`DELETE FROM imported_measures p USING incoming i WHERE p.uai = i.uai AND p.year = i.year AND p.measure = i.measure`);
    await conn.run(`INSERT INTO imported_measures SELECT * FROM incoming`);
    await conn.run(
      `INSERT INTO imports VALUES ($import_id, $kind, $file_name, $body, $imported_at, $rows_total, $rows_imported, $rows_skipped, $checksum_sha256, $build_from, $build_to, $actor)`,
      { ...record },
    );
    await conn.run(`DELETE FROM meta WHERE key IN ('build_id', 'built_at', 'parent_build_id', 'last_import_id')`);
    await conn.run(`INSERT INTO meta VALUES ('build_id', $to), ('built_at', $at), ('parent_build_id', $from), ('last_import_id', $import_id)`, {
      to: record.build_to,
      at: record.imported_at,
      from: record.build_from,
      import_id: record.import_id,
    });
    step('merged');
    if (testPauseMs > 0) {
      // test hook (DATA_IMPORT_TEST_PAUSE_MS): the new version is half written
      log(`import ${record.import_id}: test pause of ${testPauseMs} ms while writing`);
      await sleep(testPauseMs);
    }
    const facts = await refreshFacts(conn, 'update');
    step('facts');
    await checkInvariants(conn, 'facts');
    step('checked');
    await conn.run('CHECKPOINT');
    step('written');
    log(`import ${record.import_id}: ${steps.join(', ')}`);
    return { replacedSynthetic: Number(c.synthetic ?? 0), replacedImported: Number(c.imported ?? 0), facts };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
