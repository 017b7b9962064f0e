/**
 * The one owner of the DuckDB warehouse on the server side: opens the built file READ_ONLY,
 * runs named queries with bound parameters over a small pool of connections, and normalises
 * result types once (BIGINT → number, DECIMAL → number) so routes only see JSON-safe rows.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
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
