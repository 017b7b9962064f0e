/**
 * Import section: a 1,000,000-row measures CSV for real schools of the built warehouse, imported
 * (dry run, then for real) into a COPY of the served version in a temporary data folder, so the
 * developer's `data/warehouse` is never touched. Reports rows per second for read + validate
 * (the dry run) and for the whole import (validate, new version, facts recomputed, link swapped).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createWriteStream, realpathSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MEASURES, MEASURE_YEARS } from '../server/indicators/measures.ts';
import { importMeasures } from '../scripts/import/measures.ts';
import { megabytes, num, type ResultRow } from './table.ts';

const ROWS = 1_000_000;
const TARGET_ROWS_PER_S = 200_000;

/** Copies a version folder: hard links for everything but the DuckDB file, which is copied. */
async function copyVersion(src: string, dst: string): Promise<void> {
  await mkdir(dst, { recursive: true });
  for (const e of await readdir(src, { withFileTypes: true })) {
    const from = path.join(src, e.name);
    const to = path.join(dst, e.name);
    if (e.isDirectory()) await copyVersion(from, to);
    else if (e.name.endsWith('.duckdb')) await copyFile(from, to);
    else await link(from, to).catch(() => copyFile(from, to));
  }
}

async function schoolsOf(file: string): Promise<{ uai: string; pupils: number | null }[]> {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    const r = await conn.runAndReadAll(`SELECT s.uai, p.pupils::DOUBLE AS pupils FROM schools s LEFT JOIN (SELECT uai, pupils FROM school_years WHERE year = 2022) p USING (uai) ORDER BY s.uai`);
    return r.getRowObjectsJS().map((x) => ({ uai: String(x.uai), pupils: x.pupils === null ? null : Number(x.pupils) }));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Writes `rows` valid measure rows (distinct school × year × measure, spread over all schools). */
export async function writeMeasuresCsv(file: string, schools: readonly { uai: string; pupils: number | null }[], rows: number): Promise<number> {
  const keys = schools.length * MEASURE_YEARS.length * MEASURES.length;
  if (rows > keys) throw new Error(`only ${keys} distinct school-year-measures`);
  // a stride coprime with the key count visits distinct keys spread over every school
  let stride = Math.floor(keys * 0.618) | 1;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (gcd(stride, keys) !== 1) stride += 2;
  const out = createWriteStream(file);
  let buf = 'uai;year;measure;value;date;source\n';
  for (let i = 0; i < rows; i++) {
    const key = (i * stride) % keys;
    const m = MEASURES[key % MEASURES.length];
    const y = MEASURE_YEARS[Math.floor(key / MEASURES.length) % MEASURE_YEARS.length] ?? 2025;
    const s = schools[Math.floor(key / (MEASURES.length * MEASURE_YEARS.length))];
    if (!m || !s) continue;
    let value: string;
    if (m.kind === 'text') value = m.values[i % m.values.length] ?? 'fibre';
    else if (m.id === 'devices_recent') value = '0';
    else if (m.id === 'ent_active_pupils') value = String(Math.floor((s.pupils ?? 0) / 2));
    else value = m.integer ? String(i % 50) : `${i % 97},5`;
    buf += `${s.uai};${y}-${y + 1};${m.id};${value};${y}-10-01;inventaire bench\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', resolve));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));
  return (await stat(file)).size;
}

/** Runs the section; throws when no warehouse is built. */
export async function benchImport(root: string, log: (line: string) => void): Promise<ResultRow[]> {
  const served = realpathSync(path.join(root, 'data', 'warehouse'));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const dataDir = path.join(tmp, 'data');
    const id = path.basename(served);
    await copyVersion(served, path.join(dataDir, 'builds', id));
    await symlink(path.join('builds', id), path.join(dataDir, 'warehouse'));
    const schools = await schoolsOf(path.join(served, 'warehouse.duckdb'));
    const file = path.join(tmp, 'measures-1m.csv');
    const t0 = performance.now();
    const bytes = await writeMeasuresCsv(file, schools, ROWS);
    log(`import: wrote ${num(ROWS)} rows (${megabytes(bytes)}) for ${num(schools.length)} schools in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const options = { dataDir, file, body: 'bench', actor: 'bench', maxBytes: 1e9, log };
    const dry = await importMeasures({ ...options, dryRun: true });
    if (dry.status !== 'dry_run' || !dry.would_apply) throw new Error(`dry run refused the generated file: ${dry.message}`);
    const cpu0 = process.cpuUsage();
    const real = await importMeasures(options);
    const cpu = process.cpuUsage(cpu0);
    if (real.status !== 'applied') throw new Error(`import refused: ${real.message}`);
    const dryRate = ROWS / dry.seconds.total;
    const realRate = ROWS / real.seconds.total;
    const size = (await stat(path.join(dataDir, 'warehouse', 'warehouse.duckdb'))).size;
    log(`import: dry run ${dry.seconds.total.toFixed(2)} s, import ${real.seconds.total.toFixed(2)} s (validate ${real.seconds.read_validate.toFixed(2)} s, new version ${real.seconds.apply.toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
    return [
      { benchmark: 'import 1M measures', measure: 'file', value: `${num(ROWS)} rows, ${megabytes(bytes)}` },
      { benchmark: 'import 1M measures', measure: 'read + validate (dry run)', value: `${num(dryRate)} rows/s`, target: `≥ ${num(TARGET_ROWS_PER_S)} rows/s`, ok: dryRate >= TARGET_ROWS_PER_S },
      { benchmark: 'import 1M measures', measure: 'whole import (new version, facts, swap)', value: `${num(realRate)} rows/s`, target: `≥ ${num(TARGET_ROWS_PER_S)} rows/s`, ok: realRate >= TARGET_ROWS_PER_S },
      { benchmark: 'import 1M measures', measure: 'of which validate', value: `${num(real.seconds.read_validate, 2)} s` },
      { benchmark: 'import 1M measures', measure: 'of which new version (apply, facts, swap)', value: `${num(real.seconds.apply, 2)} s` },
      // CPU of every thread (JavaScript and DuckDB's two): the work, whatever else runs on the machine
      { benchmark: 'import 1M measures', measure: 'whole import CPU time (all threads)', value: `${num((cpu.user + cpu.system) / 1e6, 2)} s` },
      { benchmark: 'import 1M measures', measure: 'warehouse.duckdb after import', value: megabytes(size) },
    ];
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
