/**
 * The objectives importer (issue #8), shared by the CLI (`npm run data -- import objectives
 * <file.json>`) and the admin endpoint (`POST /api/admin/imports?kind=objectives`): a partner's
 * convention objectives, in the format of server/objectives/examples.json, become part of a new
 * warehouse version by the same path as the measures (scripts/import/measures.ts):
 *
 *   lock data/ → read and check the file (schema, then the served version's territories) → report
 *   → (dry run: stop) → refuse the whole file on any problem → new version builds/<to>.tmp
 *   → table `objectives` (server/objectives/objectives_table.sql) + `imports` row + meta
 *   → build.json → rename + atomic link swap → audit log → unlock.
 *
 * An imported objective replaces an earlier imported one with the same id, and the shipped example
 * with the same id (server/objectives/store.ts); the others are kept. A refused file or a dry run
 * changes nothing; `npm run data -- rollback` serves the previous version again.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkObjectivesText, EXAMPLES_FILE, loadObjectivesFile, type ObjectiveProblem, type ObjectiveProblemCode } from '../../server/objectives/schema.ts';
import { OBJECTIVES_TABLE_SQL } from '../../server/objectives/store.ts';
import { newBuildId, publish } from '../build/publish.ts';
import { IMPORTED_SQL } from '../build/warehouse.ts';
import { recordImport, type ImportRecord } from './apply.ts';
import type { ImportStatus } from './report.ts';
import { announce, auditFailure, buildJsonEntry, checkBeforeReading, endDryRun, finish, importRecord, lockData, markApplied, refuse, startReport, startSession, type SessionOptions } from './session.ts';
import { prepareVersion, writeBuildJson } from './version.ts';

/** A problem of an objectives file, in the measures report's shape: line, column (= the field's path), code, reason. */
export interface ObjectivesImportProblem {
  line?: number;
  /** 1-based objective of the file (the measures report's data row) */
  row?: number;
  /** the field's path, e.g. `objectives[2].target.value` */
  column: string | null;
  field: string | null;
  value?: string;
  code: ObjectiveProblemCode | 'file_too_large' | 'file_empty' | 'nothing_to_import';
  reason: string;
}

export interface ObjectivesImportReport {
  import_id: string;
  kind: 'objectives';
  status: ImportStatus;
  would_apply?: boolean;
  file: { name: string; bytes: number; sha256: string; format: 'json' | 'unknown'; encoding?: 'utf-8' | 'utf-8-bom' };
  body: string;
  actor: string;
  at: string;
  options: { dry_run: boolean; skip_invalid: false };
  /** the file's objectives (a "row" is an objective) */
  rows: { total: number; valid: number; invalid: number; empty: 0; imported: number; skipped: 0 };
  objectives: {
    ids: string[];
    /** ids new to the served version, replacing an imported objective, replacing a shipped example */
    added: string[];
    replaces_imported: string[];
    replaces_example: string[];
    partners: string[];
    conventions: string[];
  };
  problems: ObjectivesImportProblem[];
  problems_total: number;
  problems_by_code: Partial<Record<ObjectivesImportProblem['code'], number>>;
  build: { from: string | null; to: string | null };
  seconds: { read_validate: number; apply: number; total: number };
  message: string;
}

/** An import's options (session.ts), without skip_invalid: an objectives file is imported whole. */
export type ObjectivesImportOptions = Omit<SessionOptions, 'skipInvalid'>;

const DUCKDB = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' } as const;

/** What the served version knows: its territories named by the file, and its imported objective ids. */
async function servedState(warehouseFile: string, refs: readonly string[]): Promise<{ territories: Set<string>; imported: Set<string> }> {
  const db = await DuckDBInstance.create(warehouseFile, { ...DUCKDB, access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    const territories = new Set<string>();
    for (const ref of refs) {
      const [level, code] = ref.split(':');
      const r = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM territories WHERE level = $level AND code = $code', { level: level ?? '', code: code ?? '' });
      if (Number(r.getRowObjects()[0]?.n ?? 0) > 0) territories.add(ref);
    }
    const has = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'objectives' AND schema_name = 'main'`);
    const imported = new Set<string>();
    if (Number(has.getRowObjects()[0]?.n ?? 0) > 0) for (const row of (await conn.runAndReadAll('SELECT id FROM objectives')).getRowObjects()) imported.add(String(row.id));
    return { territories, imported };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const fromSchema = (p: ObjectiveProblem): ObjectivesImportProblem => ({
  line: p.line,
  ...(p.objective !== undefined ? { row: p.objective + 1 } : {}),
  column: p.field,
  field: p.field,
  ...(p.value !== undefined ? { value: p.value } : {}),
  code: p.code,
  reason: p.reason,
});

/** Runs one objectives import (or dry run); resolves with its report. Throws only on unexpected failures. */
export async function importObjectives(o: ObjectivesImportOptions): Promise<ObjectivesImportReport> {
  const s = startSession(o);
  const { importId, fileName, dryRun, log, now } = s;
  const report: ObjectivesImportReport = startReport('objectives', s, o, {
    skipInvalid: false,
    data: { objectives: { ids: [], added: [], replaces_imported: [], replaces_example: [], partners: [], conventions: [] } },
  });
  const setProblems = (problems: ObjectivesImportProblem[]) => {
    report.problems = problems;
    report.problems_total = problems.length;
    report.problems_by_code = {};
    for (const p of problems) report.problems_by_code[p.code] = (report.problems_by_code[p.code] ?? 0) + 1;
  };
  const refused = (problem: ObjectivesImportProblem, message: string) => {
    refuse(report, problem, message);
    return finish(report, s, o);
  };
  const fileProblem = (code: ObjectivesImportProblem['code'], reason: string): ObjectivesImportProblem => ({ column: null, field: null, code, reason });

  const release = await lockData(s, o, 'objectives');
  let dir: string | null = null;
  let published = false;
  try {
    const served = await checkBeforeReading(report, s, o, fileProblem);
    if (!served) return await finish(report, s, o);
    const { from, bytes } = served;

    const tRead = performance.now();
    const raw = await readFile(o.file);
    report.file.sha256 = createHash('sha256').update(raw).digest('hex');
    if (bytes === 0 || !raw.toString('utf8').trim()) return await refused(fileProblem('file_empty', 'the file is empty'), 'refused: the file is empty');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return await refused({ line: 1, column: null, field: null, code: 'file_format', reason: 'the file is not UTF-8 text: save it as JSON in UTF-8' }, 'refused: not UTF-8');
    }
    report.file.format = 'json';
    report.file.encoding = text.startsWith('\uFEFF') ? 'utf-8-bom' : 'utf-8';
    log(`import ${importId}: reading ${fileName} (${bytes} bytes) against version ${from}`);
    const checked = checkObjectivesText(text);
    const problems = checked.problems.map(fromSchema);
    const rawObjectives = (() => {
      try {
        const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { objectives?: unknown };
        return Array.isArray(data.objectives) ? data.objectives : [];
      } catch {
        return [];
      }
    })();
    report.rows.total = rawObjectives.length;
    const examples = new Set(loadObjectivesFile(EXAMPLES_FILE).map((x) => x.id));
    let imported = new Set<string>();
    if (checked.objectives) {
      const list = checked.objectives;
      const refs = [...new Set(list.map((x) => x.scope.territory))];
      const state = await servedState(path.join(o.dataDir, 'builds', from, 'warehouse.duckdb'), refs);
      imported = state.imported;
      list.forEach((x, i) => {
        if (!state.territories.has(x.scope.territory)) {
          const p = ['objectives', i, 'scope', 'territory'];
          problems.push({ line: checked.lineOf(p), row: i + 1, column: `objectives[${i}].scope.territory`, field: `objectives[${i}].scope.territory`, value: JSON.stringify(x.scope.territory), code: 'unknown_territory', reason: `no territory ${x.scope.territory} in the served warehouse (see /api/territories)` });
        }
      });
      const ids = list.map((x) => x.id);
      report.objectives = {
        ids,
        added: ids.filter((id) => !imported.has(id) && !examples.has(id)),
        replaces_imported: ids.filter((id) => imported.has(id)),
        replaces_example: ids.filter((id) => examples.has(id) && !imported.has(id)),
        partners: [...new Set(list.map((x) => x.partner.id))],
        conventions: [...new Set(list.map((x) => x.convention.id))],
      };
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    setProblems(problems);
    const invalidRows = new Set(problems.map((p) => p.row).filter((r) => r !== undefined));
    report.rows.invalid = invalidRows.size;
    report.rows.valid = problems.length ? Math.max(0, rawObjectives.length - invalidRows.size) : rawObjectives.length;
    report.seconds.read_validate = (performance.now() - tRead) / 1000;
    const wouldApply = problems.length === 0 && checked.objectives !== null;

    if (dryRun) {
      endDryRun(report, wouldApply, wouldApply
        ? `dry run: ${report.rows.total} objectives would be imported (${report.objectives.added.length} new, ${report.objectives.replaces_imported.length} replacing imported ones, ${report.objectives.replaces_example.length} replacing shipped examples); nothing was changed`
        : `dry run: the import would be refused (${problems.length} problems); nothing was changed`);
      return await finish(report, s, o);
    }
    if (!wouldApply || !checked.objectives) {
      report.message = `refused: ${problems.length} problems${report.rows.invalid ? ` in ${report.rows.invalid} objectives` : ''}; nothing was changed (an objectives file is imported whole)`;
      return await finish(report, s, o);
    }

    const tApply = performance.now();
    const to = newBuildId(now());
    dir = await prepareVersion(o.dataDir, from, to);
    log(`import ${importId}: writing version ${to} (from ${from})`);
    const n = report.objectives.ids.length;
    await applyObjectives(path.join(dir, 'warehouse.duckdb'), rawObjectives, report.objectives.ids, importRecord(s, report, { from, to }, { total: n, imported: n, skipped: 0 }));
    await writeBuildJson(o.dataDir, from, dir, to, buildJsonEntry(s, report, report.rows.total));
    await publish(o.dataDir, to, dir);
    published = true;
    markApplied(report, to, { imported: report.rows.total, skipped: 0 }, tApply);
    report.message = `applied: ${report.rows.total} objectives imported (${report.objectives.added.length} new, ${report.objectives.replaces_imported.length} replacing imported ones, ${report.objectives.replaces_example.length} replacing shipped examples); version ${to} is served (previous ${from} kept for rollback)`;
    log(`import ${importId}: ${report.message}`);
    await announce(s, o, to);
    return await finish(report, s, o);
  } catch (err) {
    if (report.status !== 'applied' && !dryRun && report.build.from) await auditFailure(report, o, 'writing', err);
    throw err;
  } finally {
    if (dir && !published) await rm(dir, { recursive: true, force: true });
    await release?.();
  }
}

/** Writes the objectives into the new version's private warehouse copy (never the served one). */
export async function applyObjectives(file: string, rawObjectives: readonly unknown[], ids: readonly string[], r: ImportRecord): Promise<void> {
  const db = await DuckDBInstance.create(file, DUCKDB);
  const conn: DuckDBConnection = await db.connect();
  try {
    await conn.run(IMPORTED_SQL);
    await conn.run(OBJECTIVES_TABLE_SQL);
    for (const [i, id] of ids.entries()) {
      await conn.run('DELETE FROM objectives WHERE id = $id', { id });
      await conn.run('INSERT INTO objectives VALUES ($id, $definition, $position, $import_id, $file_name, $body, $imported_at, $checksum_sha256)', {
        id, definition: JSON.stringify(rawObjectives[i]), position: i, import_id: r.import_id, file_name: r.file_name, body: r.body, imported_at: r.imported_at, checksum_sha256: r.checksum_sha256,
      });
    }
    await recordImport(conn, r);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** A readable summary for the terminal: one line per problem, `line 12, field objectives[1].target.value: … (code)`. */
export function formatObjectivesReport(r: ObjectivesImportReport): string {
  const lines = [
    `objectives import ${r.import_id}: ${r.status.toUpperCase()}${r.would_apply !== undefined ? ` (would ${r.would_apply ? '' : 'not '}apply)` : ''} — ${r.message}`,
    `  file ${r.file.name}: ${r.file.bytes} bytes, ${r.file.format}${r.file.encoding ? `, ${r.file.encoding}` : ''}, sha256 ${r.file.sha256}`,
    `  objectives: ${r.rows.total} read, ${r.rows.valid} valid, ${r.rows.invalid} invalid, ${r.rows.imported} imported`,
  ];
  if (r.objectives.ids.length) lines.push(`  ids: ${r.objectives.ids.join(', ')}`, `  partners: ${r.objectives.partners.join(', ')} · conventions: ${r.objectives.conventions.join(', ')}`);
  if (r.objectives.replaces_example.length) lines.push(`  replacing shipped examples: ${r.objectives.replaces_example.join(', ')}`);
  if (r.objectives.replaces_imported.length) lines.push(`  replacing imported objectives: ${r.objectives.replaces_imported.join(', ')}`);
  if (r.build.to) lines.push(`  warehouse ${r.build.from ?? '?'} → ${r.build.to}`);
  if (r.problems_total) {
    lines.push(`  problems: ${r.problems_total} (${Object.entries(r.problems_by_code).map(([c, n]) => `${c} ${n}`).join(', ')})`);
    for (const p of r.problems.slice(0, 50)) {
      const where = [p.line !== undefined ? `line ${p.line}` : 'file', p.field ? `field ${p.field}` : null].filter(Boolean).join(', ');
      lines.push(`    ${where}: ${p.reason}${p.value !== undefined ? ` [${p.value}]` : ''} (${p.code})`);
    }
  }
  return lines.join('\n');
}
