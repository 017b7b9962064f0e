/**
 * A territory's profile: for every indicator, its value for the chosen year against its
 * parent's and France's, the index against the parent (parent = 100), and its rank among its
 * siblings (1 = best in the indicator's direction; for neutral indicators, 1 = highest).
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { Indicator, Level } from '../indicators/catalog.ts';
import { indicatorForYear, servedIndicators } from '../indicators/years.ts';
import type { TerritoryRef } from '../selection.ts';
import { noticeOf, type ImportRef } from '../provenance.ts';
import { byBody, importsBehind } from './imports.ts';
import { shape, siblingTotals, totals, valueProvenance, type Aggregate, type ValueProvenance } from './values.ts';

/** The level a territory is compared with (its parent); régions are compared with France. */
export const PARENT_LEVEL: Record<Level, Level | null> = {
  region: null,
  academie: 'region',
  departement: 'academie',
  commune: 'departement',
};

/** The level listed as a territory's children (a commune lists its schools instead). */
export const CHILD_LEVEL: Record<Level, Level | null> = {
  region: 'academie',
  academie: 'departement',
  departement: 'commune',
  commune: null,
};

export interface ProfileEntry {
  indicator: string;
  label: Indicator['label'];
  unit: Indicator['unit'];
  theme: Indicator['theme'];
  direction: Indicator['direction'];
  year: number;
  /** for importable indicators: 'imported', 'synthetic' or 'mixed' from the schools behind this value */
  provenance: ValueProvenance;
  /** share of those schools whose value is imported (importable indicators; else null) */
  imported_share: number | null;
  /** "données fictives …" for demo or partly demo values, a warning for historical ones */
  notice?: string;
  /** the importing bodies and the dates of their imports behind an imported or mixed value */
  imports?: ImportRef[];
  value: number | null;
  n: number | null;
  low_n: boolean;
  parent_value: number | null;
  national_value: number | null;
  /** 100 × value / parent value */
  index: number | null;
  rank: number | null;
  siblings: number;
}

/** The year shown for an indicator: the requested one if it has it, else its latest before, else its latest. */
export function yearFor(ind: Indicator, requested: number | undefined): number {
  const years = [...ind.years].sort((a, b) => a - b);
  if (requested === undefined) return years[years.length - 1] ?? 0;
  if (years.includes(requested)) return requested;
  const before = years.filter((y) => y < requested);
  return before[before.length - 1] ?? years[years.length - 1] ?? 0;
}

/** Rank of `value` among `values` (1 = best) for an indicator's direction. */
export function rankOf(ind: Indicator, value: number | null, values: readonly number[]): number | null {
  if (value === null) return null;
  const better = ind.direction === 'higher_is_worse' ? (v: number) => v < value : (v: number) => v > value;
  return 1 + values.filter(better).length;
}

/** France's aggregates per warehouse version (folder and build id), the last few kept. */
const nationalCache = new Map<string, Promise<Map<string, Aggregate>>>();
const NATIONAL_VERSIONS_KEPT = 4;

/** France's aggregates, computed once per warehouse version (a new version after an import gets its own). */
export function nationalTotals(db: Warehouse): Promise<Map<string, Aggregate>> {
  const key = `${db.dir}|${db.buildId}`;
  let p = nationalCache.get(key);
  if (!p) {
    p = totals(db, null);
    p.catch(() => nationalCache.delete(key));
    nationalCache.set(key, p);
    while (nationalCache.size > NATIONAL_VERSIONS_KEPT) nationalCache.delete(nationalCache.keys().next().value as string);
  }
  return p;
}

/** The profile of `ref` whose parent (for comparison and ranking) is `parent` (null = France). */
export async function profile(
  db: Warehouse,
  ref: TerritoryRef,
  parent: TerritoryRef | null,
  requestedYear: number | undefined,
): Promise<ProfileEntry[]> {
  const [siblings, national] = await Promise.all([siblingTotals(db, ref.level, parent), nationalTotals(db)]);
  const groups = new Map<string, { code: string; agg: Aggregate }[]>();
  for (const s of siblings) {
    const key = `${s.indicator}|${s.year}`;
    const list = groups.get(key) ?? [];
    list.push({ code: s.code, agg: s.agg });
    groups.set(key, list);
  }
  const entries: ProfileEntry[] = servedIndicators().filter((ind) => ind.levels.includes(ref.level)).map((ind) => {
    const year = yearFor(ind, requestedYear);
    const key = `${ind.id}|${year}`;
    const group = groups.get(key) ?? [];
    const sum: Aggregate = { num: null, den: null, n: 0 };
    for (const { agg } of group) {
      if (agg.num !== null) sum.num = (sum.num ?? 0) + agg.num;
      if (agg.den !== null) sum.den = (sum.den ?? 0) + agg.den;
      sum.n += agg.n;
    }
    const ownAgg = group.find((g) => g.code === ref.code)?.agg;
    const own = shape(ind, ownAgg);
    const parentValue = parent ? shape(ind, sum).value : shape(ind, national.get(key)).value;
    const siblingValues = group.map((g) => shape(ind, g.agg).value).filter((v): v is number => v !== null);
    const origin = valueProvenance(indicatorForYear(ind, year), ownAgg?.imported ?? 0, own.n);
    const notice = noticeOf(origin.provenance);
    return {
      indicator: ind.id,
      label: ind.label,
      unit: ind.unit,
      theme: ind.theme,
      direction: ind.direction,
      year,
      ...origin,
      ...(notice ? { notice } : {}),
      value: own.value,
      n: own.n,
      low_n: own.low_n,
      parent_value: parentValue,
      national_value: shape(ind, national.get(key)).value,
      index: own.value !== null && parentValue ? (100 * own.value) / parentValue : null,
      rank: rankOf(ind, own.value, siblingValues),
      siblings: siblingValues.length,
    };
  });
  // the importing bodies and dates, read only when some value of the territory is imported
  if (entries.some((e) => e.provenance === 'imported' || e.provenance === 'mixed')) {
    const rows = await importsBehind(db, { level: 'region', within: ref });
    for (const e of entries) {
      if (e.provenance !== 'imported' && e.provenance !== 'mixed') continue;
      const imports = byBody(rows, (r) => r.indicator === e.indicator && r.year === e.year);
      if (imports.length > 0) e.imports = imports;
    }
  }
  return entries;
}
