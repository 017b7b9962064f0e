/**
 * `GET /api/series?indicator=&territory=&school_type=&sector=`: an indicator for every year it
 * has, over a territory (or France when `territory` is omitted), with France alongside.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { checkFilters, indicatorOf, parseRef } from '../selection.ts';
import { seriesValues } from '../services/values.ts';
import { indicatorIdSchema, schoolTypeSchema, sectorSchema, territoryRefSchema, validate } from '../validation.ts';
import { provenanceOf } from './map.ts';

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
    return c.json({
      indicator: indicator.id,
      territory: q.territory ?? 'france',
      unit: indicator.unit,
      ...provenanceOf(indicator),
      series: series.map((s, i) => ({ ...s, national_value: france[i]?.value ?? null })),
    });
  });
}
