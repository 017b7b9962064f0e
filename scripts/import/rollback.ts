/**
 * `npm run data -- rollback`: serves the version the current one was made from again (its parent
 * recorded in build.json by an import; else the most recent older version kept), by the same
 * atomic link swap, under the data lock, and records it in the audit log. The version left is
 * kept until the next import or build.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { acquireDataLock, currentBuildId, swapLink } from '../build/publish.ts';
import { appendAudit } from './audit.ts';
import { parentOf } from './version.ts';

export interface RollbackResult {
  from: string;
  to: string;
  message: string;
}

/** The version a rollback from `current` goes back to, or null. */
export async function rollbackTarget(dataDir: string, current: string): Promise<string | null> {
  const usable = (id: string) => existsSync(path.join(dataDir, 'builds', id, 'warehouse.duckdb'));
  const parent = await parentOf(dataDir, current);
  if (parent && usable(parent)) return parent;
  const older = (await readdir(path.join(dataDir, 'builds')).catch(() => [] as string[]))
    .filter((e) => !e.endsWith('.tmp') && e < current && usable(e))
    .sort();
  return older[older.length - 1] ?? null;
}

/** Swaps back; throws with a clear message when there is nothing to go back to. */
export async function rollback({ dataDir, actor, log = () => {} }: { dataDir: string; actor: string; log?: (line: string) => void }): Promise<RollbackResult> {
  const release = await acquireDataLock(dataDir, 'rollback', log);
  try {
    const current = await currentBuildId(dataDir);
    if (!current) throw new Error(`no served warehouse in ${dataDir}`);
    const target = await rollbackTarget(dataDir, current);
    if (!target) throw new Error(`nothing to roll back to: no version older than ${current} is kept in ${path.join(dataDir, 'builds')}`);
    await swapLink(dataDir, target);
    const message = `rolled back: version ${target} is served again (${current} kept until the next import or build)`;
    await appendAudit(dataDir, { at: new Date().toISOString(), action: 'rollback', status: 'done', actor, build_from: current, build_to: target, message });
    log(message);
    return { from: current, to: target, message };
  } finally {
    await release();
  }
}
