/**
 * DuckDB helpers for the build: open a fresh database file and append plain row objects to a
 * table through DuckDB's appender (columns typed by the table definition).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

/** Opens (creates) a database file for writing, offline: no extension may be downloaded. */
export async function openForBuild(file: string): Promise<{ db: DuckDBInstance; conn: DuckDBConnection }> {
  const db = await DuckDBInstance.create(file, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  return { db, conn: await db.connect() };
}

/** Creates `table` with `columns` and appends `rows` (property names = column names). */
export async function createAndAppend<T extends object>(
  conn: DuckDBConnection,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Iterable<T>,
): Promise<number> {
  const names = Object.keys(columns);
  await conn.run(`CREATE TABLE ${table} (${names.map((n) => `${n} ${columns[n]}`).join(', ')})`);
  const appender = await conn.createAppender(table);
  let count = 0;
  for (const row of rows) {
    const rec = row as Record<string, unknown>;
    for (const name of names) {
      const v = rec[name];
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) appender.appendNull();
      else if (columns[name] === 'VARCHAR') appender.appendVarchar(String(v));
      else if (columns[name] === 'DOUBLE') appender.appendDouble(Number(v));
      else if (columns[name] === 'INTEGER') appender.appendInteger(Math.round(Number(v)));
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
    count++;
  }
  appender.flushSync();
  appender.closeSync();
  return count;
}
