/**
 * Vitest global setup: the server and browser tests run against the real warehouse built from
 * the open-data mirror and the built web front end; build them once if they are missing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/ensure-built.ts';

export default async function setup(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  await ensureBuilt(root, (line) => console.log(`[setup] ${line}`));
}
