/**
 * The one owner of the DuckDB warehouse on the server side: opens the built file READ_ONLY,
 * runs named queries with bound parameters over a small pool of connections, and normalises
 * result types once (BIGINT → number, DECIMAL → number) so routes only see JSON-safe rows.
 *
 * `followWarehouse` serves whatever version the `data/warehouse` link points to: when an import,
 * a rollback or a build swaps the link, the new version is opened READ_ONLY for new requests,
 * while requests already running finish on the old one (each request is pinned to the version it
 * started on), which is closed when its last request ends.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type Row = Record<string, string | number | boolean | null>;
export type Params = Record<string, string | number | boolean | null>;

export interface Warehouse {
  /** build id of the opened warehouse (for ETags and /api/health) */
  readonly buildId: string;
  readonly builtAt: string;
  /** folder of the opened build (holds geo/ and build.json) */
  readonly dir: string;
  query(sql: string, params?: Params): Promise<Row[]>;
  close(): void;
  /**
   * Runs `fn` (a request) on the version current when it starts, even if a newer one is swapped
   * in meanwhile; only warehouses that can change (followWarehouse) have it.
   */
  pin?<T>(fn: () => Promise<T>): Promise<T>;
}

function normalise(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Opens `<dir>/warehouse.duckdb` read-only (a symlinked dir is resolved once, at open). */
export async function openWarehouse(dir: string, poolSize = 4): Promise<Warehouse> {
  const file = path.join(dir, 'warehouse.duckdb');
  if (!existsSync(file)) {
    throw new Error(`no warehouse at ${file}: run \`npm run data:build\` first`);
  }
  const real = realpathSync(dir);
  const db = await DuckDBInstance.create(path.join(real, 'warehouse.duckdb'), {
    access_mode: 'READ_ONLY',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const pool: DuckDBConnection[] = [];
  for (let i = 0; i < poolSize; i++) pool.push(await db.connect());
  let next = 0;
  const query = async (sql: string, params?: Params): Promise<Row[]> => {
    const conn = pool[next++ % pool.length] as DuckDBConnection;
    const reader = await conn.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined);
    const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
    return rows.map((r) => {
      const out: Row = {};
      for (const k in r) out[k] = normalise(r[k]);
      return out;
    });
  };
  const meta = new Map((await query('SELECT key, value FROM meta')).map((r) => [String(r.key), String(r.value)]));
  return {
    buildId: meta.get('build_id') ?? 'unknown',
    builtAt: meta.get('built_at') ?? '',
    dir: real,
    query,
    close() {
      for (const c of pool) c.closeSync();
      db.closeSync();
    },
  };
}

/** A warehouse that follows a link; `refresh` checks it now (it is also polled). */
export interface FollowingWarehouse extends Warehouse {
  /** opens the version the link points to if it changed; true when it swapped */
  refresh(): Promise<boolean>;
  pin<T>(fn: () => Promise<T>): Promise<T>;
}

interface Version {
  wh: Warehouse;
  real: string;
  /** requests running on it */
  refs: number;
  retired: boolean;
}

/**
 * Opens the version `dir` (a symlink, or a folder) points to and follows it: checked every
 * `pollMs` and on `refresh()`. A version that fails to open is logged and retried at the next
 * check; the current one keeps serving.
 */
export async function followWarehouse(dir: string, { pollMs = 1000, log = console.error }: { pollMs?: number; log?: (msg: string) => void } = {}): Promise<FollowingWarehouse> {
  const first = await openWarehouse(dir);
  let current: Version = { wh: first, real: first.dir, refs: 0, retired: false };
  const pinned = new AsyncLocalStorage<Version>();
  let opening: Promise<boolean> | null = null;
  let failedTarget = '';
  let closed = false;

  const release = (v: Version) => {
    v.refs--;
    if (v.retired && v.refs === 0) v.wh.close();
  };
  const active = () => pinned.getStore() ?? current;

  const swapIn = async (): Promise<boolean> => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return false;
    }
    if (closed || real === current.real) return false;
    let wh: Warehouse;
    try {
      wh = await openWarehouse(real);
    } catch (err) {
      if (failedTarget !== real) log(`warehouse: cannot open ${real} (${err instanceof Error ? err.message : String(err)}); still serving ${current.wh.buildId}`);
      failedTarget = real;
      return false;
    }
    if (closed) {
      wh.close();
      return false;
    }
    const old = current;
    current = { wh, real, refs: 0, retired: false };
    old.retired = true;
    if (old.refs === 0) old.wh.close();
    log(`warehouse: now serving ${wh.buildId} (was ${old.wh.buildId}${old.refs ? `, ${old.refs} requests finishing on it` : ''})`);
    return true;
  };
  const refresh = () => {
    opening ??= swapIn().finally(() => {
      opening = null;
    });
    return opening;
  };
  const timer = setInterval(() => void refresh(), pollMs);
  timer.unref();

  return {
    get buildId() {
      return active().wh.buildId;
    },
    get builtAt() {
      return active().wh.builtAt;
    },
    get dir() {
      return active().wh.dir;
    },
    async query(sql, params) {
      const own = pinned.getStore();
      if (own) return own.wh.query(sql, params);
      const v = current;
      v.refs++;
      try {
        return await v.wh.query(sql, params);
      } finally {
        release(v);
      }
    },
    async pin(fn) {
      const v = current;
      v.refs++;
      try {
        return await pinned.run(v, fn);
      } finally {
        release(v);
      }
    },
    refresh,
    close() {
      closed = true;
      clearInterval(timer);
      current.retired = true;
      if (current.refs === 0) current.wh.close();
    },
  };
}
