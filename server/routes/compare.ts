/**
 * `GET /api/compare?territories=&indicators=&year=`: several territories of any levels side by
 * side on the same indicators (default: all), each with France's value.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { INDICATORS } from '../indicators/catalog.ts';
import { indicatorOf, parseRef } from '../selection.ts';
import { nationalTotals, yearFor } from '../services/profile.ts';
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
    const indicators = q.indicators ? [...new Set(q.indicators.split(','))].map((id) => indicatorOf(id.trim(), 'indicators')) : [...INDICATORS];
    const national = await nationalTotals(db);
    const columns = await Promise.all(
      refs.map(async (r) => {
        const ref = parseRef(r);
        const [row] = await db.query(`SELECT name FROM territories WHERE level = $level AND code = $code`, { level: ref.level, code: ref.code });
        if (!row) throw new ApiError(404, 'unknown_territory', `no ${ref.level} with code ${ref.code}`, 'territories');
        const agg = await totals(db, ref);
        return {
          territory: r,
          level: ref.level,
          code: ref.code,
          name: String(row.name),
          values: indicators.map((ind) => {
            const year = yearFor(ind, q.year);
            return { indicator: ind.id, year, ...shape(ind, agg.get(`${ind.id}|${year}`)) };
          }),
        };
      }),
    );
    return c.json({
      year: q.year ?? null,
      indicators: indicators.map((ind) => {
        const year = yearFor(ind, q.year);
        return { id: ind.id, label: ind.label, year, unit: ind.unit, direction: ind.direction, provenance: ind.provenance, national_value: shape(ind, national.get(`${ind.id}|${year}`)).value };
      }),
      territories: columns,
    });
  });
}
