/**
 * The partners' imports behind imported values (issue #7): which bodies imported the values of a
 * selection, and when, so that answers can name them ("données importées (Région, 2026-11-28)").
 * Read only when some value of the selection is imported (the caller checks its counts first).
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { Level } from '../indicators/catalog.ts';
import { MEASURES } from '../indicators/measures.ts';
import type { ImportRef } from '../provenance.ts';
import { levelColumn, sql, withColumns } from '../queries/load.ts';
import type { TerritoryRef } from '../selection.ts';

/** 'indicator:measure' for every measure each importable indicator is computed from. */
const MEASURE_PAIRS = MEASURES.flatMap((m) => m.indicators.map((ind) => `${ind}:${m.id}`)).join(',');

export interface ImportRow extends ImportRef {
  indicator: string;
  year: number;
  /** the territory of `level` the schools are in */
  code: string;
}

export interface ImportsQuery {
  /** one indicator, or every importable one */
  indicator?: string | null;
  year?: number | null;
  /** the level whose territory codes the rows carry */
  level: Level;
  within?: TerritoryRef | null;
  schoolType?: string | null;
  sector?: string | null;
}

/** ISO date of an import time ('2026-11-28T10:00:00.000Z' → '2026-11-28'). */
const dateOf = (at: unknown) => String(at ?? '').slice(0, 10);

/** The imports behind the imported facts of a selection, per indicator, year, territory and body. */
export async function importsBehind(db: Warehouse, q: ImportsQuery): Promise<ImportRow[]> {
  const text = withColumns(sql('imports_behind'), { code_col: levelColumn(q.level), within_col: levelColumn(q.within?.level ?? 'region') });
  const rows = await db.query(text, {
    indicator: q.indicator ?? null,
    year: q.year ?? null,
    measures: MEASURE_PAIRS,
    within_code: q.within?.code ?? null,
    school_type: q.schoolType ?? null,
    sector: q.sector ?? null,
  });
  return rows.map((r) => ({ indicator: String(r.indicator), year: Number(r.year), code: String(r.code), body: String(r.body ?? ''), date: dateOf(r.imported_at), schools: Number(r.schools) }));
}

/**
 * Merges rows (of any indicators, years, territories) into one entry per body: its latest date
 * and the schools summed (a school counted once per indicator and year row), latest first.
 */
export function byBody(rows: readonly ImportRow[], keep: (r: ImportRow) => boolean = () => true): ImportRef[] {
  const out = new Map<string, ImportRef>();
  for (const r of rows) {
    if (!keep(r)) continue;
    const e = out.get(r.body);
    if (!e) out.set(r.body, { body: r.body, date: r.date, schools: r.schools });
    else {
      e.schools += r.schools;
      if (r.date > e.date) e.date = r.date;
    }
  }
  return [...out.values()].sort((a, b) => b.date.localeCompare(a.date) || a.body.localeCompare(b.body));
}

/** byBody per territory code (for one indicator and year: the bodies behind each territory's value). */
export function byBodyPerCode(rows: readonly ImportRow[]): Map<string, ImportRef[]> {
  const groups = new Map<string, ImportRow[]>();
  for (const r of rows) {
    const g = groups.get(r.code);
    if (g) g.push(r);
    else groups.set(r.code, [r]);
  }
  return new Map([...groups].map(([code, g]) => [code, byBody(g)]));
}
