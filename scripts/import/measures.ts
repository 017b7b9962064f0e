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
import path from 'node:path';
import { MEASURES } from '../../server/indicators/measures.ts';
import { applyMeasures } from './apply.ts';
import { type ImportReport } from './report.ts';
import { buildJsonEntry, checkBeforeReading, decide, fileProblem, finish, importRecord, lockData, NewVersion, readChecked, startReport, startSession, writeAndPublish, type SessionOptions } from './session.ts';
import { MeasuresValidator, knownSchools, type KnownSchools } from './validate.ts';
import { writeBuildJson } from './version.ts';

export interface ImportOptions extends SessionOptions {
  /** test hook: pause this long in the middle of writing the new version */
  testPauseMs?: number;
}

export { DEFAULT_MAX_BYTES, bodyProblem } from './session.ts';

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
  const s = startSession(o);
  const { importId, fileName, today, log } = s;
  const report: ImportReport = startReport('measures', s, o, { skipInvalid: s.skipInvalid, data: { measures: {} } });

  const release = await lockData(s, o, 'measures');
  let version: NewVersion | null = null;
  try {
    const served = await checkBeforeReading(report, s, o, fileProblem, ': split it into several imports');
    if (!served) return await finish(report, s, o);
    const { from, bytes } = served;

    log(`import ${importId}: reading ${fileName} (${bytes} bytes) against version ${from}`);
    const tRead = performance.now();
    version = new NewVersion(s, o.dataDir, from);
    const to = version.to;
    const known = await loadKnownSchools(path.join(o.dataDir, 'builds', from, 'warehouse.duckdb'));
    const v = await readChecked(report, s, o, tRead, (csv) => new MeasuresValidator(known, today, csv));
    if (!v) return await finish(report, s, o);
    const valid = v.validRows;
    report.rows = { total: v.rowsTotal, valid, invalid: v.rowsInvalid, empty: v.rowsEmpty, imported: 0, skipped: 0 };
    report.measures = measureSummary(v, known.uais.length);
    report.problems = v.problems;
    report.problems_total = v.problemsTotal;
    report.problems_by_code = v.byCode;
    const headerBroken = v.problems.some((p) => p.row === undefined);
    const rate = `${Math.round(v.rowsTotal / Math.max(report.seconds.read_validate, 1e-6))} rows/s`;
    log(`import ${importId}: ${v.rowsTotal} rows read and checked in ${report.seconds.read_validate.toFixed(2)} s (${rate}): ${valid} valid, ${v.rowsInvalid} invalid, ${v.rowsEmpty} empty`);
    if (!decide(report, s, { headerBroken, valid, invalid: v.rowsInvalid, problemsTotal: v.problemsTotal, nothingReason: 'the file has no row with a value' })) return await finish(report, s, o);

    const rows = { total: v.rowsTotal, imported: valid, skipped: v.rowsInvalid };
    await writeAndPublish(s, o, report, version, rows, async (dir) => {
      const applied = await applyMeasures(path.join(dir, 'warehouse.duckdb'), known, v, importRecord(s, report, { from, to }, rows), { testPauseMs: o.testPauseMs ?? 0, log });
      report.rows.replaced_synthetic = applied.replacedSynthetic;
      report.rows.replaced_imported = applied.replacedImported;
      await writeBuildJson(o.dataDir, from, dir, to, buildJsonEntry(s, report, valid));
    }, () => `applied: ${valid} values imported${v.rowsInvalid ? `, ${v.rowsInvalid} invalid rows skipped` : ''}; version ${to} is served (previous ${from} kept for rollback)`);
    return await finish(report, s, o);
  } finally {
    await version?.discard();
    await release?.();
  }
}
