/**
 * The importer of official releases in their own formats (kinds ips, annuaire, arcep, boundaries;
 * one module each beside this file), with the measures importer's machinery and report:
 *
 *   lock data/ → read and validate the file against the served version (schools, communes,
 *   aliases) → report → (dry run: stop) → refuse the whole file on any problem unless
 *   skip_invalid → new version builds/<to>.tmp (hard links + a private warehouse copy) → the
 *   rows go to the kind's release_* table, sql/releases.sql applies every release to the
 *   open-data tables, `facts` (and the search index when schools changed) are rebuilt, the
 *   invariants checked → build.json (with the release's source) → atomic swap → audit log.
 *
 * The served version is never written; a crash or kill leaves it serving (see measures.ts).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { IMPORTED_SQL, RELEASES_SQL, SEARCH_INDEX_SQL, checkInvariants, refreshFacts } from '../../build/warehouse.ts';
import { recordImport, type ImportRecord } from '../apply.ts';
import type { ImportOptions } from '../measures.ts';
import type { ImportKind, ImportReport, ReleaseSummary } from '../report.ts';
import { buildJsonEntry, checkBeforeReading, decide, fileProblem, finish, importRecord, lockData, NewVersion, readChecked, startReport, startSession, writeAndPublish } from '../session.ts';
import { writeBuildJson } from '../version.ts';
import { loadContext, type WarehouseContext } from './context.ts';
import { ReleaseValidator, type ReleaseParser } from './validator.ts';

export interface ReleaseKind<R> {
  kind: Exclude<ImportKind, 'measures'>;
  /** one line for the usage text and the API documentation */
  describe: string;
  parser(ctx: WarehouseContext, opts: { today: string }): ReleaseParser<R>;
  /** what the accepted rows bring (source with its vintage, counts) */
  summarize(rows: readonly R[], ctx: WarehouseContext, v: ReleaseValidator<R>, opts: { today: string }): ReleaseSummary;
  /** appends the accepted rows to the kind's release_* table of the new version */
  stage(conn: DuckDBConnection, rows: readonly R[], importId: string, summary: ReleaseSummary): Promise<void>;
  /** the import may add or move schools: the search index is rebuilt */
  touchesSchools: boolean;
}

/** Runs one release import (or dry run); resolves with its report. Throws only on unexpected failures. */
export async function importRelease<R>(k: ReleaseKind<R>, o: ImportOptions): Promise<ImportReport> {
  const s = startSession(o);
  const { importId, fileName, today, log } = s;
  const report: ImportReport = startReport(k.kind, s, o, { skipInvalid: s.skipInvalid, data: { measures: {} }, tail: { warnings: [], warnings_total: 0, warnings_by_code: {} } });

  const release = await lockData(s, o, k.kind);
  let version: NewVersion | null = null;
  try {
    const served = await checkBeforeReading(report, s, o, fileProblem);
    if (!served) return await finish(report, s, o);
    const { from, bytes } = served;
    log(`import ${importId}: reading ${k.kind} file ${fileName} (${bytes} bytes) against version ${from}`);
    const tRead = performance.now();
    version = new NewVersion(s, o.dataDir, from);
    const to = version.to;
    const ctx = await loadContext(path.join(o.dataDir, 'builds', from, 'warehouse.duckdb'));
    const parser = k.parser(ctx, { today });
    const v = await readChecked(report, s, o, tRead, (csv) => new ReleaseValidator(parser, csv));
    if (!v) return await finish(report, s, o);
    const valid = v.accepted.length;
    report.rows = { total: v.rowsTotal, valid, invalid: v.rowsInvalid, empty: v.rowsEmpty, imported: 0, skipped: 0, ignored: v.rowsIgnored };
    report.problems = v.problems;
    report.problems_total = v.problemsTotal;
    report.problems_by_code = v.byCode;
    report.warnings = v.warnings;
    report.warnings_total = v.warningsTotal;
    report.warnings_by_code = v.warningsByCode;
    const headerBroken = v.headerBroken || v.problems.some((p) => p.row === undefined);
    if (!headerBroken) report.release = k.summarize(v.accepted, ctx, v, { today });
    log(`import ${importId}: ${v.rowsTotal} rows read and checked in ${report.seconds.read_validate.toFixed(2)} s: ${valid} valid, ${v.rowsInvalid} invalid, ${v.rowsIgnored} ignored, ${v.warningsTotal} warnings`);
    if (!decide(report, s, { headerBroken, valid, invalid: v.rowsInvalid, problemsTotal: v.problemsTotal, nothingReason: 'the file has no row the dashboard uses' })) return await finish(report, s, o);

    const source = report.release?.source;
    const rows = { total: v.rowsTotal, imported: valid, skipped: v.rowsInvalid };
    await writeAndPublish(s, o, report, version, rows, async (dir) => {
      await applyRelease(path.join(dir, 'warehouse.duckdb'), k, v.accepted, importRecord(s, report, { from, to }, rows), report.release ?? null, { testPauseMs: o.testPauseMs ?? 0, log });
      await writeBuildJson(o.dataDir, from, dir, to, buildJsonEntry(s, report, valid), source ? { ...source, origin: 'import', import_id: importId, file: fileName } : undefined);
    }, () => `applied: ${valid} rows of ${source ? `${source.title}, ${source.vintage}` : k.kind} imported${v.rowsInvalid ? `, ${v.rowsInvalid} invalid rows skipped` : ''}; version ${to} is served (previous ${from} kept for rollback)`);
    return await finish(report, s, o);
  } finally {
    await version?.discard();
    await release?.();
  }
}

/** Writes the release into `file` (the new version's private copy). */
async function applyRelease<R>(
  file: string,
  k: ReleaseKind<R>,
  rows: readonly R[],
  record: ImportRecord,
  summary: ReleaseSummary | null,
  { testPauseMs, log }: { testPauseMs: number; log: (line: string) => void },
): Promise<void> {
  const db = await DuckDBInstance.create(file, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' });
  const conn = await db.connect();
  try {
    // no transaction: this file is published only once complete (see apply.ts)
    await conn.run(IMPORTED_SQL);
    if (!summary) throw new Error('no release summary');
    await stageRelease(conn, k, rows, record, summary);
    await recordImport(conn, record);
    await conn.run(RELEASES_SQL);
    if (testPauseMs > 0) {
      log(`import ${record.import_id}: test pause of ${testPauseMs} ms while writing`);
      await new Promise((resolve) => setTimeout(resolve, testPauseMs));
    }
    await rebuildAfterReleases(conn, k.touchesSchools);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** The kind's rows (its release_* table) and their source (release_sources) in the new version. */
export async function stageRelease<R>(conn: DuckDBConnection, k: ReleaseKind<R>, rows: readonly R[], record: ImportRecord, summary: ReleaseSummary): Promise<void> {
  await k.stage(conn, rows, record.import_id, summary);
  await conn.run(`INSERT INTO release_sources VALUES ($import_id, $kind, $id, $title, $producer, $vintage, $licence, $page, $file_name, $imported_at)`, {
    import_id: record.import_id, kind: k.kind, ...summary.source, file_name: record.file_name, imported_at: record.imported_at,
  });
}

/** Once sql/releases.sql has run: the search index (when schools changed) and `facts` rebuilt, the invariants checked, the file written. */
export async function rebuildAfterReleases(conn: DuckDBConnection, schoolsChanged: boolean): Promise<void> {
  if (schoolsChanged) {
    await conn.run('DROP TABLE IF EXISTS search_index');
    await conn.run(SEARCH_INDEX_SQL);
  }
  await refreshFacts(conn, 'rebuild');
  await checkInvariants(conn, 'all');
  await conn.run('CHECKPOINT');
}
