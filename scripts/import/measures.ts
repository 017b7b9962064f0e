/**
 * The measures importer, shared by the CLI (`npm run data -- import measures <file>`) and the
 * admin endpoint (`POST /api/admin/imports?kind=measures`):
 *
 *   lock data/ → read and validate the file against the served version's schools → report
 *   → (dry run: stop) → refuse the whole file on any problem unless skip_invalid
 *   → new version builds/<to>.tmp (hard links + a private warehouse copy) → apply in DuckDB
 *   → build.json → rename + atomic link swap (the served version is never written)
 *   → audit log → unlock.
 *
 * A crash or kill at any point leaves `data/warehouse` on the old version; the next writer removes
 * the unfinished `.tmp` folder and takes over the stale lock.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { MEASURES } from '../../server/indicators/measures.ts';
import { acquireDataLock, currentBuildId, newBuildId, publish } from '../build/publish.ts';
import { applyMeasures } from './apply.ts';
import { appendAudit } from './audit.ts';
import { FileRefused, readInto, sha256File } from './read.ts';
import { type ImportReport, type Problem } from './report.ts';
import { MeasuresValidator, knownSchools, type KnownSchools } from './validate.ts';
import { prepareVersion, writeBuildJson } from './version.ts';

export interface ImportOptions {
  /** the data folder: `builds/`, the `warehouse` link, `.lock`, `imports.jsonl` */
  dataDir: string;
  file: string;
  /** the name recorded (an upload's original name); default: the file's base name */
  fileName?: string;
  /** the importing body (organisation), recorded with every value */
  body: string;
  /** who runs it: `cli:user@host`, `http:token-…` */
  actor: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** refuse larger files (default 100 MB) */
  maxBytes?: number;
  log?: (line: string) => void;
  now?: () => Date;
  /** test hook: pause this long in the middle of writing the new version */
  testPauseMs?: number;
  /** called once the link points to the new version (the server swaps to it at once) */
  onPublished?: (buildId: string) => void | Promise<void>;
}

/** Default size limit of an import file (env IMPORT_MAX_BYTES overrides it in the CLI and server). */
export const DEFAULT_MAX_BYTES = 100e6;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Why an importing body name is refused, or null. */
export function bodyProblem(body: string): string | null {
  if (!body.trim()) return 'the importing body is required (--body "<organisation>" or body=)';
  if (body.length > 200) return 'the importing body is longer than 200 characters';
  if (FORMULA_START.test(body) || [...body].some((ch) => ch.charCodeAt(0) < 32)) return 'the importing body must not start with = + - @ nor hold control characters';
  return null;
}

/** The schools of a warehouse file, with their 2022 headcount (read-only, closed at once). */
export async function loadKnownSchools(warehouseFile: string): Promise<KnownSchools> {
  const db = await DuckDBInstance.create(warehouseFile, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  try {
    const r = await conn.runAndReadAll(`SELECT s.uai, p.pupils::DOUBLE AS pupils FROM schools s LEFT JOIN (SELECT uai, pupils FROM school_years WHERE year = 2022) p USING (uai) ORDER BY s.uai`);
    return knownSchools(r.getRowObjectsJS().map((x) => ({ uai: String(x.uai), pupils: x.pupils === null ? null : Number(x.pupils) })));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

function measureSummary(v: MeasuresValidator, schools: number): ImportReport['measures'] {
  const a = v.accepted;
  const nm = MEASURES.length;
  const rows = new Int32Array(nm);
  const schoolCount = new Int32Array(nm);
  // one bit per school and measure, and the years per measure
  const seen = new Uint8Array(schools * nm);
  const years = MEASURES.map(() => new Set<number>());
  for (let i = 0; i < a.n; i++) {
    if (a.dropped[i]) continue;
    const m = a.measure[i] ?? 0;
    const s = a.school[i] ?? 0;
    rows[m] = (rows[m] ?? 0) + 1;
    const k = s * nm + m;
    if (!seen[k]) {
      seen[k] = 1;
      schoolCount[m] = (schoolCount[m] ?? 0) + 1;
    }
    years[m]?.add(a.year[i] ?? 0);
  }
  const out: ImportReport['measures'] = {};
  MEASURES.forEach((m, i) => {
    if (rows[i]) out[m.id] = { rows: rows[i] ?? 0, schools: schoolCount[i] ?? 0, years: [...(years[i] ?? [])].sort((x, y) => x - y) };
  });
  return out;
}

/** Runs one import (or dry run); resolves with its report. Throws only on unexpected failures. */
export async function importMeasures(o: ImportOptions): Promise<ImportReport> {
  const t0 = performance.now();
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  const at = now().toISOString();
  const importId = `imp-${at.replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const fileName = o.fileName ?? path.basename(o.file);
  const dryRun = o.dryRun ?? false;
  const skipInvalid = o.skipInvalid ?? false;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const report: ImportReport = {
    import_id: importId,
    kind: 'measures',
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

  const release = dryRun ? null : await acquireDataLock(o.dataDir, `import measures ${fileName}`, log);
  // a real import copies the served version while the file is validated (the copy is I/O, the
  // validation JavaScript); a refused import discards the copy
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
      report.file.sha256 = '';
      refuse({ column: null, code: 'file_too_large', reason: `the file is ${(bytes / 1e6).toFixed(1)} MB, above the limit of ${(maxBytes / 1e6).toFixed(0)} MB (IMPORT_MAX_BYTES): split it into several imports` }, 'file too large');
      return await finish(report, o, t0, dryRun);
    }

    log(`import ${importId}: reading ${fileName} (${bytes} bytes) against version ${from}`);
    const tRead = performance.now();
    to = newBuildId(now());
    if (!dryRun) {
      preparing = prepareVersion(o.dataDir, from, to);
      preparing.catch(() => {});
    }
    const known = await loadKnownSchools(path.join(o.dataDir, 'builds', from, 'warehouse.duckdb'));
    const today = at.slice(0, 10);
    let v: MeasuresValidator;
    try {
      const got = await readInto(o.file, fileName, (csv) => new MeasuresValidator(known, today, csv));
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
    const valid = v.validRows;
    report.rows = { total: v.rowsTotal, valid, invalid: v.rowsInvalid, empty: v.rowsEmpty, imported: 0, skipped: 0 };
    report.measures = measureSummary(v, known.uais.length);
    report.problems = v.problems;
    report.problems_total = v.problemsTotal;
    report.problems_by_code = v.byCode;
    const headerBroken = v.problems.some((p) => p.row === undefined);
    const wouldApply = !headerBroken && valid > 0 && (v.problemsTotal === 0 || skipInvalid);
    const rate = `${Math.round(v.rowsTotal / Math.max(report.seconds.read_validate, 1e-6))} rows/s`;
    log(`import ${importId}: ${v.rowsTotal} rows read and checked in ${report.seconds.read_validate.toFixed(2)} s (${rate}): ${valid} valid, ${v.rowsInvalid} invalid, ${v.rowsEmpty} empty`);

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
        const p: Problem = { column: null, code: 'nothing_to_import', reason: 'the file has no row with a value' };
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
    try {
      const applied = await applyMeasures(path.join(dir, 'warehouse.duckdb'), known, v, {
        import_id: importId,
        kind: 'measures',
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
      }, { testPauseMs: o.testPauseMs ?? 0, log });
      await writeBuildJson(o.dataDir, from, dir, to, { import_id: importId, kind: 'measures', file: fileName, sha256: report.file.sha256, body: o.body, at, rows_imported: valid });
      await publish(o.dataDir, to, dir);
      published = true;
      report.status = 'applied';
      report.build.to = to;
      report.rows.imported = valid;
      report.rows.skipped = v.rowsInvalid;
      report.rows.replaced_synthetic = applied.replacedSynthetic;
      report.rows.replaced_imported = applied.replacedImported;
      report.seconds.apply = seconds(tApply);
      report.message = `applied: ${valid} values imported${v.rowsInvalid ? `, ${v.rowsInvalid} invalid rows skipped` : ''}; version ${to} is served (previous ${from} kept for rollback)`;
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

export function auditOf(r: ImportReport, status: 'applied' | 'refused' | 'failed') {
  return {
    at: r.at,
    action: 'import' as const,
    status,
    actor: r.actor,
    import_id: r.import_id,
    kind: r.kind,
    file_name: r.file.name,
    body: r.body,
    checksum_sha256: r.file.sha256,
    rows_total: r.rows.total,
    rows_imported: r.rows.imported,
    rows_skipped: r.rows.skipped,
    problems_total: r.problems_total,
    build_from: r.build.from,
    build_to: r.build.to,
    message: r.message,
  };
}

export async function finish(report: ImportReport, o: ImportOptions, t0: number, dryRun: boolean): Promise<ImportReport> {
  report.seconds.total = (performance.now() - t0) / 1000;
  if (!dryRun) await appendAudit(o.dataDir, auditOf(report, report.status === 'applied' ? 'applied' : 'refused'));
  return report;
}

