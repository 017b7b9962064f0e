/**
 * What every importer (measures.ts, objectives.ts, releases/run.ts, releases/contours.ts) does the
 * same way: the import id and names, the empty report, the lock, the served version and the checks
 * made before reading (importing body, size limit), reading the file, a refusal, the dry-run /
 * refused decision, the new version (copied, written, published or removed), the `imports` row and
 * build.json entry, the announce to the server, the audit line and the end of a report. Each
 * importer keeps its own messages where they differ.
 */
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { acquireDataLock, currentBuildId, newBuildId, publish } from '../build/publish.ts';
import type { ImportRecord } from './apply.ts';
import { appendAudit } from './audit.ts';
import { FileRefused, readInto, sha256File, type RecordSink } from './read.ts';
import type { ImportReport, ImportStatus, Problem } from './report.ts';
import { prepareVersion, type BuildJsonImport } from './version.ts';

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

/** The options every importer takes. */
export interface SessionOptions {
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
  /** called once the link points to the new version (the server swaps to it at once) */
  onPublished?: (buildId: string) => void | Promise<void>;
}

/** One import run: when it started, its id, and its options with their defaults. */
export interface Session {
  t0: number;
  now: () => Date;
  log: (line: string) => void;
  /** ISO time of the import, and its date */
  at: string;
  today: string;
  importId: string;
  fileName: string;
  dryRun: boolean;
  skipInvalid: boolean;
  maxBytes: number;
}

export function startSession(o: SessionOptions): Session {
  const t0 = performance.now();
  const now = o.now ?? (() => new Date());
  const at = now().toISOString();
  return {
    t0,
    now,
    log: o.log ?? (() => {}),
    at,
    today: at.slice(0, 10),
    importId: `imp-${at.replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`,
    fileName: o.fileName ?? path.basename(o.file),
    dryRun: o.dryRun ?? false,
    skipInvalid: o.skipInvalid ?? false,
    maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES,
  };
}

/**
 * The report of an import that has done nothing yet (status refused until it gets further), in
 * the field order of the report: `data` comes after `rows` (measures, objectives), `tail` after
 * the problems (warnings); `rows` adds counts after the common ones.
 */
export function startReport<K extends string, S extends boolean, D extends object, T extends object = object, R extends object = object>(
  kind: K,
  s: Session,
  o: SessionOptions,
  shape: { skipInvalid: S; data: D; tail?: T; rows?: R },
) {
  return {
    import_id: s.importId,
    kind,
    status: 'refused' as ImportStatus,
    file: { name: s.fileName, bytes: 0, sha256: '', format: 'unknown' as const },
    body: o.body,
    actor: o.actor,
    at: s.at,
    options: { dry_run: s.dryRun, skip_invalid: shape.skipInvalid },
    rows: { total: 0, valid: 0, invalid: 0, empty: 0 as const, imported: 0, skipped: 0 as const, ...(shape.rows as R) },
    ...shape.data,
    problems: [] as never[],
    problems_total: 0,
    problems_by_code: {},
    ...(shape.tail as T),
    build: { from: null as string | null, to: null as string | null },
    seconds: { read_validate: 0, apply: 0, total: 0 },
    message: '',
  };
}

/** The fields of a report (ImportReport, ObjectivesImportReport) this module reads and writes. */
export interface ReportCore<P extends { code: string }> {
  import_id: string;
  kind: string;
  status: ImportStatus;
  would_apply?: boolean;
  file: { name: string; bytes: number; sha256: string };
  body: string;
  actor: string;
  at: string;
  rows: { total: number; imported: number; skipped: number };
  problems: P[];
  problems_total: number;
  problems_by_code: Partial<Record<P['code'], number>>;
  build: { from: string | null; to: string | null };
  seconds: { read_validate: number; apply: number; total: number };
  message: string;
}

/** A problem of the whole file, in the measures report's shape. */
export const fileProblem = (code: 'file_format' | 'file_too_large', reason: string): Problem => ({ column: null, code, reason });

/** The report is refused for this one problem. */
export function refuse<P extends { code: string }>(report: ReportCore<P>, problem: P, message: string): void {
  report.problems = [problem];
  report.problems_total = 1;
  report.problems_by_code = { [problem.code]: 1 } as ReportCore<P>['problems_by_code'];
  report.message = message;
}

/** Takes the data lock for a real import (a dry run writes nothing and takes none). */
export async function lockData(s: Session, o: SessionOptions, kind: string): Promise<(() => Promise<void>) | null> {
  return s.dryRun ? null : await acquireDataLock(o.dataDir, `import ${kind} ${s.fileName}`, s.log);
}

/**
 * Notes the served version and the file's size in the report, then checks what is known before
 * reading: the importing body and the size limit (`tooLargeAdvice` ends the reason). Resolves with
 * the served version and the size, or null when the file is refused (the report says why: finish it).
 */
export async function checkBeforeReading<P extends { code: string }>(
  report: ReportCore<P>,
  s: Session,
  o: SessionOptions,
  problemOf: (code: 'file_format' | 'file_too_large', reason: string) => P,
  tooLargeAdvice = '',
): Promise<{ from: string; bytes: number } | null> {
  const from = await currentBuildId(o.dataDir);
  if (!from) throw new Error(`no served warehouse in ${o.dataDir}: run \`npm run data:build\` first`);
  report.build.from = from;
  const bytes = (await stat(o.file)).size;
  report.file.bytes = bytes;
  const bad = bodyProblem(o.body);
  if (bad) {
    refuse(report, problemOf('file_format', bad), bad);
    return null;
  }
  if (bytes > s.maxBytes) {
    const reason = `the file is ${(bytes / 1e6).toFixed(1)} MB, above the limit of ${(s.maxBytes / 1e6).toFixed(0)} MB (IMPORT_MAX_BYTES)${tooLargeAdvice}`;
    refuse(report, problemOf('file_too_large', reason), 'file too large');
    return null;
  }
  return { from, bytes };
}

/**
 * The new version `builds/<to>.tmp` of a row importer: a real import copies the served version
 * while the file is validated (the copy is I/O, the validation JavaScript); `discard` removes the
 * copy unless it was published.
 */
export class NewVersion {
  readonly to: string;
  published = false;
  private readonly preparing: Promise<string> | null = null;

  constructor(s: Session, private readonly dataDir: string, private readonly from: string) {
    this.to = newBuildId(s.now());
    if (!s.dryRun) {
      this.preparing = prepareVersion(dataDir, from, this.to);
      this.preparing.catch(() => {});
    }
  }

  /** The folder of the new version, once copied. */
  dir(): Promise<string> {
    return this.preparing ?? prepareVersion(this.dataDir, this.from, this.to);
  }

  async discard(): Promise<void> {
    if (!this.preparing || this.published) return;
    await this.preparing.catch(() => null);
    await rm(path.join(this.dataDir, 'builds', `${this.to}.tmp`), { recursive: true, force: true });
  }
}

/**
 * Reads the file (CSV or Parquet, read.ts) into the validator `makeSink` makes, then closes it and
 * notes the file and the time since `tRead` in the report. Null when the file itself is refused
 * (the report says why: finish it).
 */
export async function readChecked<V extends RecordSink & { finish(): void }>(
  report: ImportReport,
  s: Session,
  o: SessionOptions,
  tRead: number,
  makeSink: (csv: boolean) => V,
): Promise<V | null> {
  let v: V;
  try {
    const got = await readInto(o.file, s.fileName, makeSink);
    report.file = got.info;
    v = got.sink;
  } catch (err) {
    if (!(err instanceof FileRefused)) throw err;
    report.file.sha256 = await sha256File(o.file);
    refuse(report, { column: null, code: err.code, reason: err.message }, err.message);
    return null;
  }
  v.finish();
  report.seconds.read_validate = (performance.now() - tRead) / 1000;
  return v;
}

/** A dry run ends here: whether the real import would apply, and why. */
export function endDryRun<P extends { code: string }>(report: ReportCore<P>, wouldApply: boolean, message: string): void {
  report.status = 'dry_run';
  report.would_apply = wouldApply;
  report.message = message;
}

/**
 * The decision of a row importer (measures, releases) once the file is read: a dry run says what
 * would happen, a refusal why (`nothingReason` when the file has no row and no problem). True when
 * the import goes on to write the new version; false when the report is final (finish it).
 */
export function decide(
  report: ImportReport,
  s: Session,
  r: { headerBroken: boolean; valid: number; invalid: number; problemsTotal: number; nothingReason: string },
): boolean {
  const wouldApply = !r.headerBroken && r.valid > 0 && (r.problemsTotal === 0 || s.skipInvalid);
  if (s.dryRun) {
    endDryRun(
      report,
      wouldApply,
      wouldApply
        ? `dry run: ${r.valid} rows would be imported${r.invalid ? `, ${r.invalid} invalid rows skipped` : ''}; nothing was changed`
        : `dry run: the import would be refused (${r.problemsTotal ? `${r.problemsTotal} problems` : 'no valid row'}); nothing was changed`,
    );
    return false;
  }
  if (wouldApply) return true;
  if (r.valid === 0 && r.problemsTotal === 0) {
    report.problems = [{ column: null, code: 'nothing_to_import', reason: r.nothingReason }];
    report.problems_total = 1;
    report.problems_by_code = { nothing_to_import: 1 };
  }
  report.message = r.headerBroken
    ? 'refused: the header is not usable, nothing was read'
    : r.valid === 0
      ? 'refused: no valid row to import'
      : `refused: ${r.problemsTotal} problems in ${r.invalid} rows; fix them, or import the ${r.valid} valid rows with skip_invalid`;
  return false;
}

/** The `imports` row of this import in the new version `build.to`, read from `build.from`. */
export function importRecord<P extends { code: string }>(
  s: Session,
  report: ReportCore<P>,
  build: { from: string; to: string },
  rows: { total: number; imported: number; skipped: number },
): ImportRecord {
  return {
    import_id: s.importId,
    kind: report.kind,
    file_name: s.fileName,
    body: report.body,
    imported_at: s.at,
    rows_total: rows.total,
    rows_imported: rows.imported,
    rows_skipped: rows.skipped,
    checksum_sha256: report.file.sha256,
    build_from: build.from,
    build_to: build.to,
    actor: report.actor,
  };
}

/** This import's entry in the new version's build.json. */
export function buildJsonEntry<P extends { code: string }>(s: Session, report: ReportCore<P>, rowsImported: number): BuildJsonImport {
  return { import_id: s.importId, kind: report.kind, file: s.fileName, sha256: report.file.sha256, body: report.body, at: s.at, rows_imported: rowsImported };
}

/**
 * A row importer's last step: `write` fills the new version's folder (warehouse, build.json), the
 * version is published and the report applied (`message` then says what), the server is told.
 * On a failure the folder is removed, the audit log says so, and the error is thrown.
 */
export async function writeAndPublish(
  s: Session,
  o: SessionOptions,
  report: ImportReport,
  version: NewVersion,
  rows: { imported: number; skipped: number },
  write: (dir: string) => Promise<void>,
  message: () => string,
): Promise<void> {
  const tApply = performance.now();
  const dir = await version.dir();
  s.log(`import ${s.importId}: writing version ${version.to} (from ${report.build.from ?? ''})`);
  try {
    await write(dir);
    await publish(o.dataDir, version.to, dir);
    version.published = true;
    markApplied(report, version.to, rows, tApply);
    report.message = message();
    s.log(`import ${s.importId}: version ${version.to} published in ${report.seconds.apply.toFixed(2)} s`);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    await auditFailure(report, o, 'writing', err);
    throw err;
  }
  await announce(s, o, version.to, '; it follows the link within a second');
}

/** The new version `to` is published: the report says what it holds (the caller then writes the message). */
export function markApplied<P extends { code: string }>(report: ReportCore<P>, to: string, rows: { imported: number; skipped: number }, tApply: number): void {
  report.status = 'applied';
  report.build.to = to;
  report.rows.imported = rows.imported;
  report.rows.skipped = rows.skipped;
  report.seconds.apply = (performance.now() - tApply) / 1000;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Tells the server the new version is served; a failure is logged, not thrown (the server follows the link). */
export async function announce(s: Session, o: SessionOptions, buildId: string, after = ''): Promise<void> {
  try {
    await o.onPublished?.(buildId);
  } catch (err) {
    s.log(`import ${s.importId}: published, but the server could not switch at once (${errorText(err)})${after}`);
  }
}

export function auditOf<P extends { code: string }>(r: ReportCore<P>, status: 'applied' | 'refused' | 'failed') {
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

/** Writing the new version failed (`doing`: writing, building): the report and the audit log say so. */
export async function auditFailure<P extends { code: string }>(report: ReportCore<P>, o: SessionOptions, doing: string, err: unknown): Promise<void> {
  report.status = 'refused';
  report.message = `failed while ${doing} the new version, nothing changed: ${errorText(err)}`;
  await appendAudit(o.dataDir, auditOf(report, 'failed'));
}

/** The report's total time, and its audit line for a real import. */
export async function finish<R extends ReportCore<{ code: string }>>(report: R, s: Session, o: SessionOptions): Promise<R> {
  report.seconds.total = (performance.now() - s.t0) / 1000;
  if (!s.dryRun) await appendAudit(o.dataDir, auditOf(report, report.status === 'applied' ? 'applied' : 'refused'));
  return report;
}
