/**
 * Publishing warehouse versions, shared by the build (`npm run data:build`) and the importers
 * (`npm run data -- import|rollback`). A data folder holds `builds/<id>/` (complete versions),
 * `warehouse` (a symlink to the served one) and `.lock` (who is changing it).
 *
 * - `publish` renames `builds/<id>.tmp` to `builds/<id>` and swaps the link atomically (rename of
 *   a temporary link over it), then keeps only the new version and the one it replaced.
 * - `acquireDataLock` serialises the writers: a second one fails fast with a clear message; a lock
 *   left by a killed process (its pid is gone) is taken over, and its half-written `*.tmp`
 *   folders are removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, readdir, readlink, rename, rm, stat, symlink, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Id of the build `dataDir/warehouse` points to, or null when there is no link. */
export async function currentBuildId(dataDir: string): Promise<string | null> {
  const target = await readlink(path.join(dataDir, 'warehouse')).catch(() => null);
  return target ? path.basename(target) : null;
}

/** A new version id: UTC time to the second and 6 random hex digits (sorts by time). */
export function newBuildId(now = new Date()): string {
  const rand = Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
  return `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${rand}`;
}

/** Points `dataDir/warehouse` at `builds/<id>` atomically; returns the id it pointed to before. */
export async function swapLink(dataDir: string, id: string): Promise<string | null> {
  const link = path.join(dataDir, 'warehouse');
  const previous = await currentBuildId(dataDir);
  // a real directory left there by hand cannot be replaced by rename: refuse rather than delete it
  const st = await stat(link).catch(() => null);
  if (st && st.isDirectory() && previous === null) throw new Error(`${link} is a directory, not a link: move it away first`);
  if (st && !st.isDirectory()) await rm(link, { force: true });
  const tmpLink = `${link}.${process.pid}.tmp`;
  await rm(tmpLink, { force: true });
  await symlink(path.join('builds', id), tmpLink);
  await rename(tmpLink, link);
  return previous;
}

/**
 * Publishes `tmpDir` as `builds/<id>`, swaps the link to it and deletes every other version but
 * the one it replaced (and `keep`). Resolves with the replaced version's id.
 */
export async function publish(dataDir: string, id: string, tmpDir: string, keep: readonly string[] = []): Promise<string | null> {
  const buildsDir = path.join(dataDir, 'builds');
  await rename(tmpDir, path.join(buildsDir, id));
  const previous = await swapLink(dataDir, id);
  const kept = new Set([id, previous, ...keep]);
  for (const entry of await readdir(buildsDir)) {
    if (!kept.has(entry) && !entry.endsWith('.tmp')) await rm(path.join(buildsDir, entry), { recursive: true, force: true });
  }
  return previous;
}

export interface LockInfo {
  pid: number;
  host: string;
  what: string;
  since: string;
}

/** Thrown when another live process holds the data lock. */
export class DataLockedError extends Error {
  constructor(readonly holder: LockInfo) {
    super(`another data operation is running: ${holder.what} (pid ${holder.pid} on ${holder.host}, since ${holder.since}); try again when it ends`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), what: String(info.what ?? '?'), since: String(info.since ?? '?') } : null;
  } catch {
    return null;
  }
}

/**
 * Takes `dataDir/.lock` for `what` (e.g. "import measures file.csv"); resolves with its release.
 * A lock whose process is gone (same host) is stale: it is replaced, and the `builds/*.tmp`
 * folders and temporary links it may have left are removed.
 */
export async function acquireDataLock(dataDir: string, what: string, log: (line: string) => void = () => {}): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, '.lock');
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, 'wx');
      await fh.writeFile(JSON.stringify(mine));
      await fh.close();
      await removeLeftovers(dataDir, log);
      return async () => {
        const now = readLock(file);
        if (now?.pid === mine.pid && now.since === mine.since) await unlink(file).catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && (holder.host !== mine.host || alive(holder.pid))) throw new DataLockedError(holder);
      log(`data lock: ${holder ? `process ${holder.pid} (${holder.what}) is gone` : 'unreadable lock file'}: taking it over`);
      await unlink(file).catch(() => {});
    }
  }
  throw new Error(`could not take ${file}`);
}

/** Half-written versions and temporary links of a dead writer (only called under the lock). */
async function removeLeftovers(dataDir: string, log: (line: string) => void): Promise<void> {
  const buildsDir = path.join(dataDir, 'builds');
  if (existsSync(buildsDir)) {
    for (const entry of await readdir(buildsDir)) {
      if (!entry.endsWith('.tmp')) continue;
      log(`  removing the unfinished version builds/${entry}`);
      await rm(path.join(buildsDir, entry), { recursive: true, force: true });
    }
  }
  for (const entry of await readdir(dataDir)) {
    if (/^warehouse\.\d+\.tmp$/.test(entry)) await rm(path.join(dataDir, entry), { force: true });
  }
}
