/**
 * `GET /api/series?indicator=&territory=&school_type=&sector=`: an indicator for every year it
 * has, over a territory (or France when `territory` is omitted), with France alongside. Each
 * point has its provenance (importable indicators: 'imported', 'synthetic' or 'mixed' with the
 * imported share); the response's provenance is the mix over all the points.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { indicatorForYear } from '../indicators/years.ts';
import { checkFilters, indicatorOf, parseRef } from '../selection.ts';
import { addMixes, IMPORTABLE, provenanceOf, valueProvenance } from '../provenance.ts';
import { byBody, importsBehind } from '../services/imports.ts';
import { seriesValues } from '../services/values.ts';
import { indicatorIdSchema, schoolTypeSchema, sectorSchema, territoryRefSchema, validate } from '../validation.ts';

export const seriesQuery = z.object({
  indicator: indicatorIdSchema,
  territory: territoryRefSchema.optional(),
  school_type: schoolTypeSchema.optional(),
  sector: sectorSchema.optional(),
});

/** Series routes over one opened warehouse. */
export function seriesRoutes(db: Warehouse) {
  return new Hono().get('/', validate('query', seriesQuery), async (c) => {
    const q = c.req.valid('query');
    const indicator = indicatorOf(q.indicator);
    checkFilters(indicator, q.school_type, q.sector);
    const ref = q.territory ? parseRef(q.territory) : null;
    const filters = { schoolType: q.school_type ?? null, sector: q.sector ?? null };
    const [series, france] = await Promise.all([seriesValues(db, indicator, ref, filters), seriesValues(db, indicator, null, filters)]);
    const importable = IMPORTABLE.has(indicator.id);
    const mix = addMixes(series.map((s) => ({ imported: s.imported_n, n: s.n })));
    const imports = mix.imported > 0 ? byBody(await importsBehind(db, { indicator: indicator.id, level: 'region', within: ref, ...filters })) : [];
    return c.json({
      indicator: indicator.id,
      territory: q.territory ?? 'france',
      unit: indicator.unit,
      ...provenanceOf(indicator, importable ? mix : undefined, imports),
      series: series.map(({ imported_n, ...s }, i) => ({ ...s, ...valueProvenance(indicatorForYear(indicator, s.year), imported_n, s.n), national_value: france[i]?.value ?? null })),
    });
  });
}
