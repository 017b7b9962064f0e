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
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { acquireDataLock, currentBuildId, newBuildId, publish } from '../../build/publish.ts';
import { IMPORTED_SQL, RELEASES_SQL, SEARCH_INDEX_SQL, checkInvariants, refreshFacts } from '../../build/warehouse.ts';
import type { ImportRecord } from '../apply.ts';
import { appendAudit } from '../audit.ts';
import { DEFAULT_MAX_BYTES, auditOf, bodyProblem, finish, type ImportOptions } from '../measures.ts';
import { FileRefused, readInto, sha256File } from '../read.ts';
import type { ImportKind, ImportReport, Problem, ReleaseSummary } from '../report.ts';
import { prepareVersion, writeBuildJson } from '../version.ts';
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
  const t0 = performance.now();
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  const at = now().toISOString();
  const today = at.slice(0, 10);
  const importId = `imp-${at.replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const fileName = o.fileName ?? path.basename(o.file);
  const dryRun = o.dryRun ?? false;
  const skipInvalid = o.skipInvalid ?? false;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const report: ImportReport = {
    import_id: importId,
    kind: k.kind,
    status: 'refused',
    file: { name: fileName, bytes: 0, sha256: '', format: 'unknown' },
    body: o.body,
    actor: o.actor,
    at,
    options: { dry_run: dryRun, skip_invalid: skipInvalid },
    rows: { total: 0, valid: 0, invalid: 0, empty: 0, imported: 0, skipped: 0 },
    measures: {},
    problems: [],
    problems_total: 0,
    problems_by_code: {},
    warnings: [],
    warnings_total: 0,
    warnings_by_code: {},
    build: { from: null, to: null },
    seconds: { read_validate: 0, apply: 0, total: 0 },
    message: '',
  };
  const seconds = (from: number) => (performance.now() - from) / 1000;
  const refuse = (problem: Problem, message: string) => {
    report.problems = [problem];
    report.problems_total = 1;
    report.problems_by_code = { [problem.code]: 1 };
    report.message = message;
  };

  const release = dryRun ? null : await acquireDataLock(o.dataDir, `import ${k.kind} ${fileName}`, log);
  let preparing: Promise<string> | null = null;
  let published = false;
  let to = '';
  try {
    const from = await currentBuildId(o.dataDir);
    if (!from) throw new Error(`no served warehouse in ${o.dataDir}: run \`npm run data:build\` first`);
    report.build.from = from;
    const bytes = (await stat(o.file)).size;
    report.file.bytes = bytes;
    const bad = bodyProblem(o.body);
    if (bad) {
      refuse({ column: null, code: 'file_format', reason: bad }, bad);
      return await finish(report, o, t0, dryRun);
    }
    if (bytes > maxBytes) {
      refuse({ column: null, code: 'file_too_large', reason: `the file is ${(bytes / 1e6).toFixed(1)} MB, above the limit of ${(maxBytes / 1e6).toFixed(0)} MB (IMPORT_MAX_BYTES)` }, 'file too large');
      return await finish(report, o, t0, dryRun);
    }
    log(`import ${importId}: reading ${k.kind} file ${fileName} (${bytes} bytes) against version ${from}`);
    const tRead = performance.now();
    to = newBuildId(now());
    if (!dryRun) {
      preparing = prepareVersion(o.dataDir, from, to);
      preparing.catch(() => {});
    }
    const ctx = await loadContext(path.join(o.dataDir, 'builds', from, 'warehouse.duckdb'));
    const parser = k.parser(ctx, { today });
    let v: ReleaseValidator<R>;
    try {
      const got = await readInto(o.file, fileName, (csv) => new ReleaseValidator(parser, csv));
      report.file = got.info;
      v = got.sink;
    } catch (err) {
      if (!(err instanceof FileRefused)) throw err;
      report.file.sha256 = await sha256File(o.file);
      refuse({ column: null, code: err.code, reason: err.message }, err.message);
      return await finish(report, o, t0, dryRun);
    }
    v.finish();
    report.seconds.read_validate = seconds(tRead);
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
    const wouldApply = !headerBroken && valid > 0 && (v.problemsTotal === 0 || skipInvalid);
    log(`import ${importId}: ${v.rowsTotal} rows read and checked in ${report.seconds.read_validate.toFixed(2)} s: ${valid} valid, ${v.rowsInvalid} invalid, ${v.rowsIgnored} ignored, ${v.warningsTotal} warnings`);

    if (dryRun) {
      report.status = 'dry_run';
      report.would_apply = wouldApply;
      report.message = wouldApply
        ? `dry run: ${valid} rows would be imported${v.rowsInvalid ? `, ${v.rowsInvalid} invalid rows skipped` : ''}; nothing was changed`
        : `dry run: the import would be refused (${v.problemsTotal ? `${v.problemsTotal} problems` : 'no valid row'}); nothing was changed`;
      return await finish(report, o, t0, dryRun);
    }
    if (!wouldApply) {
      if (valid === 0 && v.problemsTotal === 0) {
        const p: Problem = { column: null, code: 'nothing_to_import', reason: 'the file has no row the dashboard uses' };
        report.problems = [p];
        report.problems_total = 1;
        report.problems_by_code = { nothing_to_import: 1 };
      }
      report.message = headerBroken
        ? 'refused: the header is not usable, nothing was read'
        : valid === 0
          ? 'refused: no valid row to import'
          : `refused: ${v.problemsTotal} problems in ${v.rowsInvalid} rows; fix them, or import the ${valid} valid rows with skip_invalid`;
      return await finish(report, o, t0, dryRun);
    }

    const tApply = performance.now();
    const dir = await (preparing ?? prepareVersion(o.dataDir, from, to));
    log(`import ${importId}: writing version ${to} (from ${from})`);
    const source = report.release?.source;
    try {
      await applyRelease(path.join(dir, 'warehouse.duckdb'), k, v.accepted, {
        import_id: importId,
        kind: k.kind,
        file_name: fileName,
        body: o.body,
        imported_at: at,
        rows_total: v.rowsTotal,
        rows_imported: valid,
        rows_skipped: v.rowsInvalid,
        checksum_sha256: report.file.sha256,
        build_from: from,
        build_to: to,
        actor: o.actor,
      }, report.release ?? null, { testPauseMs: o.testPauseMs ?? 0, log });
      await writeBuildJson(
        o.dataDir, from, dir, to,
        { import_id: importId, kind: k.kind, file: fileName, sha256: report.file.sha256, body: o.body, at, rows_imported: valid },
        source ? { ...source, origin: 'import', import_id: importId, file: fileName } : undefined,
      );
      await publish(o.dataDir, to, dir);
      published = true;
      report.status = 'applied';
      report.build.to = to;
      report.rows.imported = valid;
      report.rows.skipped = v.rowsInvalid;
      report.seconds.apply = seconds(tApply);
      report.message = `applied: ${valid} rows of ${source ? `${source.title}, ${source.vintage}` : k.kind} imported${v.rowsInvalid ? `, ${v.rowsInvalid} invalid rows skipped` : ''}; version ${to} is served (previous ${from} kept for rollback)`;
      log(`import ${importId}: version ${to} published in ${report.seconds.apply.toFixed(2)} s`);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      report.status = 'refused';
      report.message = `failed while writing the new version, nothing changed: ${err instanceof Error ? err.message : String(err)}`;
      await appendAudit(o.dataDir, auditOf(report, 'failed'));
      throw err;
    }
    try {
      await o.onPublished?.(report.build.to ?? '');
    } catch (err) {
      log(`import ${importId}: published, but the server could not switch at once (${err instanceof Error ? err.message : String(err)}); it follows the link within a second`);
    }
    return await finish(report, o, t0, dryRun);
  } finally {
    if (preparing && !published) {
      await preparing.catch(() => null);
      await rm(path.join(o.dataDir, 'builds', `${to}.tmp`), { recursive: true, force: true });
    }
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
    await k.stage(conn, rows, record.import_id, summary);
    const source = summary.source;
    {
      await conn.run(`INSERT INTO release_sources VALUES ($import_id, $kind, $id, $title, $producer, $vintage, $licence, $page, $file_name, $imported_at)`, {
        import_id: record.import_id, kind: k.kind, ...source, file_name: record.file_name, imported_at: record.imported_at,
      });
    }
    await conn.run(`INSERT INTO imports VALUES ($import_id, $kind, $file_name, $body, $imported_at, $rows_total, $rows_imported, $rows_skipped, $checksum_sha256, $build_from, $build_to, $actor)`, { ...record });
    await conn.run(`DELETE FROM meta WHERE key IN ('build_id', 'built_at', 'parent_build_id', 'last_import_id')`);
    await conn.run(`INSERT INTO meta VALUES ('build_id', $to), ('built_at', $at), ('parent_build_id', $from), ('last_import_id', $import_id)`, {
      to: record.build_to, at: record.imported_at, from: record.build_from, import_id: record.import_id,
    });
    await conn.run(RELEASES_SQL);
    if (testPauseMs > 0) {
      log(`import ${record.import_id}: test pause of ${testPauseMs} ms while writing`);
      await new Promise((resolve) => setTimeout(resolve, testPauseMs));
    }
    if (k.touchesSchools) {
      await conn.run('DROP TABLE IF EXISTS search_index');
      await conn.run(SEARCH_INDEX_SQL);
    }
    await refreshFacts(conn, 'rebuild');
    await checkInvariants(conn, 'all');
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
