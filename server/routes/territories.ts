/**
 * `GET /api/territories?level=&within=`: the territories of a level; and
 * `GET /api/territories/{level}/{code}?year=`: one territory with its parents, its children
 * (a commune lists its schools) and its profile (every indicator against parent and France).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Row, Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import type { Level } from '../indicators/catalog.ts';
import { levelColumn, sql, withColumns } from '../queries/load.ts';
import { MIN_SCHOOLS, parseRef, checkWithin } from '../selection.ts';
import { CHILD_LEVEL, PARENT_LEVEL, profile } from '../services/profile.ts';
import { levelSchema, validate, withinSchema, yearSchema } from '../validation.ts';

export const listQuery = z.object({ level: levelSchema, within: withinSchema.optional() });
export const detailParams = z.object({
  level: levelSchema,
  code: z.string().max(10, 'at most 10 characters').regex(/^[0-9][0-9AB][0-9]{0,3}$/, 'an INSEE or académie code').describe('territory code'),
});
export const detailQuery = z.object({ year: yearSchema.optional() });

const PARENT_COLUMN: Record<Exclude<Level, 'commune'>, 'region_code' | 'academie_code' | 'departement_code'> = {
  region: 'region_code',
  academie: 'academie_code',
  departement: 'departement_code',
};

function territoryOut(r: Row) {
  return {
    level: String(r.level),
    code: String(r.code),
    name: String(r.name),
    region_code: r.region_code,
    academie_code: r.academie_code,
    departement_code: r.departement_code,
    population: r.population,
    area_km2: r.area_km2,
    density: r.density,
    has_geometry: r.has_geometry,
  };
}

/** Territory routes over one opened warehouse. */
export function territoryRoutes(db: Warehouse) {
  const one = async (level: Level, code: string) => (await db.query(sql('territory'), { level, code }))[0];
  return new Hono()
    .get('/', validate('query', listQuery), async (c) => {
      const q = c.req.valid('query');
      const within = q.within ? parseRef(q.within) : null;
      checkWithin(q.level, within);
      const text = withColumns(sql('territories'), { within_col: levelColumn(within?.level ?? 'region') });
      const rows = await db.query(text, { level: q.level, within_code: within?.code ?? null });
      return c.json({ level: q.level, within: q.within ?? null, territories: rows.map(territoryOut) });
    })
    .get('/:level/:code', validate('param', detailParams), validate('query', detailQuery), async (c) => {
      const { level, code } = c.req.valid('param');
      const { year } = c.req.valid('query');
      const row = await one(level, code);
      if (!row) throw new ApiError(404, 'unknown_territory', `no ${level} with code ${code}`, 'code');
      const parents: { level: Level; code: string; name: string }[] = [];
      for (const pl of ['region', 'academie', 'departement'] as const) {
        const pcode = row[PARENT_COLUMN[pl]];
        if (typeof pcode === 'string') parents.push({ level: pl, code: pcode, name: String((await one(pl, pcode))?.name ?? pcode) });
      }
      const parentLevel = PARENT_LEVEL[level];
      const parent = parents.find((p) => p.level === parentLevel) ?? null;
      const childLevel = CHILD_LEVEL[level];
      const children = childLevel
        ? {
            level: childLevel,
            items: (
              await db.query(withColumns(sql('territories'), { within_col: levelColumn(level) }), { level: childLevel, within_code: code })
            ).map((r) => ({ code: String(r.code), name: String(r.name) })),
          }
        : { level: 'school' as const, items: await db.query(sql('territory_schools'), { code }) };
      return c.json({
        territory: territoryOut(row),
        parents,
        compared_with: parent ? { level: parent.level, code: parent.code, name: parent.name } : { level: 'france', code: 'FR', name: 'France' },
        children,
        min_schools: MIN_SCHOOLS,
        profile: await profile(db, { level, code }, parent ? { level: parent.level, code: parent.code } : null, year),
      });
    });
}
