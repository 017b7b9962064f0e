/**
 * The audit log of data changes: `data/imports.jsonl`, one JSON object per line, appended (never
 * rewritten) for every import applied or refused and every rollback: who (actor and importing
 * body), when, what (file, SHA-256, kind), row counts and the versions before and after. It lives
 * beside the versions, so it survives rollbacks and rebuilds. Dry runs change nothing and are not
 * logged.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface AuditEntry {
  at: string;
  action: 'import' | 'rollback';
  status: 'applied' | 'refused' | 'failed' | 'done';
  actor: string;
  import_id?: string;
  kind?: string;
  file_name?: string;
  body?: string;
  checksum_sha256?: string;
  rows_total?: number;
  rows_imported?: number;
  rows_skipped?: number;
  problems_total?: number;
  build_from: string | null;
  build_to: string | null;
  message: string;
}

/** The log file of a data folder. */
export const auditFile = (dataDir: string) => path.join(dataDir, 'imports.jsonl');

/** Appends one entry (a single write of one line: atomic in append mode). */
export async function appendAudit(dataDir: string, entry: AuditEntry): Promise<void> {
  await appendFile(auditFile(dataDir), `${JSON.stringify(entry)}\n`, { encoding: 'utf8', flag: 'a' });
}

/** Every entry, oldest first (a torn last line from a crash is ignored). */
export async function readAudit(dataDir: string): Promise<AuditEntry[]> {
  const text = await readFile(auditFile(dataDir), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // an interrupted write: skip it
    }
  }
  return out;
}
