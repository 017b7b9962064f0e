/**
 * `npm run data -- import boundaries <communes.geojson[.gz]> [--movements <v_mvt_commune.csv>]
 * [--vintage "<label>"] [--dry-run] [--skip-invalid]`: a new year of commune boundaries (etalab
 * contours administratifs, IGN ADMIN EXPRESS as GeoJSON), with the year's INSEE code changes.
 *
 *   lock data/ → read the movements (the code-changes importer's parser, boundaries.ts) and the
 *   boundaries file (contoursValidate.ts) against the served version → report → (dry run: stop)
 *   → refuse on any problem unless skip_invalid → write the validated polygons to a staging
 *   folder (importedBoundaries.ts) → run the regular data build with them in place of the
 *   mirror's communes (display geometry, tiles, areas and densities, contiguity, académie and
 *   région unions), carrying every import over and staging this import's code changes before it
 *   publishes → new version (build.json: parent, imports, the boundaries' source with file name,
 *   SHA-256 and vintage) swapped in atomically → audit log.
 *
 * A new boundaries year is a new build of every geometry product: this takes the build's time and
 * memory (about 15 s and 1.5 GB for all France). The served version is never written.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from '../../build/index.ts';
import { IMPORTED_SQL, RELEASES_SQL, checkInvariants } from '../../build/warehouse.ts';
import { recordImport, type ImportRecord } from '../apply.ts';
import type { ImportOptions } from '../measures.ts';
import { FileRefused, readInto } from '../read.ts';
import type { ImportReport, Problem, ReleaseSummary } from '../report.ts';
import { announce, auditFailure, buildJsonEntry, checkBeforeReading, endDryRun, fileProblem, finish, importRecord, lockData, markApplied, startReport, startSession } from '../session.ts';
import type { BuildJsonImport } from '../version.ts';
import { boundariesKind, resolveChains, type ChangeRow } from './boundaries.ts';
import { loadContext } from './context.ts';
import { validateContours, type CommuneInfo } from './contoursValidate.ts';
export { looksLikeGeoJson } from './geojsonSniff.ts';
import { BOUNDARY_NAMES, type BoundariesSource } from './importedBoundaries.ts';
import { rebuildAfterReleases, stageRelease } from './run.ts';
import { ReleaseValidator } from './validator.ts';

export interface ContoursOptions extends ImportOptions {
  /** INSEE movements (or passage table) of the same year, applied with the geometry */
  movements?: string;
  /** the vintage recorded (default: told from the file name, e.g. "2027" in communes-2027.geojson) */
  vintage?: string;
  /** project root: the mirror beside it and data/raw (default: this checkout) */
  root?: string;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** "communes-2027-100m.geojson.gz" → "2027"; else null. */
export function vintageFromName(name: string): string | null {
  const years = [...name.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => m[1]);
  return years.length ? (years[years.length - 1] ?? null) : null;
}

async function communeInfo(warehouseFile: string): Promise<Map<string, CommuneInfo>> {
  const db = await DuckDBInstance.create(warehouseFile, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  try {
    const rows = (await conn.runAndReadAll(`SELECT code, name, departement_code, population FROM territories WHERE level = 'commune'`)).getRowObjectsJS();
    return new Map(rows.map((r) => [String(r.code), { name: String(r.name), dep: String(r.departement_code ?? ''), population: r.population === null ? null : Number(r.population) }]));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Runs a boundaries import (or its dry run); resolves with its report. */
export async function importContours(o: ContoursOptions): Promise<ImportReport> {
  const s = startSession(o);
  const { importId, fileName, at, today, dryRun, skipInvalid, log } = s;
  const report: ImportReport = startReport('boundaries', s, o, {
    skipInvalid, rows: { ignored: 0 }, data: { measures: {} }, tail: { warnings: [], warnings_total: 0, warnings_by_code: {} },
  });
  const release = await lockData(s, o, 'boundaries');
  let staging: string | null = null;
  try {
    const served = await checkBeforeReading(report, s, o, fileProblem);
    if (!served) return await finish(report, s, o);
    const { from } = served;
    const tRead = performance.now();
    const raw = await readFile(o.file);
    report.file.sha256 = createHash('sha256').update(raw).digest('hex');
    const warehouseFile = path.join(o.dataDir, 'builds', from, 'warehouse.duckdb');
    const ctx = await loadContext(warehouseFile);
    const communes = await communeInfo(warehouseFile);

    // the year's code changes, read as the code-changes import reads them
    const problems: Problem[] = [];
    const byCode: ImportReport['problems_by_code'] = {};
    let problemsTotal = 0;
    const addProblem = (p: Problem) => {
      problemsTotal++;
      byCode[p.code] = (byCode[p.code] ?? 0) + 1;
      problems.push(p);
    };
    let changes: ChangeRow[] = [];
    let changesSummary: ReleaseSummary | null = null;
    let movementsBroken = false;
    const movementsName = o.movements ? path.basename(o.movements) : '';
    if (o.movements) {
      try {
        const got = await readInto(o.movements, movementsName, (csv) => new ReleaseValidator(boundariesKind.parser(ctx, { today }), csv));
        const v = got.sink;
        v.finish();
        for (const p of v.problems) addProblem({ ...p, reason: `movements file ${movementsName}: ${p.reason}` });
        problemsTotal += v.problemsTotal - v.problems.length;
        movementsBroken = v.headerBroken;
        changes = v.accepted;
        if (!v.headerBroken && changes.length) changesSummary = boundariesKind.summarize(changes, ctx, v, { today });
      } catch (err) {
        if (!(err instanceof FileRefused)) throw err;
        movementsBroken = true;
        addProblem({ column: null, code: err.code, reason: `movements file ${movementsName}: ${err.message}` });
      }
    }
    const final = resolveChains(changes);
    // code changes imported before (a current commune's code aliased to another), then this file's
    const movements = new Map<string, { to: string }>();
    for (const [code, to] of ctx.aliases) if (to !== code && communes.has(code)) movements.set(code, { to });
    for (const [old, to] of final) movements.set(old, { to });
    const aliases = new Map([...ctx.aliases].filter(([a, c]) => a !== c));
    const v = validateContours(raw, { communes, aliases, movements });
    report.seconds.read_validate = (performance.now() - tRead) / 1000;
    report.file.format = 'unknown';
    for (const p of v.problems) addProblem(p);
    problemsTotal += v.problemsTotal - v.problems.length;
    report.problems = problems.slice(0, 1000);
    report.problems_total = problemsTotal;
    report.problems_by_code = byCode;
    report.rows = { total: v.features, valid: v.accepted.length, invalid: v.invalid, empty: 0, imported: 0, skipped: 0, ignored: v.ignored.length };
    const vintage = o.vintage?.trim() || vintageFromName(fileName) || today.slice(0, 4);
    const source: BoundariesSource = {
      id: 'contours-communes',
      title: `Contours des communes (import ${fileName})`,
      producer: `fichier importé par ${o.body} (etalab contours administratifs / IGN ADMIN EXPRESS)`,
      vintage: `géométrie ${vintage}${changesSummary ? `, ${changesSummary.source.vintage}` : ''}`,
      licence: 'Licence Ouverte / Etalab 2.0',
      page: 'https://www.data.gouv.fr/fr/datasets/contours-administratifs/',
      file: fileName, sha256: report.file.sha256, import_id: importId, body: o.body, imported_at: at, features: v.accepted.length, origin: 'import',
    };
    if (!v.fileBroken) {
      report.release = {
        source: { id: source.id, title: source.title, producer: source.producer, vintage: source.vintage, licence: source.licence, page: source.page },
        counts: {
          features: v.features,
          communes_with_polygon: v.accepted.length,
          communes_without_polygon: v.withoutPolygon.length,
          communes_merged: v.merged.length,
          com_ignored: v.ignored.length,
          code_changes: changes.length,
        },
        details: {
          without_polygon: v.withoutPolygon.slice(0, 200).map((c) => `${c.code} ${c.name}`),
          merged: v.merged.slice(0, 200).map((c) => `${c.code} ${c.name} → ${c.host}`),
          ...(changesSummary ? { changes: changesSummary.details.changes ?? [] } : {}),
          not_applied: ['département borders stay those of the mirror (dissolved from the 2018 communes)'],
        },
      };
    }
    const wouldApply = !v.fileBroken && !movementsBroken && v.accepted.length > 0 && (problemsTotal === 0 || skipInvalid);
    log(`import ${importId}: ${v.features} features read and checked in ${report.seconds.read_validate.toFixed(2)} s: ${v.accepted.length} valid, ${v.invalid} invalid, ${v.ignored.length} ignored (COM), ${v.withoutPolygon.length} communes without polygon, ${v.merged.length} merged, ${changes.length} code changes`);
    if (dryRun) {
      endDryRun(report, wouldApply, wouldApply
        ? `dry run: ${v.accepted.length} commune polygons${changes.length ? ` and ${changes.length} code changes` : ''} would be imported by a new build${v.invalid ? `, ${v.invalid} invalid features skipped` : ''}; nothing was changed`
        : `dry run: the import would be refused (${problemsTotal ? `${problemsTotal} problems` : 'no valid feature'}); nothing was changed`);
      return await finish(report, s, o);
    }
    if (!wouldApply) {
      report.message = v.fileBroken || movementsBroken
        ? 'refused: the file is not usable, nothing was read'
        : v.accepted.length === 0
          ? 'refused: no valid commune polygon'
          : `refused: ${problemsTotal} problems; fix them, or import the ${v.accepted.length} valid polygons with skip_invalid (the others' communes are left without polygon)`;
      return await finish(report, s, o);
    }

    // the validated polygons, as the build reads them
    const tApply = performance.now();
    staging = await mkdtemp(path.join(os.tmpdir(), 'boundaries-import-'));
    const fc = { type: 'FeatureCollection', features: v.accepted.map((f) => ({ type: 'Feature', properties: { code: f.code, nom: f.name, dep: f.dep }, geometry: f.geometry })) };
    await writeFile(path.join(staging, BOUNDARY_NAMES.communes), gzipSync(JSON.stringify(fc)));
    const accepted = new Set(v.accepted.map((f) => f.code));
    // communes whose feature was skipped (skip_invalid) have no polygon either
    const without = [
      ...v.withoutPolygon.map((c) => ({ code: c.code, nom: c.name, dep: c.dep, population: c.population })),
      ...v.merged.map((c) => ({ code: c.code, nom: c.name, dep: c.dep, population: c.population, host: c.host })),
    ];
    for (const [code, c] of communes) if (!accepted.has(code) && !without.some((w) => w.code === code)) without.push({ code, nom: c.name, dep: c.dep, population: c.population });
    await writeFile(path.join(staging, BOUNDARY_NAMES.withoutGeometry), JSON.stringify(without));
    await writeFile(path.join(staging, BOUNDARY_NAMES.source), JSON.stringify(source, null, 1));

    const parentInfo = JSON.parse(await readFile(path.join(o.dataDir, 'builds', from, 'build.json'), 'utf8').catch(() => '{}')) as { imports?: BuildJsonImport[] };
    const entry = buildJsonEntry(s, report, v.accepted.length);
    const built = await build({
      root: o.root ?? PROJECT_ROOT,
      dataDir: o.dataDir,
      lockHeld: true,
      boundariesDir: staging,
      log,
      buildInfo: { parent: from, imports: [...(Array.isArray(parentInfo.imports) ? parentInfo.imports : []), entry] },
      beforePublish: async (file, to) => {
        await stageImport(file, changes, changesSummary, importRecord(s, report, { from, to }, { total: v.features, imported: v.accepted.length, skipped: v.invalid }));
      },
    }).catch(async (err: unknown) => {
      await auditFailure(report, o, 'building', err);
      throw err;
    });
    markApplied(report, built.id, { imported: v.accepted.length, skipped: v.invalid }, tApply);
    report.message = `applied: ${v.accepted.length} commune polygons of ${fileName} (${source.vintage})${changes.length ? ` and ${changes.length} code changes` : ''}; every geometry product rebuilt; version ${built.id} is served (previous ${from} kept for rollback)`;
    await announce(s, o, built.id);
    return await finish(report, s, o);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    await release?.();
  }
}

/** This import's rows and record in the new build's warehouse, then the releases applied again. */
async function stageImport(file: string, changes: readonly ChangeRow[], summary: ReleaseSummary | null, record: ImportRecord): Promise<void> {
  const db = await DuckDBInstance.create(file, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' });
  const conn = await db.connect();
  try {
    await conn.run(IMPORTED_SQL);
    if (changes.length && summary) await stageRelease(conn, boundariesKind, changes, record, summary);
    await recordImport(conn, record, false);
    if (changes.length) {
      await conn.run(RELEASES_SQL);
      await rebuildAfterReleases(conn, true);
    } else {
      await checkInvariants(conn, 'all');
      await conn.run('CHECKPOINT');
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
