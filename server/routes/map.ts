/**
 * `GET /api/map?indicator=&level=&year=&within=&school_type=&sector=`: the value of one
 * indicator for every territory of a level, as ratios of sums, with the number of schools
 * behind each value and class-ready summary statistics.
 */
import { Hono } from 'hono';
import type { Warehouse } from '../db/warehouse.ts';
import type { Indicator } from '../indicators/catalog.ts';
import { MIN_SCHOOLS, selectionOf, type Selection } from '../selection.ts';
import { mapValues } from '../services/values.ts';
import { summarize } from '../stats.ts';
import { z } from 'zod';
import { selectionQuery, validate } from '../validation.ts';

/** The map query: a selection, plus `names=true` to include territory names. */
export const mapQuery = selectionQuery.extend({
  names: z
    .enum(['true', 'false'], { error: () => 'must be true or false' })
    .optional()
    .describe('include each territory’s name (default false: names come with the geometry and /api/territories, and leaving them out keeps all France’s communes under 140 kB gzipped)'),
});

/** The provenance block every response carrying indicator values includes. */
export function provenanceOf(ind: Indicator) {
  return {
    provenance: ind.provenance,
    ...(ind.provenance === 'synthetic' ? { notice: 'données fictives : valeurs simulées de démonstration / synthetic demo data' } : {}),
    ...(ind.provenance === 'historical' ? { notice: 'donnée historique : ne décrit pas la situation actuelle / historical data' } : {}),
    sources: ind.sources,
  };
}

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
    const values = q.names === 'true' ? all : all.map(({ name: _name, ...rest }) => rest);
    return c.json({
      ...selectionEcho(sel),
      ...provenanceOf(sel.indicator),
      min_schools: MIN_SCHOOLS,
      values,
      stats: summarize(values.map((v) => v.value)),
    });
  });
}
