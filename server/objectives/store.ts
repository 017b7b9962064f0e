/**
 * The objectives a warehouse version serves: the partners' imported objectives (table
 * `objectives`, written by scripts/import/objectives.ts) and the shipped examples
 * (examples.json, `example: true`). Ids are one namespace: an imported objective replaces the
 * shipped example of the same id; every other example is kept beside the imported objectives,
 * still flagged as an example. Imported objectives come first, in import order.
 *
 * Each imported definition is checked again against the schema when a version is first read (the
 * catalog may have changed since): one that no longer passes is left out and logged, never served.
 */
import { readFileSync } from 'node:fs';
import type { Warehouse } from '../db/warehouse.ts';
import { checkObjectivesText, type Objective } from './schema.ts';

/** The DDL of the `objectives` table (shared by the importer). */
export const OBJECTIVES_TABLE_SQL = readFileSync(new URL('./objectives_table.sql', import.meta.url), 'utf8');

/** Where an imported objective comes from. */
export interface ImportProvenance {
  import_id: string;
  file_name: string;
  /** the importing body (organisation) */
  body: string;
  imported_at: string;
  checksum_sha256: string;
}

/** An objective as served: shipped (examples.json) or imported, with its provenance. */
export type ServedObjective = Objective & { origin: 'shipped' | 'imported'; imported: ImportProvenance | null };

/** The imported objectives of a version (none when the version has no `objectives` table). */
export async function importedObjectives(db: Warehouse, log: (msg: string) => void = () => {}): Promise<ServedObjective[]> {
  const [has] = await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'objectives' AND schema_name = 'main'`);
  if (!has || Number(has.n) === 0) return [];
  const rows = await db.query(`SELECT id, definition, import_id, file_name, body, imported_at, checksum_sha256 FROM objectives ORDER BY imported_at, position, id`);
  const out: ServedObjective[] = [];
  for (const r of rows) {
    const checked = checkObjectivesText(`{"version": 1, "objectives": [${String(r.definition)}]}`);
    const o = checked.objectives?.[0];
    if (!o) {
      log(`objective ${String(r.id)} (import ${String(r.import_id)}) is left out: ${checked.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
      continue;
    }
    out.push({
      ...o,
      origin: 'imported',
      imported: {
        import_id: String(r.import_id), file_name: String(r.file_name), body: String(r.body), imported_at: String(r.imported_at), checksum_sha256: String(r.checksum_sha256),
      },
    });
  }
  return out;
}

/** Imported objectives first, then the examples whose id no import took. Pure. */
export function mergeObjectives(imported: readonly ServedObjective[], examples: readonly Objective[]): ServedObjective[] {
  const taken = new Set(imported.map((o) => o.id));
  return [...imported, ...examples.filter((o) => !taken.has(o.id)).map((o): ServedObjective => ({ ...o, origin: 'shipped', imported: null }))];
}

/** The served objectives of the version a warehouse answers from, read once per version. */
export function objectiveSet(db: Warehouse, examples: readonly Objective[], log?: (msg: string) => void): () => Promise<ServedObjective[]> {
  let cached: { id: string; list: Promise<ServedObjective[]> } | null = null;
  return () => {
    if (cached?.id !== db.buildId) {
      const list = importedObjectives(db, log).then((imported) => mergeObjectives(imported, examples));
      // a failed read is retried by the next request
      list.catch(() => {
        cached = null;
      });
      cached = { id: db.buildId, list };
    }
    return cached.list;
  };
}
