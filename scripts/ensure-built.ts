/**
 * Builds what is missing before serving or testing: the data warehouse (when `data/warehouse`
 * has no warehouse) and the web front end (when `dist/web` is missing or older than `web/`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from './build/index.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : entry.name.includes('.test.') ? 0 : statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Runs the data build and/or the web build when their outputs are missing or stale. */
export async function ensureBuilt(root: string, log: (line: string) => void = console.log): Promise<void> {
  const warehouseDir = path.resolve(process.env.WAREHOUSE_DIR ?? path.join(root, 'data', 'warehouse'));
  // a warehouse from before a build step existed (tiles) is rebuilt too
  const needed = ['warehouse.duckdb', 'build.json', path.join('tiles', 'commune', 'tilejson.json'), path.join('overview', 'commune', 'meta.json')];
  if (!needed.every((f) => existsSync(path.join(warehouseDir, f)))) {
    log('no complete warehouse yet: running the data build');
    await build({ root, log });
  }
  const index = path.join(root, 'dist', 'web', 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newestMtime(path.join(root, 'web'))) {
    log('web front end missing or stale: running vite build');
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // always the production bundle: under vitest NODE_ENV is "test", and Vite would then build
      // React's development version (StrictMode's double effects, several times slower)
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
