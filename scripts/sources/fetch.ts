/**
 * Fetch: give the build a local path for each source. Reads the mirror when it exists
 * (`OPENDATA_DIR`, else `../shared/opendata` beside the project), otherwise downloads the
 * official file into the ignored cache `data/raw/` with retries and a size/format check.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from './manifest.ts';

export interface FetchEffects {
  fetch: typeof globalThis.fetch;
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
}

export interface FetchOptions {
  /** project root (holds data/raw) */
  root: string;
  /** mirror folder, if any */
  mirrorDir: string | null;
  retries?: number;
}

/** The mirror folder to use: `OPENDATA_DIR` when set, else `<root>/../shared/opendata` if present. */
export function resolveMirrorDir(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.OPENDATA_DIR) {
    const dir = path.resolve(env.OPENDATA_DIR);
    if (!existsSync(dir)) throw new Error(`OPENDATA_DIR=${env.OPENDATA_DIR}: folder not found`);
    return dir;
  }
  const sibling = path.resolve(root, '..', 'shared', 'opendata');
  return existsSync(sibling) ? sibling : null;
}

/** Checks a local file against the source's size and first bytes; throws a clear error. */
export async function checkFile(file: string, src: Source): Promise<number> {
  const { size } = await stat(file);
  if (size < src.minBytes) {
    throw new Error(`${src.id}: ${file} is ${size} bytes, expected at least ${src.minBytes} (truncated?)`);
  }
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    await fh.read(buf, 0, 64, 0);
    let head = buf.toString('latin1');
    if (head.startsWith('\u00ef\u00bb\u00bf')) head = buf.subarray(3).toString('utf8');
    else head = buf.toString('utf8');
    const raw = buf.toString('latin1');
    const ok = src.expectStart.some((s) => head.startsWith(s) || raw.startsWith(s));
    if (!ok) {
      throw new Error(
        `${src.id}: ${file} does not look like ${src.format} (starts with ${JSON.stringify(head.slice(0, 24))})`,
      );
    }
  } finally {
    await fh.close();
  }
  return size;
}

const defaultEffects: FetchEffects = {
  fetch: globalThis.fetch,
  log: (line) => console.log(line),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** Local path of one source: mirror file, cached download, or a fresh download. */
export async function fetchSource(
  src: Source,
  opts: FetchOptions,
  fx: FetchEffects = defaultEffects,
): Promise<string> {
  if (opts.mirrorDir) {
    const file = path.join(opts.mirrorDir, src.mirrorPath);
    if (existsSync(file)) {
      const size = await checkFile(file, src);
      fx.log(`  source ${src.id}: mirror ${src.mirrorPath} (${(size / 1e6).toFixed(1)} MB)`);
      return file;
    }
  }
  const cached = path.join(opts.root, 'data', 'raw', src.mirrorPath);
  if (existsSync(cached)) {
    await checkFile(cached, src);
    fx.log(`  source ${src.id}: cache data/raw/${src.mirrorPath}`);
    return cached;
  }
  if (!src.download) {
    throw new Error(
      `${src.id}: not in the mirror and no official direct download exists any more; ` +
        `set OPENDATA_DIR to a mirror holding ${src.mirrorPath} (see ${src.page})`,
    );
  }
  await mkdir(path.dirname(cached), { recursive: true });
  const retries = opts.retries ?? 3;
  let lastError: unknown;
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      fx.log(`  source ${src.id}: downloading ${src.download} (attempt ${attempt}/${retries})`);
      const res = await fx.fetch(src.download);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const tmp = `${cached}.tmp`;
      await writeFile(tmp, Buffer.from(await res.arrayBuffer()));
      await checkFile(tmp, src);
      await rename(tmp, cached);
      return cached;
    } catch (err) {
      lastError = err;
      if (attempt < retries) await fx.sleep(1000 * 2 ** (attempt - 1));
    }
  }
  throw new Error(`${src.id}: download failed after ${retries} attempts: ${String(lastError)}`);
}
