/**
 * Build section: the full France data build as a child process (`node --import tsx
 * scripts/build/index.ts`), its wall time and peak RSS (from `/usr/bin/time -v` when present,
 * else by polling VmHWM in /proc), then the size of the published warehouse.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { startChild } from './child.ts';
import { procMemory } from './proc.ts';
import { megabytes, num, type ResultRow } from './table.ts';

const TIME = '/usr/bin/time';
/** The build must finish within this, or it is stopped and the section fails. */
const BUILD_TIMEOUT_S = 900;
const TARGET_SECONDS = 60;
const TARGET_MB = 150;

/** Total size in bytes of the files under `dir` (recursive; symlinks not followed). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(p);
    else if (entry.isFile()) total += (await stat(p)).size;
  }
  return total;
}

/** Runs the build once and measures it; throws with the build's output if it fails. */
export async function benchBuild(root: string, log: (line: string) => void): Promise<ResultRow[]> {
  const useTime = existsSync(TIME);
  const script = ['--import', 'tsx', path.join('scripts', 'build', 'index.ts')];
  const [cmd, args] = useTime ? [TIME, ['-v', process.execPath, ...script]] : [process.execPath, script];
  log(`build: ${useTime ? '/usr/bin/time -v ' : ''}node --import tsx scripts/build/index.ts`);
  const t0 = performance.now();
  const child = startChild(cmd, args, { cwd: root, tailBytes: 64_000 });
  let peak = 0;
  const poll = useTime ? undefined : setInterval(() => (peak = Math.max(peak, procMemory(child.pid, 'VmHWM') ?? 0)), 50);
  const timer = setTimeout(() => void child.stop(), BUILD_TIMEOUT_S * 1000);
  const code = await child.exited;
  const seconds = (performance.now() - t0) / 1000;
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  const out = child.tail();
  if (code !== 0) throw new Error(`data build exited with ${code} after ${seconds.toFixed(1)} s:\n${out.slice(-4000)}`);
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
    peak = m?.[1] ? Number(m[1]) * 1024 : 0;
  }
  const inner = /data build (\S+): done in ([\d.]+) s/.exec(out);
  const dir = realpathSync(path.join(root, 'data', 'warehouse'));
  if (inner?.[1] && path.basename(dir) !== inner[1]) throw new Error(`data/warehouse points to ${dir}, not the new build ${inner[1]}`);
  const duckdb = (await stat(path.join(dir, 'warehouse.duckdb'))).size;
  const total = await folderBytes(dir);
  log(`build: ${seconds.toFixed(1)} s, peak RSS ${megabytes(peak)}, warehouse ${megabytes(duckdb)}, folder ${megabytes(total)}`);
  return [
    { benchmark: 'build', measure: 'wall time (process)', value: `${num(seconds, 1)} s`, target: `< ${TARGET_SECONDS} s`, ok: seconds < TARGET_SECONDS },
    { benchmark: 'build', measure: 'time reported by the build', value: inner?.[2] ? `${num(Number(inner[2]), 1)} s` : 'n/a' },
    { benchmark: 'build', measure: 'peak RSS', value: peak ? megabytes(peak) : 'n/a' },
    { benchmark: 'build', measure: 'warehouse.duckdb size', value: megabytes(duckdb), target: `< ${TARGET_MB} MB`, ok: duckdb < TARGET_MB * 1e6 },
    { benchmark: 'build', measure: 'build folder total (geo included)', value: megabytes(total), target: `< ${TARGET_MB} MB`, ok: total < TARGET_MB * 1e6 },
  ];
}
