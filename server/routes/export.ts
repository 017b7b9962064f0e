/**
 * `GET /api/export?kind=map|schools&format=csv|geojson|parquet&…`: the same selections as
 * /api/map and /api/schools as files, named after the view, with columns for source, vintage
 * and provenance (and the "données fictives" notice on demo values).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { mapFileBase } from '../embed/fileName.ts';
import { toCsv, type Cell } from '../export/csv.ts';
import { geometryLoader } from '../export/geometry.ts';
import { toParquet, type ColumnKind } from '../export/parquet.ts';
import { sql } from '../queries/load.ts';
import { checkFilters, indicatorOf, parseRef, selectionOf, yearOf } from '../selection.ts';
import { IMPORTABLE, provenanceCells, valueProvenance, type ImportRef, type ValueProvenance } from '../provenance.ts';
import { byBodyPerCode, importsBehind } from '../services/imports.ts';
import { mapValues, schoolValues } from '../services/values.ts';
import { indicatorIdSchema, levelSchema, schoolTypeSchema, sectorSchema, territoryRefSchema, validate, yearSchema } from '../validation.ts';

export const exportQuery = z.object({
  kind: z.enum(['map', 'schools'], { error: () => 'must be map or schools' }).default('map').describe('map: one row per territory of level; schools: one row per school'),
  format: z.enum(['csv', 'geojson', 'parquet'], { error: () => 'must be csv, geojson or parquet' }).default('csv').describe('file format'),
  indicator: indicatorIdSchema,
  level: levelSchema.optional().describe('territorial level (kind=map; required there)'),
  year: yearSchema.optional(),
  within: territoryRefSchema.optional().describe('parent territory as <level>:<code> (kind=map: a level above `level`)'),
  school_type: schoolTypeSchema.optional(),
  sector: sectorSchema.optional(),
});

interface Table {
  columns: { name: string; type: ColumnKind }[];
  rows: Cell[][];
  /** per row: [level, code] for map rows, [lon, lat] for schools */
  geo: ({ kind: 'area'; code: string } | { kind: 'point'; lon: number | null; lat: number | null })[];
}

const PROVENANCE_COLUMNS: { name: string; type: ColumnKind }[] = [
  { name: 'provenance', type: 'VARCHAR' },
  { name: 'notice', type: 'VARCHAR' },
  { name: 'source', type: 'VARCHAR' },
  { name: 'vintage', type: 'VARCHAR' },
  { name: 'licence', type: 'VARCHAR' },
];

/** Last column: share of the schools behind a row whose value is partners' imported data (importable indicators). */
const IMPORTED_SHARE_COLUMN: { name: string; type: ColumnKind } = { name: 'imported_share', type: 'DOUBLE' };

/** The name of a `<level>:<code>` parent for file names (its code when unknown). */
async function withinName(db: Warehouse, within: string | undefined): Promise<string | null> {
  if (!within) return null;
  const ref = parseRef(within);
  const row = (await db.query(sql('territory'), { level: ref.level, code: ref.code }))[0];
  return typeof row?.name === 'string' && row.name ? row.name : ref.code;
}

/** Export routes over one opened warehouse. */
export function exportRoutes(db: Warehouse) {
  // geometry per version folder (a new build has new geometry; an import keeps the same files)
  const loaders = new Map<string, ReturnType<typeof geometryLoader>>();
  const geometry: ReturnType<typeof geometryLoader> = (level) => {
    let load = loaders.get(db.dir);
    if (!load) {
      load = geometryLoader(db.dir);
      loaders.set(db.dir, load);
      while (loaders.size > 2) loaders.delete(loaders.keys().next().value as string);
    }
    return load(level);
  };
  return new Hono().get('/', validate('query', exportQuery), async (c) => {
    const q = c.req.valid('query');
    let table: Table;
    let name: string;
    let level: Parameters<typeof geometry>[0] | null = null;
    if (q.kind === 'map') {
      if (!q.level) throw new ApiError(400, 'invalid_parameter', 'level: required for kind=map', 'level');
      const sel = selectionOf({ ...q, level: q.level });
      level = sel.level;
      const values = await mapValues(db, sel);
      const ind = sel.indicator;
      // the importing bodies and dates per territory, read only when some value is imported
      const imports = values.some((v) => (v.imported_n ?? 0) > 0)
        ? byBodyPerCode(await importsBehind(db, { indicator: ind.id, year: sel.year, level: sel.level, within: sel.within, schoolType: sel.schoolType, sector: sel.sector }))
        : new Map<string, ImportRef[]>();
      table = {
        columns: [
          { name: 'level', type: 'VARCHAR' }, { name: 'code', type: 'VARCHAR' }, { name: 'name', type: 'VARCHAR' },
          { name: 'indicator', type: 'VARCHAR' }, { name: 'label', type: 'VARCHAR' }, { name: 'year', type: 'DOUBLE' },
          { name: 'value', type: 'DOUBLE' }, { name: 'unit', type: 'VARCHAR' }, { name: 'n_schools', type: 'DOUBLE' }, { name: 'low_n', type: 'BOOLEAN' },
          { name: 'numerator', type: 'DOUBLE' }, { name: 'denominator', type: 'DOUBLE' }, { name: 'school_type', type: 'VARCHAR' }, { name: 'sector', type: 'VARCHAR' },
          ...PROVENANCE_COLUMNS,
          IMPORTED_SHARE_COLUMN,
        ],
        rows: values.map((v) => {
          const p = valueProvenance(ind, v.imported_n ?? 0, v.n);
          return [sel.level, v.code, v.name, ind.id, ind.label.fr, sel.year, v.value, ind.unit.fr, v.n, v.low_n, v.num, v.den, sel.schoolType, sel.sector, ...provenanceCells(ind, p.provenance, imports.get(v.code)), p.imported_share];
        }),
        geo: values.map((v) => ({ kind: 'area' as const, code: v.code })),
      };
      name = mapFileBase({ level: sel.level, within: await withinName(db, q.within), indicator: ind.id, year: sel.year, schoolType: sel.schoolType, sector: sel.sector });
    } else {
      const ind = indicatorOf(q.indicator);
      if (ind.grain !== 'school') throw new ApiError(400, 'not_per_school', `indicator ${ind.id} is not computed per school`, 'indicator');
      checkFilters(ind, q.school_type, q.sector);
      const year = yearOf(ind, q.year);
      const schools = await schoolValues(db, { indicator: ind, year, within: q.within ? parseRef(q.within) : null, schoolType: q.school_type ?? null, sector: q.sector ?? null });
      table = {
        columns: [
          { name: 'uai', type: 'VARCHAR' }, { name: 'name', type: 'VARCHAR' }, { name: 'school_type', type: 'VARCHAR' }, { name: 'sector', type: 'VARCHAR' },
          { name: 'commune_code', type: 'VARCHAR' }, { name: 'departement_code', type: 'VARCHAR' }, { name: 'position_quality', type: 'VARCHAR' },
          { name: 'lon', type: 'DOUBLE' }, { name: 'lat', type: 'DOUBLE' }, { name: 'pupils_2022', type: 'DOUBLE' },
          { name: 'indicator', type: 'VARCHAR' }, { name: 'label', type: 'VARCHAR' }, { name: 'year', type: 'DOUBLE' }, { name: 'value', type: 'DOUBLE' }, { name: 'unit', type: 'VARCHAR' },
          ...PROVENANCE_COLUMNS,
          IMPORTED_SHARE_COLUMN,
        ],
        rows: schools.map((s) => {
          const p: ValueProvenance = IMPORTABLE.has(ind.id) && s.provenance ? (s.provenance as ValueProvenance) : ind.provenance;
          const share = IMPORTABLE.has(ind.id) && s.provenance ? (p === 'imported' ? 1 : 0) : null;
          return [s.uai, s.name, s.school_type, s.sector, s.commune_code, s.departement_code, s.position_quality, s.lon, s.lat, s.pupils, ind.id, ind.label.fr, year, s.value, ind.unit.fr, ...provenanceCells(ind, p), share];
        }),
        geo: schools.map((s) => ({ kind: 'point' as const, lon: s.lon, lat: s.lat })),
      };
      name = mapFileBase({ level: 'schools', within: await withinName(db, q.within), indicator: ind.id, year, schoolType: q.school_type, sector: q.sector });
    }
    const filename = `${name}.${q.format}`;
    const disposition = `attachment; filename="${filename}"`;
    if (q.format === 'csv') {
      return c.body(toCsv(table.columns.map((col) => col.name), table.rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition });
    }
    if (q.format === 'parquet') {
      return c.body(await toParquet(table.columns, table.rows), 200, { 'Content-Type': 'application/vnd.apache.parquet', 'Content-Disposition': disposition });
    }
    const shapes = level ? await geometry(level) : null;
    const features = table.rows.map((row, i) => {
      const g = table.geo[i];
      const properties = Object.fromEntries(table.columns.map((col, k) => [col.name, row[k] ?? null]));
      const geom = !g ? null : g.kind === 'area' ? (shapes?.get(g.code) ?? null) : g.lon !== null && g.lat !== null ? { type: 'Point', coordinates: [g.lon, g.lat] } : null;
      return { type: 'Feature', properties, geometry: geom };
    });
    return c.body(JSON.stringify({ type: 'FeatureCollection', features }), 200, { 'Content-Type': 'application/geo+json', 'Content-Disposition': disposition });
  });
}
