/**
 * `GET /api/map?indicator=&level=&year=&within=`: the value of one indicator for every
 * territory of a level, as ratios of sums, with the number of schools behind each value.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { findIndicator, LEVELS, latestYear, type Indicator, type Level } from '../indicators/catalog.ts';
import { levelColumn, sql, withColumns } from '../queries/load.ts';
import { indicatorIdSchema, levelSchema, validate, withinSchema, yearSchema } from '../validation.ts';

const query = z.object({
  indicator: indicatorIdSchema,
  level: levelSchema,
  year: yearSchema.optional(),
  within: withinSchema.optional(),
});

export interface MapValue {
  code: string;
  name: string;
  value: number | null;
  n: number | null;
  num: number | null;
  den: number | null;
}

/** The value shown for aggregated num/den: scale × num/den, or num without denominator. */
export function valueOf(ind: Indicator, num: number | null, den: number | null): number | null {
  if (num === null) return null;
  if (ind.denominator === null) return num;
  if (den === null || den <= 0) return null;
  return (ind.scale * num) / den;
}

function resolveIndicator(id: string, level: Level, year: number | undefined): { ind: Indicator; year: number } {
  const ind = findIndicator(id);
  if (!ind) throw new ApiError(400, 'unknown_indicator', `unknown indicator "${id}"; see /api/indicators`, 'indicator');
  if (!ind.levels.includes(level)) throw new ApiError(400, 'unknown_level', `indicator ${id} has no level ${level}`, 'level');
  const y = year ?? latestYear(ind);
  if (!ind.years.includes(y)) {
    throw new ApiError(400, 'unknown_year', `indicator ${id} has no year ${y}; available: ${ind.years.join(', ')}`, 'year');
  }
  return { ind, year: y };
}

/** Map value routes over one opened warehouse. */
export function mapRoutes(db: Warehouse) {
  const text = sql('map_values');
  return new Hono().get('/', validate('query', query), async (c) => {
    const q = c.req.valid('query');
    const { ind, year } = resolveIndicator(q.indicator, q.level, q.year);
    const [withinLevel, withinCode] = q.within ? (q.within.split(':') as [Level, string]) : [null, null];
    if (withinLevel && LEVELS.indexOf(withinLevel) >= LEVELS.indexOf(q.level)) {
      throw new ApiError(400, 'invalid_within', `within must be a level above ${q.level}`, 'within');
    }
    const rows = await db.query(
      withColumns(text, { level_col: levelColumn(q.level), within_col: levelColumn(withinLevel ?? 'region') }),
      { indicator: ind.id, year, level: q.level, within_code: withinCode },
    );
    const values: MapValue[] = rows.map((r) => {
      const num = r.num as number | null;
      const den = r.den as number | null;
      return {
        code: String(r.code),
        name: String(r.name),
        value: valueOf(ind, num, den),
        n: ind.grain === 'school' ? Number(r.n) : null,
        num,
        den,
      };
    });
    const present = values.map((v) => v.value).filter((v): v is number => v !== null);
    return c.json({
      indicator: ind.id,
      level: q.level,
      year,
      within: q.within ?? null,
      provenance: ind.provenance,
      unit: ind.unit,
      ...(ind.provenance === 'synthetic' ? { notice: 'données fictives / synthetic demo data' } : {}),
      sources: ind.sources,
      values,
      stats: {
        count: present.length,
        missing: values.length - present.length,
        min: present.length ? Math.min(...present) : null,
        max: present.length ? Math.max(...present) : null,
        mean: present.length ? present.reduce((a, b) => a + b, 0) / present.length : null,
      },
    });
  });
}
