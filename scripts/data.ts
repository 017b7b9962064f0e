/**
 * `npm run data -- <command>`: partners' data in the warehouse.
 *
 *   import measures <file> [--dry-run] [--skip-invalid] [--body "<organisation>"] [--json] [--max-bytes N]
 *   import objectives <file.json> [--dry-run] [--body "<organisation>"] [--json]   convention objectives
 *   import ips|annuaire|arcep|boundaries <file> [--dry-run] [--skip-invalid] …   official releases in their own formats
 *   import boundaries <communes.geojson[.gz]> [--movements <v_mvt_commune.csv>] [--vintage "<label>"] …   new commune geometry (a new build)
 *   rollback [--json]            serve the previous version again
 *   imports [--json]             the audit log (imports, refusals, rollbacks)
 *   template <theme>             an import template (connectivity, equipment, usage) on stdout
 *
 * The data folder is `data/` beside this project (env DATA_DIR overrides it). Exit codes: 0 done
 * (or a dry run that would apply), 1 refused or failed (the report says why), 2 usage error.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateCsv } from '../server/admin/templates.ts';
import { MEASURE_THEMES, type MeasureTheme } from '../server/indicators/measures.ts';
import { DataLockedError } from './build/publish.ts';
import { readAudit } from './import/audit.ts';
import { FILE_IMPORT_KINDS, fileImportKind } from './import/kinds.ts';
import { DEFAULT_MAX_BYTES, type ImportOptions } from './import/measures.ts';
import { formatObjectivesReport, importObjectives } from './import/objectives.ts';
import { formatReport } from './import/report.ts';
import { rollback } from './import/rollback.ts';
import { importContours } from './import/releases/contours.ts';
import { looksLikeGeoJson } from './import/releases/geojsonSniff.ts';

const USAGE = `usage: npm run data -- import <${FILE_IMPORT_KINDS.map((k) => k.kind).join('|')}> <file> [--dry-run] [--skip-invalid] [--body "<organisation>"] [--json] [--max-bytes N]
       npm run data -- import objectives <file.json> [--dry-run] [--body "<organisation>"] [--json]
       npm run data -- import boundaries <communes.geojson[.gz]> [--movements <v_mvt_commune.csv>] [--vintage "<label>"] [--dry-run] [--skip-invalid] [--body "<organisation>"]
       npm run data -- rollback [--json]
       npm run data -- imports [--json]
       npm run data -- template <${MEASURE_THEMES.join('|')}>`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

const VALUE_FLAGS = new Set(['--body', '--max-bytes', '--movements', '--vintage']);
const BOOLEAN_FLAGS = new Set(['--dry-run', '--skip-invalid', '--json']);

function parseArgs(argv: readonly string[]): Parsed {
  const out: Parsed = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (VALUE_FLAGS.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      out.values.set(name, v);
    } else if (BOOLEAN_FLAGS.has(name)) out.flags.add(name);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else out.positional.push(a);
  }
  return out;
}

function maxBytesOf(p: Parsed): number {
  const raw = p.values.get('--max-bytes') ?? process.env.IMPORT_MAX_BYTES;
  if (raw === undefined || raw === '') return DEFAULT_MAX_BYTES;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`the size limit must be a positive number of bytes, got "${raw}"`);
  return n;
}

/** Runs a command; resolves with the exit code. */
export async function main(argv: readonly string[], root: string): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'));
  const actor = `cli:${os.userInfo().username}@${os.hostname()}`;
  try {
    const p = parseArgs(argv);
    const [command, ...rest] = p.positional;
    const json = p.flags.has('--json');
    if (command === 'import') {
      const [kind, file, ...extra] = rest;
      if (kind === 'objectives') {
        // convention objectives (scripts/import/objectives.ts); the whole file or nothing
        if (!file || extra.length) throw new UsageError('import objectives takes one file');
        if (p.flags.has('--skip-invalid')) throw new UsageError('--skip-invalid does not apply to objectives: a file is imported whole');
        const report = await importObjectives({
          dataDir,
          file: path.resolve(file),
          body: p.values.get('--body') ?? process.env.IMPORT_BODY ?? 'non renseigné',
          actor,
          dryRun: p.flags.has('--dry-run'),
          maxBytes: maxBytesOf(p),
          log: err,
        });
        out(json ? JSON.stringify(report, null, 1) : formatObjectivesReport(report));
        return report.status === 'applied' || (report.status === 'dry_run' && report.would_apply) ? 0 : 1;
      }
      // measures and the official releases (scripts/import/kinds.ts)
      const k = kind ? fileImportKind(kind) : undefined;
      if (!k) throw new UsageError(kind ? `unknown import kind "${kind}": ${FILE_IMPORT_KINDS.map((x) => x.kind).join(', ')} or objectives` : 'which kind? import measures <file>');
      if (!file || extra.length) throw new UsageError(`import ${k.kind} takes one file`);
      const pauseMs = Number(process.env.DATA_IMPORT_TEST_PAUSE_MS ?? 0);
      // a GeoJSON of commune boundaries, with the year's code changes (scripts/import/releases/contours.ts)
      const movements = p.values.get('--movements');
      const vintage = p.values.get('--vintage');
      const contours = k.kind === 'boundaries' && (await looksLikeGeoJson(path.resolve(file)));
      if ((movements !== undefined || vintage !== undefined) && !contours) throw new UsageError('--movements and --vintage go with import boundaries <communes.geojson[.gz]>');
      const run = contours ? (o: ImportOptions) => importContours({ ...o, ...(movements ? { movements: path.resolve(movements) } : {}), ...(vintage ? { vintage } : {}) }) : k.run;
      const report = await run({
        dataDir,
        file: path.resolve(file),
        body: p.values.get('--body') ?? process.env.IMPORT_BODY ?? 'non renseigné',
        actor,
        dryRun: p.flags.has('--dry-run'),
        skipInvalid: p.flags.has('--skip-invalid'),
        maxBytes: maxBytesOf(p),
        log: err,
        ...(pauseMs > 0 ? { testPauseMs: pauseMs } : {}),
      });
      out(json ? JSON.stringify(report, null, 1) : formatReport(report));
      return report.status === 'applied' || (report.status === 'dry_run' && report.would_apply) ? 0 : 1;
    }
    if (command === 'rollback') {
      if (rest.length) throw new UsageError('rollback takes no argument');
      const r = await rollback({ dataDir, actor, log: err });
      out(json ? JSON.stringify(r) : r.message);
      return 0;
    }
    if (command === 'imports') {
      const entries = await readAudit(dataDir);
      if (json) out(JSON.stringify(entries, null, 1));
      else if (!entries.length) out(`no import yet (${path.join(dataDir, 'imports.jsonl')})`);
      else
        for (const e of entries) {
          const rows = e.action === 'import' ? ` ${e.rows_imported ?? 0}/${e.rows_total ?? 0} rows, ${e.rows_skipped ?? 0} skipped, sha256 ${(e.checksum_sha256 ?? '').slice(0, 12)}` : '';
          out(`${e.at}  ${e.action} ${e.status}  ${e.import_id ?? ''} ${e.file_name ?? ''} by ${e.body ?? '-'} (${e.actor})${rows}  ${e.build_from ?? '-'} → ${e.build_to ?? '-'}`);
        }
      return 0;
    }
    if (command === 'template') {
      const [theme] = rest;
      if (!theme || !(MEASURE_THEMES as readonly string[]).includes(theme)) throw new UsageError(`template needs a theme: ${MEASURE_THEMES.join(', ')}`);
      process.stdout.write(templateCsv(theme as MeasureTheme, null));
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'which command?');
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${USAGE}`);
      return 2;
    }
    err(e instanceof DataLockedError ? e.message : `failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exitCode = await main(process.argv.slice(2), root);
}
