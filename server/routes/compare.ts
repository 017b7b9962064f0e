/**
 * `GET /api/compare?territories=&indicators=&year=`: several territories of any levels side by
 * side on the same indicators (default: all), each with France's value. Each value has its
 * provenance (importable indicators: 'imported', 'synthetic' or 'mixed' with the imported share);
 * each indicator the mix over the territories compared, its notice, sources and importing bodies.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { indicatorForYear, servedIndicators } from '../indicators/years.ts';
import { indicatorOf, parseRef } from '../selection.ts';
import { nationalTotals, yearFor } from '../services/profile.ts';
import { addMixes, provenanceOf, valueProvenance, type Mix } from '../provenance.ts';
import { byBody, importsBehind, type ImportRow } from '../services/imports.ts';
import { shape, totals } from '../services/values.ts';
import { validate, yearSchema } from '../validation.ts';

const MAX_TERRITORIES = 6;

export const compareQuery = z.object({
  territories: z
    .string()
    .max(300, 'at most 300 characters')
    .describe(`2 to ${MAX_TERRITORIES} territories as <level>:<code>, comma-separated, e.g. departement:15,departement:63`),
  indicators: z.string().max(600, 'at most 600 characters').optional().describe('indicator ids, comma-separated; default: all'),
  year: yearSchema.optional(),
});

const REF = /^(region|academie|departement|commune):[0-9][0-9AB][0-9]{0,3}$/;

/** Compare routes over one opened warehouse. */
export function compareRoutes(db: Warehouse) {
  return new Hono().get('/', validate('query', compareQuery), async (c) => {
    const q = c.req.valid('query');
    const refs = [...new Set(q.territories.split(',').map((s) => s.trim()).filter(Boolean))];
    if (refs.length < 1 || refs.length > MAX_TERRITORIES) {
      throw new ApiError(400, 'invalid_parameter', `territories: give 1 to ${MAX_TERRITORIES} territories`, 'territories');
    }
    const bad = refs.find((r) => !REF.test(r));
    if (bad) throw new ApiError(400, 'invalid_parameter', `territories: "${bad.slice(0, 40)}" is not <level>:<code>`, 'territories');
    const indicators = q.indicators ? [...new Set(q.indicators.split(','))].map((id) => indicatorOf(id.trim(), 'indicators')) : [...servedIndicators()];
    const national = await nationalTotals(db);
    const columns = await Promise.all(
      refs.map(async (r) => {
        const ref = parseRef(r);
        const [row] = await db.query(`SELECT name FROM territories WHERE level = $level AND code = $code`, { level: ref.level, code: ref.code });
        if (!row) throw new ApiError(404, 'unknown_territory', `no ${ref.level} with code ${ref.code}`, 'territories');
        const agg = await totals(db, ref);
        const imported = indicators.some((ind) => (agg.get(`${ind.id}|${yearFor(ind, q.year)}`)?.imported ?? 0) > 0);
        const imports = imported ? await importsBehind(db, { level: 'region', within: ref }) : [];
        return {
          imports,
          territory: r,
          level: ref.level,
          code: ref.code,
          name: String(row.name),
          values: indicators.map((ind) => {
            const year = yearFor(ind, q.year);
            const a = agg.get(`${ind.id}|${year}`);
            const value = shape(ind, a);
            return { indicator: ind.id, year, ...value, ...valueProvenance(indicatorForYear(ind, year), a?.imported ?? 0, value.n), imported_n: a?.imported ?? 0 };
          }),
        };
      }),
    );
    return c.json({
      year: q.year ?? null,
      indicators: indicators.map((ind, k) => {
        const year = yearFor(ind, q.year);
        // the mix over the territories compared (a school in two of them counts twice)
        const mix: Mix = addMixes(columns.map((col) => ({ imported: col.values[k]?.imported_n ?? 0, n: col.values[k]?.n ?? null })));
        const rows: ImportRow[] = columns.flatMap((col) => col.imports);
        const imports = byBody(rows, (r) => r.indicator === ind.id && r.year === year);
        return {
          id: ind.id,
          label: ind.label,
          year,
          unit: ind.unit,
          direction: ind.direction,
          ...provenanceOf(indicatorForYear(ind, year), ind.grain === 'school' ? mix : undefined, imports),
          national_value: shape(ind, national.get(`${ind.id}|${year}`)).value,
        };
      }),
      territories: columns.map(({ imports: _imports, values, ...col }) => ({ ...col, values: values.map(({ imported_n: _n, ...v }) => v) })),
    });
  });
}
