/**
 * Applies validated measures to a warehouse file (the private copy of a new version): stages the
 * rows through DuckDB's appender as small integers (school, year, measure) and interned strings,
 * replaces the imported values for the same school, year and measure, records the import, stamps
 * the version's meta, brings `facts` up to date in SQL (only the measure-backed rows that changed,
 * sql/facts_update.sql) and checks the invariants.
 */
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, SMALLINT, UTINYINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
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

/**
 * Records an import in its new version: the `imports` row, and the meta naming the parent version
 * and the last import (`stampVersion`: also the version's id and time, which a full build stamps itself).
 */
export async function recordImport(conn: DuckDBConnection, record: ImportRecord, stampVersion = true): Promise<void> {
  await conn.run(
    `INSERT INTO imports VALUES ($import_id, $kind, $file_name, $body, $imported_at, $rows_total, $rows_imported, $rows_skipped, $checksum_sha256, $build_from, $build_to, $actor)`,
    { ...record },
  );
  if (stampVersion) {
    await conn.run(`DELETE FROM meta WHERE key IN ('build_id', 'built_at', 'parent_build_id', 'last_import_id')`);
    await conn.run(`INSERT INTO meta VALUES ('build_id', $to), ('built_at', $at), ('parent_build_id', $from), ('last_import_id', $import_id)`, {
      to: record.build_to,
      at: record.imported_at,
      from: record.build_from,
      import_id: record.import_id,
    });
  } else {
    await conn.run(`DELETE FROM meta WHERE key IN ('parent_build_id', 'last_import_id')`);
    await conn.run(`INSERT INTO meta VALUES ('parent_build_id', $from), ('last_import_id', $import_id)`, { from: record.build_from, import_id: record.import_id });
  }
}

async function stage(conn: DuckDBConnection, known: KnownSchools, v: MeasuresValidator): Promise<void> {
  await conn.run(`CREATE TEMP TABLE stage_school (s INTEGER, uai VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage_measure (m UTINYINT, measure VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage_text (t INTEGER, text VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage (s INTEGER, year SMALLINT, m UTINYINT, value_num DOUBLE, value_text INTEGER, measured_on INTEGER, source INTEGER)`);
  let ap = await conn.createAppender('stage_school', 'main', 'temp');
  for (let start = 0; start < known.uais.length; start += 2048) {
    const uais = known.uais.slice(start, start + 2048);
    const chunk = DuckDBDataChunk.create([INTEGER, VARCHAR], uais.length);
    chunk.setColumns([uais.map((_, i) => start + i), uais]);
    ap.appendDataChunk(chunk);
  }
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
  // the valid rows go in column by column, one data chunk of up to 2,048 rows at a time: a
  // typed-array write per value and one native copy per column, instead of a native call per value
  const a = v.accepted;
  ap = await conn.createAppender('stage', 'main', 'temp');
  const types = [INTEGER, SMALLINT, UTINYINT, DOUBLE, INTEGER, INTEGER, INTEGER];
  const size = 2048;
  const cols: (number | null)[][] = types.map(() => new Array<number | null>(size));
  let n = 0;
  const flush = () => {
    if (!n) return;
    const chunk = DuckDBDataChunk.create(types, n);
    chunk.setColumns(n === size ? cols : cols.map((c) => c.slice(0, n)));
    ap.appendDataChunk(chunk);
    n = 0;
  };
  const [cs, cy, cm, cn, ct, cd, csrc] = cols as [(number | null)[], (number | null)[], (number | null)[], (number | null)[], (number | null)[], (number | null)[], (number | null)[]];
  const idOrNull = (id: number) => (id < 0 ? null : id);
  for (let i = 0; i < a.n; i++) {
    if (a.dropped[i]) continue;
    cs[n] = a.school[i] ?? 0;
    cy[n] = a.year[i] ?? 0;
    cm[n] = a.measure[i] ?? 0;
    const num = a.num[i] ?? NaN;
    cn[n] = Number.isNaN(num) ? null : num;
    ct[n] = idOrNull(a.text[i] ?? -1);
    cd[n] = idOrNull(a.date[i] ?? -1);
    csrc[n] = idOrNull(a.source[i] ?? -1);
    if (++n === size) flush();
  }
  flush();
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
    // the rows as the warehouse stores them: a view, materialised once, by the INSERT below
    await conn.run(`
      CREATE TEMP VIEW incoming AS
      SELECT ss.uai, st.year::INTEGER AS year, sm.measure, st.value_num, tv.text AS value_text,
             td.text::DATE AS measured_on, ts.text AS source, '${record.import_id.replace(/'/g, "''")}' AS import_id
      FROM stage st
      JOIN stage_school ss USING (s)
      JOIN stage_measure sm USING (m)
      LEFT JOIN stage_text tv ON tv.t = st.value_text
      LEFT JOIN stage_text td ON td.t = st.measured_on
      LEFT JOIN stage_text ts ON ts.t = st.source`);
    // the school-years the file holds (with their row counts): what the import can change
    await conn.run(`
      CREATE TEMP TABLE facts_scope AS
      SELECT ss.uai, k.year, k.n FROM (SELECT s, year::INTEGER AS year, count(*) AS n FROM stage GROUP BY ALL) k JOIN stage_school ss USING (s)`);
    const one = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjects()[0]?.n ?? 0);
    const replacedSynthetic = await one(`SELECT coalesce(sum(f.n), 0)::INTEGER AS n FROM facts_scope f SEMI JOIN school_demo d USING (uai, year)`);
    step('resolved');
    // no transaction: this file is the new version's private copy, published only once complete
    // (a failure or a kill leaves it unpublished, and it is removed)
    let replacedImported = 0;
    if ((await one(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM imported_measures LIMIT 1)`)) > 0) {
      const del = await conn.run(`
        DELETE FROM imported_measures p USING (SELECT ss.uai, st.year::INTEGER AS year, sm.measure FROM stage st JOIN stage_school ss USING (s) JOIN stage_measure sm USING (m)) i
        WHERE p.uai = i.uai AND p.year = i.year AND p.measure = i.measure`);
      replacedImported = del.rowsChanged;
    }
    await conn.run(`INSERT INTO imported_measures SELECT * FROM incoming`);
    await recordImport(conn, record);
    step('merged');
    if (testPauseMs > 0) {
      // test hook (DATA_IMPORT_TEST_PAUSE_MS): the new version is half written
      log(`import ${record.import_id}: test pause of ${testPauseMs} ms while writing`);
      await sleep(testPauseMs);
    }
    // only the school-years the file holds can change: when they are a small part of the
    // warehouse, only they are recomputed (filtering costs more than it saves for a large import)
    const small = await conn.runAndReadAll(`SELECT (SELECT count(*) FROM facts_scope) * 2 < (SELECT count(*) FROM school_demo) AS small`);
    const facts = await refreshFacts(conn, 'update', small.getRowObjects()[0]?.small === true ? 'facts_scope' : undefined);
    step('facts');
    await checkInvariants(conn, 'facts');
    step('checked');
    await conn.run('CHECKPOINT');
    step('written');
    log(`import ${record.import_id}: ${steps.join(', ')}`);
    return { replacedSynthetic, replacedImported, facts };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
