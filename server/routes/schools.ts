/**
 * `GET /api/schools?within=&indicator=&year=&school_type=&sector=`: every school of a
 * selection with position, position quality, type, sector, pupils and the indicator's value.
 * Compact for all of France (≈ 42,000 schools): column names once, then one array per school.
 * The last column is the provenance of the school's value for importable indicators ('imported'
 * or 'synthetic'; null otherwise: the response's `provenance` applies); the response's provenance
 * is the mix over the schools with a value, with the imported share and the importing bodies.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { checkFilters, indicatorOf, parseRef, yearOf } from '../selection.ts';
import { IMPORTABLE, provenanceOf } from '../provenance.ts';
import { byBody, importsBehind } from '../services/imports.ts';
import { schoolValues } from '../services/values.ts';
import { indicatorIdSchema, schoolTypeSchema, sectorSchema, territoryRefSchema, validate, yearSchema } from '../validation.ts';

export const schoolsQuery = z.object({
  indicator: indicatorIdSchema,
  year: yearSchema.optional(),
  within: territoryRefSchema.optional(),
  school_type: schoolTypeSchema.optional(),
  sector: sectorSchema.optional(),
});

export const SCHOOL_COLUMNS = [
  'uai', 'name', 'school_type', 'sector', 'commune_code', 'position_quality', 'lon', 'lat', 'display_lon', 'display_lat', 'pupils', 'value', 'provenance',
] as const;

const round = (v: number | null, d: number) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/** School routes over one opened warehouse. */
export function schoolRoutes(db: Warehouse) {
  return new Hono().get('/', validate('query', schoolsQuery), async (c) => {
    const q = c.req.valid('query');
    const indicator = indicatorOf(q.indicator);
    if (indicator.grain !== 'school') {
      throw new ApiError(400, 'not_per_school', `indicator ${indicator.id} is not computed per school`, 'indicator');
    }
    checkFilters(indicator, q.school_type, q.sector);
    const year = yearOf(indicator, q.year);
    const within = q.within ? parseRef(q.within) : null;
    const schools = await schoolValues(db, { indicator, year, within, schoolType: q.school_type ?? null, sector: q.sector ?? null });
    const importable = IMPORTABLE.has(indicator.id);
    let n = 0;
    let imported = 0;
    for (const s of schools) {
      if (s.value === null) continue;
      n++;
      if (s.provenance === 'imported') imported++;
    }
    const imports = imported > 0 ? byBody(await importsBehind(db, { indicator: indicator.id, year, level: 'region', within, schoolType: q.school_type ?? null, sector: q.sector ?? null })) : [];
    return c.json({
      indicator: indicator.id,
      year,
      within: q.within ?? null,
      school_type: q.school_type ?? null,
      sector: q.sector ?? null,
      unit: indicator.unit,
      ...provenanceOf(indicator, importable ? { imported, n } : undefined, imports),
      count: schools.length,
      columns: SCHOOL_COLUMNS,
      rows: schools.map((s) => [
        s.uai, s.name, s.school_type, s.sector, s.commune_code, s.position_quality,
        round(s.lon, 5), round(s.lat, 5), round(s.display_lon, 5), round(s.display_lat, 5), s.pupils, round(s.value, 3),
        importable && s.value !== null ? s.provenance : null,
      ]),
    });
  });
}
