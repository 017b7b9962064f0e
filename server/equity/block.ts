/**
 * The equity block of /api/equity, from plain data: inequality measures over the units for the
 * requested year (weighted), the Theil decomposition by group, territorial gaps, spatial
 * clustering (Moran's I, LISA) and the trend of every measure over the indicator's years. Pure:
 * the route reads the warehouse and hands everything over; this module does no I/O.
 */
import { gapOf, ipsGradientOf, type Gap, type GapRow, type IpsGradient, type IpsRow } from './gaps.ts';
import { coefficientOfVariation, fifths, gini, p90p10, prepare, theil, type Fifths } from './inequality.ts';
import type { Pause } from './moran.ts';
import { analysisGraph, moranOnly, spatialStatistics, type AnalysisGraph, type Neighbourhood, type SpatialResult } from './spatial.ts';
import { trendOf, type Trend } from './trend.ts';

/** The units of the analysis and their value and weight per year (NaN value: none that year). */
export interface UnitData {
  codes: string[];
  /** group key of each unit for the Theil decomposition (null: no group) */
  groups: (string | null)[];
  lon: Float64Array;
  lat: Float64Array;
  values: Map<number, Float64Array>;
  weights: Map<number, Float64Array>;
}

export interface BlockInput {
  year: number;
  /** every year of the indicator, ascending */
  years: readonly number[];
  units: UnitData;
  /** true when the Theil decomposition has groups */
  grouped: boolean;
  neighbourhood: Neighbourhood;
  gapRows: readonly GapRow[];
  ipsRows: readonly IpsRow[];
  ipsObservations: IpsGradient['observations'];
  /** value of an aggregate num/den for the gap classes (the indicator's ratio of sums) */
  valueOf: (num: number | null, den: number | null) => number | null;
  permutations: number;
  seed: number;
  significance: number;
  /** awaited now and then during the permutations (e.g. to let a server answer other requests) */
  pause?: Pause;
}

export interface Measures {
  /** units with a value (and a positive weight) that year */
  units: number;
  mean: number | null;
  gini: number | null;
  theil: {
    total: number;
    between: number | null;
    within: number | null;
    /** share of the total explained by differences between groups */
    between_share: number | null;
    groups: { code: string; units: number; weight_share: number; value: number; theil: number; within_contribution: number }[];
  } | null;
  cv: number | null;
  p10: number | null;
  p90: number | null;
  p90_p10: number | null;
  top_bottom_fifth: Fifths | null;
}

export interface EquityBlock {
  measures: Measures;
  gaps: {
    density: Gap | null;
    sector: Gap | null;
    school_type: Gap | null;
    ips_gradient: IpsGradient | null;
  };
  spatial: SpatialResult;
  trend: Trend[];
}

/** The inequality measures of one year. */
export function measuresOf(values: Float64Array, weights: Float64Array, groups: readonly (string | null)[] | null): Measures {
  const sample = { values, weights };
  let units = 0;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const w = weights[i] as number;
    if (Number.isFinite(v) && w > 0) {
      units++;
      sw += w;
      swy += w * v;
    }
  }
  const t = theil(sample, groups ?? undefined);
  const prepared = prepare(sample);
  if (!prepared) return { units: 0, mean: null, gini: null, theil: null, cv: null, p10: null, p90: null, p90_p10: null, top_bottom_fifth: null };
  const pp = p90p10(prepared);
  return {
    units,
    mean: sw > 0 ? swy / sw : null,
    gini: gini(prepared),
    theil: t && {
      total: t.total,
      between: t.between,
      within: t.within,
      between_share: t.between !== null && t.total > 0 ? t.between / t.total : null,
      groups: t.groups.map((g) => ({ code: g.key, units: g.units, weight_share: g.weight_share, value: g.mean, theil: g.theil, within_contribution: g.within_contribution })),
    },
    cv: coefficientOfVariation(prepared),
    p10: pp?.p10 ?? null,
    p90: pp?.p90 ?? null,
    p90_p10: pp?.ratio ?? null,
    top_bottom_fifth: fifths(prepared),
  };
}

/** The measures followed over the years, in the order of the `trend` array. */
export const TREND_MEASURES = ['gini', 'theil', 'theil_between', 'cv', 'p90_p10', 'top_bottom_fifth_gap', 'moran_i', 'density_gap', 'sector_gap', 'ips_slope'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

const hasValue = (values: Float64Array, weights: Float64Array) => Array.from(values, (v, i) => Number.isFinite(v) && (weights[i] as number) > 0);

/** Computes the whole block. */
export async function equityBlock(input: BlockInput): Promise<EquityBlock> {
  const { units, year } = input;
  const empty = new Float64Array(units.codes.length).fill(NaN);
  const valuesOf = (y: number) => units.values.get(y) ?? empty;
  const weightsOf = (y: number) => units.weights.get(y) ?? empty;
  const groups = input.grouped ? units.groups : null;

  const measures = measuresOf(valuesOf(year), weightsOf(year), groups);
  await input.pause?.();

  // one analysis graph per distinct set of units (most years share the same units)
  const graphs = new Map<string, AnalysisGraph>();
  const graphOf = (y: number): AnalysisGraph => {
    const keep = hasValue(valuesOf(y), weightsOf(y));
    const key = keep.map((k) => (k ? '1' : '0')).join('');
    let g = graphs.get(key);
    if (!g) graphs.set(key, (g = analysisGraph(units, input.neighbourhood, keep)));
    return g;
  };
  const graph = graphOf(year);
  await input.pause?.();
  const spatial = await spatialStatistics(units, valuesOf(year), graph, {
    permutations: input.permutations,
    seed: input.seed,
    significance: input.significance,
    pause: input.pause,
  });

  const gapsOf = (y: number) => ({
    density: gapOf(input.gapRows, 'density', y, input.valueOf),
    sector: gapOf(input.gapRows, 'sector', y, input.valueOf),
    school_type: gapOf(input.gapRows, 'school_type', y, input.valueOf),
    ips_gradient: ipsGradientOf(input.ipsRows, y, input.ipsObservations),
  });

  const perYear: Record<TrendMeasure, number | null>[] = [];
  for (const y of input.years) {
    await input.pause?.();
    const m = y === year ? measures : measuresOf(valuesOf(y), weightsOf(y), groups);
    const g = gapsOf(y);
    perYear.push({
      gini: m.gini,
      theil: m.theil?.total ?? null,
      theil_between: m.theil?.between ?? null,
      cv: m.cv,
      p90_p10: m.p90_p10,
      top_bottom_fifth_gap: m.top_bottom_fifth?.gap ?? null,
      moran_i: y === year ? (spatial.moran?.I ?? null) : moranOnly(valuesOf(y), graphOf(y)),
      density_gap: g.density?.gap.value ?? null,
      sector_gap: g.sector?.gap.value ?? null,
      ips_slope: g.ips_gradient?.slope ?? null,
    });
  }
  const trend = input.years.length < 2 ? [] : TREND_MEASURES.map((name) => trendOf(name, input.years, perYear.map((p) => p[name])));
  return { measures, gaps: gapsOf(year), spatial, trend };
}
