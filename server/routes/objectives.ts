/**
 * Convention objectives and their follow-up (server/objectives/):
 * - `GET /api/objectives?partner=&convention=&examples=`: every objective with its status (an
 *   unknown partner or convention answers 400 naming the known ones);
 * - `GET /api/objectives/{id}`: definition, value per year against the target, projection with its
 *   95 % interval, status and the rule, the schools and communes still below the bar;
 * - `GET /api/objectives/{id}/left-behind.csv?level=school|commune`: those as a CSV file.
 * The objectives are the partners' imported ones (table `objectives` of the served version) and
 * the shipped examples (objectives/store.ts: an import replaces the example of the same id, the
 * other examples stay, flagged `example: true`). The examples file is read once when the routes
 * are built (a bad file stops the start with "file:line: field: message"); tests pass their own.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.ts';
import { ApiError } from '../errors.ts';
import { toCsv, type Cell } from '../export/csv.ts';
import { computeObjective, type ObjectiveResult } from '../objectives/compute.ts';
import { STATUS_RULE, type Status } from '../objectives/progress.ts';
import { EXAMPLES_FILE, loadObjectivesFile } from '../objectives/schema.ts';
import { objectiveSet, type ServedObjective } from '../objectives/store.ts';
import { validate } from '../validation.ts';
import { provenanceOf } from './map.ts';

const idSchema = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an objective id: lower-case letters, digits and -')
  .describe('objective id, see /api/objectives');
const slugFilter = z.string().max(64, 'at most 64 characters').regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -');

export const objectivesQuery = z.object({
  partner: slugFilter.optional().describe('only the objectives of this partner id (e.g. departement-15)'),
  convention: slugFilter.optional().describe('only the objectives of this convention id'),
  examples: z
    .enum(['true', 'false'], { error: () => 'must be true or false' })
    .default('true')
    .describe('false: leave out the shipped fictitious examples (only the partners’ imported objectives)'),
});
export const objectiveParams = z.object({ id: idSchema });
export const leftBehindQuery = z.object({
  level: z.enum(['school', 'commune'], { error: () => 'must be school or commune' }).default('school').describe('one row per school (default) or per commune'),
});

/** Shown with every example objective. */
export const EXAMPLE_NOTICE = 'exemple fictif : objectif d’illustration, pas un engagement réel des partenaires / fictitious example objective';

export const STATUS_LABELS: Record<Status, { fr: string; en: string }> = {
  met: { fr: 'atteint', en: 'met' },
  on_track: { fr: 'en bonne voie', en: 'on track' },
  late: { fr: 'en retard', en: 'late' },
  off_track: { fr: 'hors trajectoire', en: 'off track' },
  insufficient_data: { fr: 'données insuffisantes', en: 'insufficient data' },
};

export interface ObjectiveRouteOptions {
  /** the objectives file (default: server/objectives/examples.json) */
  file?: string;
  log?: (msg: string) => void;
}

const r = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

function definition(o: ServedObjective, territoryName: string | null) {
  return {
    id: o.id,
    example: o.example,
    ...(o.example ? { example_notice: EXAMPLE_NOTICE } : {}),
    origin: o.origin,
    imported: o.imported,
    title: o.title,
    description: o.description ?? null,
    convention: o.convention,
    partner: o.partner,
    indicator: { id: o.ind.id, label: o.ind.label, unit: o.ind.unit, direction: o.ind.direction },
    scope: { territory: o.scope.territory, territory_name: territoryName, school_type: o.scope.school_type ?? null, sector: o.scope.sector ?? null },
    judged_by: o.judged_by,
    threshold: o.threshold ?? null,
    target: o.target,
    baseline_year: o.baseline_year,
    deadline: o.deadline,
    deadline_year: o.deadline_year,
    source: o.source ?? null,
  };
}

function summary(res: ObjectiveResult<ServedObjective>) {
  const p = res.progress;
  return {
    status: p.status,
    status_label: STATUS_LABELS[p.status],
    latest_year: p.latest?.year ?? null,
    latest_value: r(p.latest?.value),
    expected_year: p.expected_year,
    schools_below: res.left_behind.schools.length,
  };
}

const provenance = (res: ObjectiveResult) => provenanceOf(res.objective.ind, { imported: res.latest_imported, n: res.latest_n });

/** Objective routes over one opened warehouse. */
export function objectiveRoutes(db: Warehouse, { file = EXAMPLES_FILE, log = console.error }: ObjectiveRouteOptions = {}) {
  const served = objectiveSet(db, loadObjectivesFile(file), log);
  const find = async (id: string) => {
    const o = (await served()).find((x) => x.id === id);
    if (!o) throw new ApiError(404, 'unknown_objective', `no objective "${id}"; see /api/objectives`, 'id');
    return o;
  };
  /** A filter value must name a partner (convention) that has objectives: a typo is not an empty report. */
  const known = (param: 'partner' | 'convention', value: string | undefined, ids: string[]) => {
    if (value === undefined || ids.includes(value)) return;
    const list = [...new Set(ids)].sort();
    throw new ApiError(400, `unknown_${param}`, `no ${param} "${value}" in the objectives; known: ${list.slice(0, 30).join(', ')}${list.length > 30 ? ', …' : ''}`, param);
  };
  const asOf = () => ({ build_id: db.buildId, built_at: db.builtAt });

  return new Hono()
    .get('/', validate('query', objectivesQuery), async (c) => {
      const q = c.req.valid('query');
      const all = (await served()).filter((o) => q.examples === 'true' || o.origin === 'imported');
      known('partner', q.partner, all.map((o) => o.partner.id));
      known('convention', q.convention, all.map((o) => o.convention.id));
      const chosen = all.filter((o) => (!q.partner || o.partner.id === q.partner) && (!q.convention || o.convention.id === q.convention));
      const results = await Promise.all(chosen.map((o) => computeObjective(db, o)));
      return c.json({
        ...asOf(),
        count: results.length,
        filters: { partner: q.partner ?? null, convention: q.convention ?? null, examples: q.examples === 'true' },
        rule: STATUS_RULE,
        objectives: results.map((res) => ({ ...definition(res.objective, res.territory_name), ...summary(res), ...provenance(res) })),
      });
    })
    .get('/:id', validate('param', objectiveParams), async (c) => {
      const res = await computeObjective(db, await find(c.req.valid('param').id));
      const p = res.progress;
      return c.json({
        ...asOf(),
        ...definition(res.objective, res.territory_name),
        ...summary(res),
        rule: STATUS_RULE,
        ...provenance(res),
        series: res.series.map((s) => ({ ...s, target: res.objective.target.value })),
        projection: {
          method: 'least-squares line over the years since the baseline; Fieller 95 % interval',
          points: p.fit?.n ?? null,
          slope_per_year: r(p.fit?.slope, 4),
          intercept: r(p.fit?.intercept, 4),
          slope_se: r(p.fit?.slope_se, 4),
          pace_toward_target: r(p.pace_toward_target, 4),
          crossing_year: r(p.crossing?.year, 2),
          crossing_low: r(p.crossing?.low, 2),
          crossing_high: r(p.crossing?.high, 2),
          bounded: p.crossing?.bounded ?? false,
          expected_year: p.expected_year,
          expected_year_low: p.expected_year_low,
          expected_year_high: p.expected_year_high,
        },
        left_behind: {
          year: res.left_behind.year,
          bar: res.bar,
          school_count: res.left_behind.schools.length,
          commune_count: res.left_behind.communes.length,
          schools: res.left_behind.schools,
          communes: res.left_behind.communes,
        },
      });
    })
    .get('/:id/left-behind.csv', validate('param', objectiveParams), validate('query', leftBehindQuery), async (c) => {
      const o = await find(c.req.valid('param').id);
      const { level } = c.req.valid('query');
      const res = await computeObjective(db, o);
      const prov = provenance(res);
      // where the objective itself comes from: a partner's import (body, date, file) or the shipped examples
      const origin = o.imported ? `importé par ${o.imported.body} le ${o.imported.imported_at.slice(0, 10)} (${o.imported.file_name})` : 'exemple livré avec le tableau de bord';
      const tail: Cell[] = [prov.provenance, prov.notice ?? '', o.example ? EXAMPLE_NOTICE : '', origin, prov.sources.map((s) => s.title).join(' ; ')];
      const head = ['objective', 'year', 'bar_op', 'bar'];
      const lead = (): Cell[] => [o.id, res.left_behind.year, res.bar.op, res.bar.value];
      const meta = ['provenance', 'notice', 'example', 'objective_origin', 'source'];
      const csv =
        level === 'school'
          ? toCsv(
              [...head, 'uai', 'name', 'commune_code', 'commune_name', 'school_type', 'sector', 'value', 'gap', 'pupils', 'lon', 'lat', 'position_quality', 'value_provenance', ...meta],
              res.left_behind.schools.map((s) => [...lead(), s.uai, s.name, s.commune_code, s.commune_name, s.school_type, s.sector, s.value, s.gap, s.pupils, r(s.lon, 5), r(s.lat, 5), s.position_quality, s.provenance, ...tail]),
            )
          : toCsv(
              [...head, 'commune_code', 'commune_name', 'schools', 'schools_below', 'share_meeting', 'value', 'gap', 'pupils_below', ...meta],
              res.left_behind.communes.map((m) => [...lead(), m.commune_code, m.commune_name, m.schools, m.schools_below, m.share_meeting, m.value, m.gap, m.pupils_below, ...tail]),
            );
      const name = `objectif-${o.id}-${level === 'school' ? 'etablissements' : 'communes'}-sous-le-seuil-${res.left_behind.year ?? 'na'}.csv`;
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` });
    });
}
