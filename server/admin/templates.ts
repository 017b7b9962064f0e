/**
 * Import templates, one per theme (connectivity, equipment, usage): the long format of
 * server/indicators/measures.ts as a CSV a partner fills in. With schools, one row per school and
 * measure with an empty value (rows left empty are ignored by the importer); without, one example
 * row per measure. UTF-8 with BOM, comma-separated, names protected against formula injection.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { csvCell } from '../export/csv.ts';
import { IMPORT_COLUMNS, MEASURES, MEASURE_THEMES, MEASURE_YEARS, measuresOf, type MeasureTheme } from '../indicators/measures.ts';
import { levelColumn, withColumns } from '../queries/load.ts';
import { parseRef } from '../selection.ts';
import { territoryRefSchema, validate, yearSchema } from '../validation.ts';

export interface TemplateSchool {
  uai: string;
  name: string;
}

const COLUMNS = IMPORT_COLUMNS.map((c) => c.key);

/** The template CSV text of a theme for a school year. */
export function templateCsv(theme: MeasureTheme, schools: readonly TemplateSchool[] | null, year = MEASURE_YEARS[MEASURE_YEARS.length - 1] ?? 2025): string {
  const measures = measuresOf(theme);
  const schoolYear = `${year}-${year + 1}`;
  const rows: string[][] = [];
  if (schools) {
    for (const s of schools) for (const m of measures) rows.push([s.uai, schoolYear, m.id, '', '', '', s.name]);
  } else {
    for (const m of measures) rows.push(['0630001J', schoolYear, m.id, m.example, `${year}-10-01`, 'inventaire du service numérique', 'exemple : remplacez par vos établissements']);
  }
  const lines = [COLUMNS.join(','), ...rows.map((r) => r.map((v) => csvCell(v)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `GET /api/templates` (the format, as JSON) and `GET /api/templates/{theme}.csv?within=&year=` (public). */
export function templateRoutes(db: Warehouse) {
  return new Hono()
    .get('/', (c) =>
      c.json({
        columns: IMPORT_COLUMNS,
        measures: MEASURES,
        years: MEASURE_YEARS,
        themes: MEASURE_THEMES.map((theme) => ({ theme, template: `/api/templates/${theme}.csv` })),
      }),
    )
    .get('/:file', validate('query', templateQuery), async (c) => {
      const m = /^([a-z]+)\.csv$/.exec(c.req.param('file'));
      const theme = m?.[1] ?? '';
      if (!(MEASURE_THEMES as readonly string[]).includes(theme)) throw new ApiError(404, 'unknown_theme', `no template ${c.req.param('file').slice(0, 40)}: use ${MEASURE_THEMES.map((t) => `${t}.csv`).join(', ')}`, 'theme');
      const q = c.req.valid('query');
      const year = q.year ?? MEASURE_YEARS[MEASURE_YEARS.length - 1] ?? 2025;
      if (!MEASURE_YEARS.includes(year)) throw new ApiError(400, 'invalid_parameter', `year: one of ${MEASURE_YEARS.join(', ')}`, 'year');
      let schools: TemplateSchool[] | null = null;
      let name = `copaneeta_modele_${theme}_${year}`;
      if (q.within) {
        const ref = parseRef(q.within);
        const rows = await db.query(withColumns(`SELECT uai, name FROM schools WHERE {{within_col}} = $code ORDER BY uai`, { within_col: levelColumn(ref.level) }), { code: ref.code });
        if (!rows.length) throw new ApiError(404, 'unknown_territory', `no school in ${q.within}`, 'within');
        schools = rows.map((r) => ({ uai: String(r.uai), name: String(r.name) }));
        name += `_${ref.level}-${ref.code}`;
      }
      return c.body(templateCsv(theme as MeasureTheme, schools, year), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.csv"`,
      });
    });
}

export const templateParams = z.object({
  theme: z.enum(MEASURE_THEMES).describe('the theme of the measures: connectivity, equipment or usage (the path ends in .csv)'),
});

export const templateQuery = z.object({
  within: territoryRefSchema.optional().describe('one row per school of this territory and measure, values left empty (without: one example row per measure)'),
  year: yearSchema.optional().describe('school year N written N-(N+1) in the template; default the latest the dashboard shows'),
});
