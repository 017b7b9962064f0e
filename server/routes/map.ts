/**
 * `GET /api/map?indicator=&level=&year=&within=&school_type=&sector=`: the value of one
 * indicator for every territory of a level, as ratios of sums, with the number of schools
 * behind each value and class-ready summary statistics.
 */
import { Hono } from 'hono';
import type { Warehouse } from '../db/warehouse.ts';
import { MIN_SCHOOLS, selectionOf, type Selection } from '../selection.ts';
import { IMPORTABLE, provenanceOf, valueProvenance } from '../provenance.ts';
import { byBody, importsBehind } from '../services/imports.ts';
import { mapValues } from '../services/values.ts';
import { summarize } from '../stats.ts';
import { z } from 'zod';
import { selectionQuery, validate } from '../validation.ts';

/**
 * A number to 12 significant digits: sums of floats carry noise in their last digits
 * (3915920.3000000007) that doubles the size of a commune-level answer and means nothing.
 */
export function significant(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(12));
}

/** The map query: a selection, plus `names=true` to include territory names and `format=columns`. */
export const mapQuery = selectionQuery.extend({
  names: z
    .enum(['true', 'false'], { error: () => 'must be true or false' })
    .optional()
    .describe('include each territory’s name (default false: names come with the geometry and /api/territories, and leaving them out keeps all France’s communes under 140 kB gzipped)'),
  format: z
    .enum(['rows', 'columns'], { error: () => 'must be rows or columns' })
    .optional()
    .describe('rows (default): `values` is one object per territory; columns: `columns` holds one array per field instead (`columns.code[i]`, `columns.value[i]`…), the same data in about half the JSON for all France’s communes, much faster to parse'),
});

/** Rows of identical keys as one array per key (the keys of the first row). */
export function columnsOf<T extends object>(rows: readonly T[]): Record<string, unknown[]> {
  const keys = rows.length ? (Object.keys(rows[0] as object) as (keyof T & string)[]) : [];
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])]));
}

// the provenance block moved to server/provenance.ts; re-exported for the routes that import it from here
export { MIXED_NOTICE, provenanceOf, SYNTHETIC_NOTICE } from '../provenance.ts';

/** The echo of a selection in responses. */
export function selectionEcho(sel: Selection) {
  return {
    indicator: sel.indicator.id,
    level: sel.level,
    year: sel.year,
    within: sel.within ? `${sel.within.level}:${sel.within.code}` : null,
    school_type: sel.schoolType,
    sector: sel.sector,
    unit: sel.indicator.unit,
  };
}

/** Map value routes over one opened warehouse. */
export function mapRoutes(db: Warehouse) {
  return new Hono().get('/', validate('query', mapQuery), async (c) => {
    const q = c.req.valid('query');
    const sel = selectionOf(q);
    const all = await mapValues(db, sel);
    const importable = IMPORTABLE.has(sel.indicator.id);
    let imported = 0;
    let n = 0;
    const values = all.map(({ name, imported_n = 0, ...rest }) => {
      imported += imported_n;
      n += rest.n ?? 0;
      return {
        ...(q.names === 'true' ? { name } : {}),
        ...rest,
        value: significant(rest.value),
        num: significant(rest.num),
        den: significant(rest.den),
        // share of the schools behind the value whose value is partners' imported data
        ...(importable ? { imported_share: valueProvenance(sel.indicator, imported_n, rest.n).imported_share } : {}),
      };
    });
    // the importing bodies and dates, read only when some value is imported
    const imports = imported > 0 ? byBody(await importsBehind(db, { indicator: sel.indicator.id, year: sel.year, level: sel.level, within: sel.within, schoolType: sel.schoolType, sector: sel.sector })) : [];
    return c.json({
      ...selectionEcho(sel),
      ...provenanceOf(sel.indicator, importable ? { imported, n } : undefined, imports),
      min_schools: MIN_SCHOOLS,
      ...(q.format === 'columns' ? { columns: columnsOf(values) } : { values }),
      stats: summarize(values.map((v) => v.value)),
    });
  });
}
