/**
 * A new warehouse version made from the served one: `builds/<to>.tmp/` holds hard links to the
 * unchanged files (geometry, tiles: no copy, no extra space), a private copy of
 * `warehouse.duckdb` that the import then changes, and a new `build.json` naming its parent.
 * Nothing here touches the served version: a crash leaves only the `.tmp` folder, removed by the
 * next writer (scripts/build/publish.ts).
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WAREHOUSE = 'warehouse.duckdb';

/** Hard-links every file of `src` into `dst` (copies when linking fails), except `skip` at the top. */
async function linkTree(src: string, dst: string, skip: ReadonlySet<string>): Promise<number> {
  await mkdir(dst, { recursive: true });
  let n = 0;
  for (const entry of await readdir(src, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const from = path.join(src, entry.name);
    const to = path.join(dst, entry.name);
    if (entry.isDirectory()) n += await linkTree(from, to, new Set());
    else if (entry.isFile()) {
      await link(from, to).catch(() => copyFile(from, to));
      n++;
    }
  }
  return n;
}

/** Prepares `builds/<to>.tmp` from `builds/<from>`; resolves with the folder. */
export async function prepareVersion(dataDir: string, from: string, to: string): Promise<string> {
  const src = path.join(dataDir, 'builds', from);
  const dir = path.join(dataDir, 'builds', `${to}.tmp`);
  await linkTree(src, dir, new Set([WAREHOUSE, `${WAREHOUSE}.wal`, 'build.json']));
  // a reflink where the file system offers one, else a plain copy
  await copyFile(path.join(src, WAREHOUSE), path.join(dir, WAREHOUSE), constants.COPYFILE_FICLONE);
  return dir;
}

export interface BuildJsonImport {
  import_id: string;
  kind: string;
  file: string;
  sha256: string;
  body: string;
  at: string;
  rows_imported: number;
}

/** A source as build.json lists it (and GET /api/health shows it). */
export interface BuildJsonSource {
  id: string;
  title: string;
  producer: string;
  vintage: string;
  licence: string;
  page: string;
  [extra: string]: unknown;
}

/**
 * Writes the new version's build.json: the parent's, with its own id, time, parent and imports;
 * an official release import also adds its source (replacing one of the same id).
 */
export async function writeBuildJson(dataDir: string, from: string, dir: string, to: string, entry: BuildJsonImport, source?: BuildJsonSource): Promise<void> {
  const parent = JSON.parse(await readFile(path.join(dataDir, 'builds', from, 'build.json'), 'utf8')) as Record<string, unknown>;
  const imports = Array.isArray(parent.imports) ? (parent.imports as BuildJsonImport[]) : [];
  const sources = Array.isArray(parent.sources) ? (parent.sources as BuildJsonSource[]) : [];
  const out = {
    ...parent,
    id: to,
    builtAt: entry.at,
    parent: from,
    imports: [...imports, entry],
    ...(source ? { sources: [...sources.filter((s) => s.id !== source.id), source] } : {}),
  };
  const file = path.join(dir, 'build.json');
  await writeFile(file, JSON.stringify(out, null, 1));
  const fh = await open(file, 'r');
  await fh.sync();
  await fh.close();
}

/** The parent version recorded in a version's build.json (imports and rollbacks), or null. */
export async function parentOf(dataDir: string, id: string): Promise<string | null> {
  try {
    const info = JSON.parse(await readFile(path.join(dataDir, 'builds', id, 'build.json'), 'utf8')) as { parent?: unknown };
    return typeof info.parent === 'string' ? info.parent : null;
  } catch {
    return null;
  }
}
