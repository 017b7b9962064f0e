/**
 * `GET /api/equity?indicator=&year=&within=&by=`: how unequally an indicator is spread over the
 * units (`by`: schools, communes, départements or académies) of a territory (`within`, France
 * when omitted), and whether the gap is closing: Gini, Theil (between/within the next level
 * down), CV, p90/p10, best vs worst fifth; gaps by density, sector, school type and IPS quintile;
 * Moran's I and LISA clusters; the trend of each measure. Reads the warehouse (equity_*.sql),
 * computes with the pure modules of server/equity/. Results are kept per warehouse version and
 * canonical selection in a small LRU (the app's HTTP cache keys by URL), concurrent identical
 * requests share one computation, and at most MAX_CONCURRENT computations run at once.
 */
import { Hono } from 'hono';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Row, Warehouse } from '../db/warehouse.ts';
import { equityBlock, type BlockInput, type EquityBlock, type UnitData } from '../equity/block.ts';
import { DENSE_MIN, RURAL_MAX, type GapRow, type IpsRow } from '../equity/gaps.ts';
import type { Neighbourhood } from '../equity/spatial.ts';
import { STABLE_SHARE } from '../equity/trend.ts';
import { frenchSummary, placePhrase, type ParentLevel, type UnitLevel } from '../equity/summary.ts';
import { ApiError } from '../errors.ts';
import type { Indicator, Level } from '../indicators/catalog.ts';
import { levelColumn, sql, withColumns } from '../queries/load.ts';
import { indicatorForYear } from '../indicators/years.ts';
import { indicatorOf, parseRef, valueOf, yearOf, type TerritoryRef } from '../selection.ts';
import { indicatorIdSchema, validate, withinSchema, yearSchema } from '../validation.ts';
import { IMPORTABLE, provenanceOf, type ImportRef } from '../provenance.ts';
import { byBody, importsBehind } from '../services/imports.ts';

/** Units of analysis, finest last. */
export const EQUITY_UNITS = ['academie', 'departement', 'commune', 'school'] as const;
/** Levels from France down to schools: `by` must be strictly below `within`. */
const HIERARCHY = ['france', 'region', 'academie', 'departement', 'commune', 'school'] as const;

/** Permutations of the Moran and LISA tests, seed of their generator, LISA significance. */
export const PERMUTATIONS = 999;
export const SEED = 20260101;
export const SIGNIFICANCE = 0.05;
/** Neighbours of a school (k nearest by great-circle distance on the real coordinates). */
export const K_SCHOOLS = 8;

export const equityQuery = z.object({
  indicator: indicatorIdSchema,
  year: yearSchema.optional(),
  within: withinSchema.optional(),
  by: z
    .enum(EQUITY_UNITS, { error: () => `must be one of ${EQUITY_UNITS.join(', ')}` })
    .optional()
    .describe('units over which inequality is measured, strictly below `within`: school (indicators computed per school only), commune (default), departement, academie'),
});

const cog = createRequire(import.meta.url);
const TNCC = new Map<string, number>([
  ...(cog('@etalab/decoupage-administratif/data/departements.json') as { code: string; typeLiaison: number }[]).map((d) => [`departement:${d.code}`, d.typeLiaison] as const),
  ...(cog('@etalab/decoupage-administratif/data/regions.json') as { code: string; typeLiaison: number }[]).map((r) => [`region:${r.code}`, r.typeLiaison] as const),
]);

interface Plan {
  indicator: Indicator;
  year: number;
  within: TerritoryRef | null;
  by: UnitLevel;
  /** level of the Theil groups (just below `within`, strictly above `by`), or null */
  groupLevel: Level | null;
}

/** Validates the combination of parameters; throws 400s naming the parameter. */
export function planOf(q: z.infer<typeof equityQuery>): Plan {
  const indicator = indicatorOf(q.indicator);
  const year = yearOf(indicator, q.year);
  const within = q.within ? parseRef(q.within) : null;
  const by = q.by ?? 'commune';
  const wi = HIERARCHY.indexOf(within?.level ?? 'france');
  const bi = HIERARCHY.indexOf(by);
  if (bi <= wi) throw new ApiError(400, 'invalid_by', `by must be a level below ${within?.level ?? 'France'}: ${HIERARCHY.slice(wi + 1).join(', ')}`, 'by');
  if (by === 'school' && indicator.grain !== 'school') {
    throw new ApiError(400, 'not_per_school', `indicator ${indicator.id} is computed per commune: by=school does not apply`, 'by');
  }
  if (by !== 'school' && !indicator.levels.includes(by)) throw new ApiError(400, 'unknown_level', `indicator ${indicator.id} has no level ${by}`, 'by');
  const groupLevel = wi + 1 < bi ? (HIERARCHY[wi + 1] as Level) : null;
  return { indicator, year, within, by, groupLevel };
}

const num = (v: Row[string] | undefined) => (v === null || v === undefined ? NaN : Number(v));
const numOrNull = (v: Row[string] | undefined) => (v === null || v === undefined ? null : Number(v));

/** Reads everything the block needs for a plan. */
export async function loadInput(db: Warehouse, plan: Plan): Promise<BlockInput> {
  const { indicator, within, by, groupLevel } = plan;
  const withinCol = levelColumn(within?.level ?? 'region');
  const withinCode = within?.code ?? null;
  const groupCol = levelColumn(groupLevel ?? 'region');
  const base = { indicator: indicator.id, within_code: withinCode };
  const unitsQuery =
    by === 'school'
      ? db.query(withColumns(sql('equity_schools'), { within_col: withinCol, group_col: groupCol }), base)
      : db.query(withColumns(sql('equity_units'), { within_col: withinCol, group_col: groupCol, unit_col: levelColumn(by) }), base);
  const neighborsQuery = by === 'school' ? Promise.resolve([]) : db.query(withColumns(sql('equity_neighbors'), { within_col: withinCol, unit_col: levelColumn(by) }), { within_code: withinCode });
  const gapsQuery = db.query(withColumns(sql('equity_gaps'), { within_col: withinCol }), { ...base, rural_max: RURAL_MAX, dense_min: DENSE_MIN });
  const ipsQuery = db.query(withColumns(sql('equity_ips'), { within_col: withinCol }), { ...base, scale: indicator.scale, has_den: indicator.denominator !== null });
  const [unitRows, neighborRows, gapRows, ipsRows] = await Promise.all([unitsQuery, neighborsQuery, gapsQuery, ipsQuery]);

  const index = new Map<string, number>();
  const codes: string[] = [];
  const groups: (string | null)[] = [];
  const lon = new Float64Array(unitRows.length);
  const lat = new Float64Array(unitRows.length);
  const values = new Map<number, Float64Array>();
  const weights = new Map<number, Float64Array>();
  for (const y of indicator.years) {
    values.set(y, new Float64Array(unitRows.length).fill(NaN));
    weights.set(y, new Float64Array(unitRows.length).fill(NaN));
  }
  for (const r of unitRows) {
    const i = codes.length;
    const code = String(r.code);
    index.set(code, i);
    codes.push(code);
    groups.push(groupLevel && r.grp !== null ? String(r.grp) : null);
    lon[i] = num(r.lon);
    lat[i] = num(r.lat);
    for (const triple of String(r.series ?? '').split(';')) {
      const [y, nu, de] = triple.split(' ');
      const vals = values.get(Number(y));
      const ws = weights.get(Number(y));
      const den = de ? Number(de) : null;
      const v = valueOf(indicator, nu ? Number(nu) : null, den);
      if (!vals || !ws || v === null) continue;
      vals[i] = v;
      ws[i] = indicator.denominator === null ? 1 : (den as number);
    }
  }
  const a: number[] = [];
  const b: number[] = [];
  for (const r of neighborRows) {
    const i = index.get(String(r.code));
    const j = index.get(String(r.neighbor));
    if (i !== undefined && j !== undefined) {
      a.push(i);
      b.push(j);
    }
  }
  const units: UnitData = { codes, groups, lon: Float64Array.from(lon), lat: Float64Array.from(lat), values, weights };
  const neighbourhood: Neighbourhood = by === 'school' ? { kind: 'knn', k: K_SCHOOLS } : { kind: 'contiguity', a: Int32Array.from(a), b: Int32Array.from(b) };
  return {
    year: plan.year,
    years: [...indicator.years].sort((x, y) => x - y),
    units,
    grouped: groupLevel !== null,
    neighbourhood,
    gapRows: gapRows.map((r) => ({
      dimension: String(r.dimension) as GapRow['dimension'],
      class: String(r.class),
      year: Number(r.year),
      num: numOrNull(r.num),
      den: numOrNull(r.den),
      schools: indicator.grain === 'school' ? Number(r.schools) : 0,
      communes: Number(r.communes),
    })),
    ipsRows: ipsRows.map(
      (r): IpsRow => ({
        year: Number(r.year),
        quintile: numOrNull(r.quintile),
        n: Number(r.n),
        ips_min: Number(r.ips_min),
        ips_max: Number(r.ips_max),
        ips_mean: Number(r.ips_mean),
        value: numOrNull(r.value),
        sw: Number(r.sw),
        mx: Number(r.mx),
        my: Number(r.my),
        sxx: Number(r.sxx),
        sxy: Number(r.sxy),
        syy: Number(r.syy),
      }),
    ),
    ipsObservations: indicator.grain === 'school' ? 'schools' : 'communes',
    valueOf: (nu, de) => valueOf(indicator, nu, de),
    permutations: PERMUTATIONS,
    seed: SEED,
    significance: SIGNIFICANCE,
  };
}

/** How many units rest on imported, mixed and demo values, and the schools behind them (importable indicators). */
export interface UnitsProvenance {
  imported: number;
  mixed: number;
  synthetic: number;
  schools: number;
  imported_schools: number;
}

/** The units' provenance for the plan's year and the importing bodies; null for indicators imports cannot feed. */
export async function loadProvenance(db: Warehouse, plan: Plan): Promise<{ units: UnitsProvenance; imports: ImportRef[] } | null> {
  const { indicator, within, by, year } = plan;
  if (!IMPORTABLE.has(indicator.id)) return null;
  const text = withColumns(sql('equity_provenance'), { within_col: levelColumn(within?.level ?? 'region'), unit_col: levelColumn(by === 'school' ? 'commune' : by) });
  const [r] = await db.query(text, { indicator: indicator.id, year, within_code: within?.code ?? null, by_school: by === 'school' });
  const units: UnitsProvenance = {
    imported: Number(r?.imported ?? 0),
    mixed: Number(r?.mixed ?? 0),
    synthetic: Number(r?.synthetic ?? 0),
    schools: Number(r?.schools ?? 0),
    imported_schools: Number(r?.imported_schools ?? 0),
  };
  const imports = units.imported_schools > 0 ? byBody(await importsBehind(db, { indicator: indicator.id, year, level: 'region', within })) : [];
  return { units, imports };
}

const UNIT_NAMES: Record<UnitLevel, string> = { school: 'établissements', commune: 'communes', departement: 'départements', academie: 'académies' };

/** Rounds every non-integer number to 6 significant digits (non-finite → null), deeply. */
function rounded<T>(v: T): T {
  if (typeof v === 'number') return (Number.isFinite(v) ? (Number.isInteger(v) ? v : Number(v.toPrecision(6))) : null) as T;
  if (Array.isArray(v)) return v.map(rounded) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) as T;
  return v;
}

/** The response body for a computed plan. */
function responseOf(plan: Plan, block: EquityBlock, place: { name: string; phrase: string }, origin: Awaited<ReturnType<typeof loadProvenance>>) {
  const { indicator, within, by, groupLevel } = plan;
  // the provenance and vintage of the year asked (ftth_share: T1 2018 historical, an imported quarter open data)
  const asOf = indicatorForYear(indicator, plan.year);
  const prov = origin ? provenanceOf(asOf, { imported: origin.units.imported_schools, n: origin.units.schools }, origin.imports) : provenanceOf(asOf);
  const m = block.measures;
  const weights = indicator.denominator === null ? 'none: each unit counts once' : `denominator: ${indicator.denominator.en} (${indicator.denominator.fr})`;
  return {
    indicator: indicator.id,
    label: indicator.label,
    unit: indicator.unit,
    direction: indicator.direction,
    year: plan.year,
    within: within ? `${within.level}:${within.code}` : null,
    within_name: place.name,
    by,
    ...prov,
    // the units (of `by`) resting on imported, mixed and demo values, and the schools behind them
    ...(origin ? { units_provenance: origin.units } : {}),
    units: m.units,
    weights,
    group_level: groupLevel,
    measures: rounded({
      ...m,
      units: undefined,
      top_bottom_fifth: undefined,
      top_bottom_fifth_gap: m.top_bottom_fifth && {
        ...m.top_bottom_fifth,
        best_served: indicator.direction === 'higher_is_better' ? 'top' : indicator.direction === 'higher_is_worse' ? 'bottom' : null,
      },
    }),
    gaps: rounded(block.gaps),
    spatial: rounded({
      neighbourhood: by === 'school' ? `k=${K_SCHOOLS} nearest` : 'queen contiguity',
      ...block.spatial,
      ...(block.spatial.moran ? {} : { note: block.spatial.units < 4 ? 'fewer than 4 units with a neighbour: no spatial statistics' : 'the values do not vary: no spatial statistics' }),
      lisa: block.spatial.lisa && {
        ...block.spatial.lisa,
        underserved_cluster: indicator.direction === 'higher_is_better' ? 'low-low' : indicator.direction === 'higher_is_worse' ? 'high-high' : null,
      },
    }),
    trend: rounded(block.trend),
    summary_fr: frenchSummary({
      place: place.phrase,
      year: plan.year,
      manyYears: indicator.years.length > 1,
      label: indicator.label.fr,
      unit: indicator.unit.fr,
      decimals: indicator.decimals,
      direction: indicator.theme === 'context' ? 'neutral' : indicator.direction,
      by,
      groupLevel,
      provenance: prov.provenance,
      importedShare: 'imported_share' in prov ? prov.imported_share : null,
      block,
    }),
    methods: {
      values: `each unit's value is a ratio of sums (${indicator.numerator.en}${indicator.denominator ? ` / ${indicator.denominator.en}` : ''}) over its facts; ${UNIT_NAMES[by]} without a value that year are left out`,
      weights: `inequality measures weight each unit by ${indicator.denominator === null ? '1' : 'its denominator, so the weighted mean is the territory’s own ratio of sums'}; Moran's I and LISA are unweighted`,
      gini: 'population formula (PySAL Gini with equal weights)',
      theil: `Theil T (GE(1)) with 0·ln 0 = 0, so zero values are kept; between/within ${groupLevel ?? '(no level between the territory and the units: no decomposition)'}, total = between + within`,
      percentiles: 'weighted, interpolated between the centres of the units’ weights (Hazen, type 5, with equal weights); p90_p10 null when p10 is 0',
      fifths: 'weighted means of the lowest and highest fifths of the total weight (the unit straddling the boundary counts for the part inside)',
      density_classes: `commune density (inhabitants per km²): rural < ${RURAL_MAX} ≤ intermediate < ${DENSE_MIN} ≤ dense; a proxy, not INSEE’s grille communale de densité`,
      ips_gradient: `${indicator.grain === 'school' ? 'schools' : 'communes (pupil-weighted IPS of their schools)'}; a school’s IPS is that of the latest IPS year ≤ the year, else its earliest; quintiles of observations by IPS; slope by weighted least squares of the value on the IPS (weights as above)`,
      neighbourhood:
        by === 'school'
          ? `the ${K_SCHOOLS} nearest schools by great-circle distance on real coordinates (schools placed at their commune’s point share it; ties by UAI order)`
          : `queen contiguity of the communes’ real polygons (a shared boundary vertex), aggregated to ${by === 'commune' ? 'communes' : `${by}s`}; restricted to the units with a value inside the territory; a unit left without neighbour (island, commune without polygon, neighbours without value or outside the territory) is linked to its nearest unit (libpysal attach_islands); row-standardised`,
      inference: `${PERMUTATIONS} permutations, seed ${SEED}; global: random permutations of the values; LISA: conditional permutation (esda crand); pseudo p = (min(#sim ≥ obs, #sim ≤ obs) + 1) / (${PERMUTATIONS} + 1); LISA clusters where p ≤ ${SIGNIFICANCE}, not adjusted for multiple comparisons`,
      trend: `least-squares slope of |measure| over the years; stable when the fitted change is under ${STABLE_SHARE * 100} % of its mean magnitude`,
    },
  };
}

/** Lets other requests run between chunks of a long permutation loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** At most this many computations run at once (each holds the territory's data); others wait. */
export const MAX_CONCURRENT = 2;

/** Equity routes over one opened warehouse. */
export function equityRoutes(db: Warehouse, { maxEntries = 32 }: { maxEntries?: number } = {}) {
  const done = new Map<string, unknown>();
  const running = new Map<string, Promise<unknown>>();
  let active = 0;
  const waiting: (() => void)[] = [];
  /** Takes a slot, or waits for one to be handed over. */
  const acquire = async () => {
    if (active < MAX_CONCURRENT) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  const compute = async (plan: Plan) => {
    const place = await placeOf(db, plan.within); // 404 before any heavy work
    await acquire();
    try {
      const [input, origin] = await Promise.all([loadInput(db, plan), loadProvenance(db, plan)]);
      return responseOf(plan, await equityBlock({ ...input, pause: yieldToEventLoop }), place, origin);
    } finally {
      release();
    }
  };

  return new Hono().get('/', validate('query', equityQuery), async (c) => {
    const plan = planOf(c.req.valid('query'));
    // the build id first: a warehouse that follows data/warehouse may swap versions (imports)
    const key = `${db.buildId}|${plan.indicator.id}|${plan.year}|${plan.within ? `${plan.within.level}:${plan.within.code}` : ''}|${plan.by}`;
    let body = done.get(key);
    if (body !== undefined) {
      done.delete(key);
      done.set(key, body);
    } else {
      let job = running.get(key);
      if (!job) {
        job = compute(plan).finally(() => running.delete(key));
        running.set(key, job);
      }
      body = await job;
      done.set(key, body);
      while (done.size > maxEntries) done.delete(done.keys().next().value as string);
    }
    return c.json(body as ReturnType<typeof responseOf>);
  });
}

/** The territory's name and place phrase; 404 when it does not exist. */
async function placeOf(db: Warehouse, within: TerritoryRef | null): Promise<{ name: string; phrase: string }> {
  if (!within) return { name: 'France', phrase: placePhrase(null) };
  const row = (await db.query(sql('territory'), { level: within.level, code: within.code }))[0];
  if (!row) throw new ApiError(404, 'unknown_territory', `no ${within.level} with code ${within.code}`, 'within');
  const name = String(row.name);
  return { name, phrase: placePhrase({ level: within.level as ParentLevel, code: within.code, name, tncc: TNCC.get(`${within.level}:${within.code}`) ?? null }) };
}
