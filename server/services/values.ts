/**
 * Values of a selection: one per territory of a level (the map), one per school, one per year
 * (the series), and every indicator over one territory (totals). All ratios of sums, with the
 * number of schools behind each value and a `low_n` flag under MIN_SCHOOLS.
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { Indicator, Level } from '../indicators/catalog.ts';
import { levelColumn, sql, withColumns } from '../queries/load.ts';
import { MIN_SCHOOLS, valueOf, type Selection, type TerritoryRef } from '../selection.ts';

export interface TerritoryValue {
  code: string;
  name: string;
  value: number | null;
  /** schools behind the value (null for indicators not computed per school) */
  n: number | null;
  low_n: boolean;
  num: number | null;
  den: number | null;
  /** schools behind the value whose value is imported (not part of shape(): see valueProvenance) */
  imported_n?: number;
}

export interface Aggregate {
  num: number | null;
  den: number | null;
  n: number;
  /** of the n schools, those whose value is imported */
  imported?: number;
}

export { IMPORTABLE, valueProvenance, type ValueProvenance } from '../provenance.ts';

/** Shapes an aggregate into a value with its flags. */
export function shape(ind: Indicator, a: Aggregate | undefined): Omit<TerritoryValue, 'code' | 'name'> {
  const num = a?.num ?? null;
  const den = a?.den ?? null;
  const n = ind.grain === 'school' ? (a?.n ?? 0) : null;
  const value = valueOf(ind, num, den);
  return { value, n, low_n: n !== null && value !== null && n < MIN_SCHOOLS, num, den };
}

const filterParams = (sel: Pick<Selection, 'schoolType' | 'sector'>) => ({ school_type: sel.schoolType, sector: sel.sector });

/** One value per territory of `sel.level` (inside `sel.within` when given). */
export async function mapValues(db: Warehouse, sel: Selection): Promise<TerritoryValue[]> {
  const text = withColumns(sql('map_values'), {
    level_col: levelColumn(sel.level),
    within_col: levelColumn(sel.within?.level ?? 'region'),
  });
  const rows = await db.query(text, {
    indicator: sel.indicator.id,
    year: sel.year,
    level: sel.level,
    within_code: sel.within?.code ?? null,
    ...filterParams(sel),
  });
  return rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    ...shape(sel.indicator, { num: r.num as number | null, den: r.den as number | null, n: Number(r.n) }),
    imported_n: Number(r.imported_n ?? 0),
  }));
}

export interface SchoolValue {
  uai: string;
  name: string;
  school_type: string;
  sector: string;
  commune_code: string;
  departement_code: string;
  position_quality: string;
  lon: number | null;
  lat: number | null;
  display_lon: number | null;
  display_lat: number | null;
  pupils: number | null;
  value: number | null;
  /** the provenance of the school's facts row ('imported' or 'synthetic' for importable indicators); null without a value */
  provenance: string | null;
}

/** Every school of a selection (its `level` is ignored; `within` may be any level). */
export async function schoolValues(db: Warehouse, sel: Omit<Selection, 'level'>): Promise<SchoolValue[]> {
  const text = withColumns(sql('schools'), { within_col: levelColumn(sel.within?.level ?? 'region') });
  const rows = await db.query(text, {
    indicator: sel.indicator.id,
    year: sel.year,
    within_code: sel.within?.code ?? null,
    ...filterParams(sel),
  });
  return rows.map((r) => ({
    uai: String(r.uai),
    name: String(r.name),
    school_type: String(r.school_type),
    sector: String(r.sector),
    commune_code: String(r.commune_code),
    departement_code: String(r.departement_code),
    position_quality: String(r.position_quality),
    lon: r.lon as number | null,
    lat: r.lat as number | null,
    display_lon: r.display_lon as number | null,
    display_lat: r.display_lat as number | null,
    pupils: r.pupils as number | null,
    value: valueOf(sel.indicator, r.num as number | null, r.den as number | null),
    provenance: r.provenance === null || r.provenance === undefined ? null : String(r.provenance),
  }));
}

/** The indicator for every year it has, over a territory or France (`ref` null), with the schools whose value is imported. */
export async function seriesValues(
  db: Warehouse,
  ind: Indicator,
  ref: TerritoryRef | null,
  filters: Pick<Selection, 'schoolType' | 'sector'>,
): Promise<({ year: number; imported_n: number } & ReturnType<typeof shape>)[]> {
  const text = withColumns(sql('series'), { level_col: levelColumn(ref?.level ?? 'region') });
  const rows = await db.query(text, { indicator: ind.id, code: ref?.code ?? null, ...filterParams(filters) });
  const byYear = new Map(rows.map((r) => [Number(r.year), r]));
  return ind.years.map((year) => {
    const r = byYear.get(year);
    return { year, ...shape(ind, r ? { num: r.num as number | null, den: r.den as number | null, n: Number(r.n) } : undefined), imported_n: Number(r?.imported_n ?? 0) };
  });
}

/** Every indicator and year aggregated over one territory (or France): key `${indicator}|${year}`. */
export async function totals(db: Warehouse, ref: TerritoryRef | null): Promise<Map<string, Aggregate>> {
  const text = withColumns(sql('totals'), { level_col: levelColumn(ref?.level ?? 'region') });
  const rows = await db.query(text, { code: ref?.code ?? null });
  return new Map(rows.map((r) => [`${String(r.indicator)}|${Number(r.year)}`, { num: r.num as number | null, den: r.den as number | null, n: Number(r.n), imported: Number(r.imported_n ?? 0) }]));
}

/** Every indicator and year for each territory of `level` inside `parent` (France when null). */
export async function siblingTotals(
  db: Warehouse,
  level: Level,
  parent: TerritoryRef | null,
): Promise<{ indicator: string; year: number; code: string; agg: Aggregate }[]> {
  const text = withColumns(sql('siblings'), {
    level_col: levelColumn(level),
    parent_col: levelColumn(parent?.level ?? 'region'),
  });
  const rows = await db.query(text, { parent_code: parent?.code ?? null });
  return rows.map((r) => ({
    indicator: String(r.indicator),
    year: Number(r.year),
    code: String(r.code),
    agg: { num: r.num as number | null, den: r.den as number | null, n: Number(r.n), imported: Number(r.imported_n ?? 0) },
  }));
}
