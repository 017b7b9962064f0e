/**
 * Parquet writer for exports: the rows go through an in-memory DuckDB (never the warehouse) and
 * DuckDB's COPY … (FORMAT parquet) into a temporary file, whose bytes are returned.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cell } from './csv.ts';

export type ColumnKind = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN';

/** Writes `rows` under typed `columns` to Parquet bytes. Column names are ours, never a client's. */
export async function toParquet(columns: readonly { name: string; type: ColumnKind }[], rows: readonly (readonly Cell[])[]): Promise<Uint8Array<ArrayBuffer>> {
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  const file = path.join(tmpdir(), `export-${process.pid}-${randomBytes(6).toString('hex')}.parquet`);
  try {
    await conn.run(`CREATE TABLE export (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    const appender = await conn.createAppender('export');
    for (const row of rows) {
      columns.forEach((c, i) => {
        const v = row[i];
        if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) appender.appendNull();
        else if (c.type === 'DOUBLE') appender.appendDouble(Number(v));
        else if (c.type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
        else appender.appendVarchar(String(v));
      });
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    await conn.run(`COPY export TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    return new Uint8Array(await readFile(file));
  } finally {
    conn.closeSync();
    db.closeSync();
    await rm(file, { force: true });
  }
}
