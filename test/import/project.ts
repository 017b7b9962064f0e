/**
 * A throw-away project for import tests: `<root>/data/builds/<id>/` holding the tiny fixture
 * warehouse (test/fixtures/tiny-warehouse.ts) and `<root>/data/warehouse` linking to it, as
 * `npm run data:build` lays them out.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

export interface TinyProject {
  root: string;
  dataDir: string;
  /** the first version's id (its folder name) */
  buildId: string;
  remove(): void;
}

/** The folder name of the fixture's version (time-sortable like real ids, older than any import). */
export const FIXTURE_VERSION = '20260101T000000-000000';

export async function makeTinyProject(): Promise<TinyProject> {
  const root = mkdtempSync(path.join(tmpdir(), 'import-project-'));
  const dataDir = path.join(root, 'data');
  mkdirSync(path.join(dataDir, 'builds'), { recursive: true });
  const built = await makeTinyWarehouse();
  renameSync(built, path.join(dataDir, 'builds', FIXTURE_VERSION));
  symlinkSync(path.join('builds', FIXTURE_VERSION), path.join(dataDir, 'warehouse'));
  return { root, dataDir, buildId: FIXTURE_VERSION, remove: () => rmSync(root, { recursive: true, force: true }) };
}
