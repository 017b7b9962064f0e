/**
 * Territorial gaps of /api/equity from aggregates the SQL computed (ratios of sums per class and
 * year): urban vs rural by commune density class, public vs private, by school type, and the
 * social gradient over IPS quintiles with its weighted least-squares slope. Pure.
 */
import { fitFromMoments, type Moments } from './regression.ts';

/**
 * Density classes of the commune (inhabitants per km² of the commune, from the COG populations
 * and the IGN areas): a proxy, not INSEE's grille communale de densité (which classifies 1 km²
 * grid cells). Bounds: rural < RURAL_MAX ≤ intermediate < DENSE_MIN ≤ dense.
 */
export const RURAL_MAX = 25;
export const DENSE_MIN = 300;
export const DENSITY_CLASSES = ['rural', 'intermediate', 'dense'] as const;
export type DensityClass = (typeof DENSITY_CLASSES)[number];
const DENSITY_LABELS: Record<DensityClass, string> = {
  rural: `communes peu denses (< ${RURAL_MAX} hab./km²)`,
  intermediate: `communes intermédiaires (${RURAL_MAX} à ${DENSE_MIN} hab./km²)`,
  dense: `communes denses (≥ ${DENSE_MIN} hab./km²)`,
};

/** One row of equity_gaps.sql. */
export interface GapRow {
  dimension: 'density' | 'sector' | 'school_type';
  class: string;
  year: number;
  num: number | null;
  den: number | null;
  schools: number;
  communes: number;
}

export interface GapClass {
  class: string;
  label?: string;
  value: number | null;
  /** schools behind the value (0 for indicators computed per commune) */
  schools: number;
  communes: number;
}

export interface Gap {
  classes: GapClass[];
  /** the first class named in `between` minus the second */
  gap: { between: [string, string]; value: number | null };
}

type ValueOf = (num: number | null, den: number | null) => number | null;

const ORDER: Record<GapRow['dimension'], readonly string[]> = {
  density: DENSITY_CLASSES,
  sector: ['public', 'prive'],
  school_type: ['ecole', 'college', 'lycee'],
};
const BETWEEN: Record<GapRow['dimension'], [string, string]> = {
  density: ['dense', 'rural'],
  sector: ['public', 'prive'],
  school_type: ['ecole', 'lycee'],
};

/** The gap of one dimension in one year; `null` when the dimension has no class that year. */
export function gapOf(rows: readonly GapRow[], dimension: GapRow['dimension'], year: number, valueOf: ValueOf): Gap | null {
  const mine = rows.filter((r) => r.dimension === dimension && r.year === year);
  if (mine.length === 0) return null;
  const classes = ORDER[dimension]
    .map((c) => mine.find((r) => r.class === c))
    .filter((r): r is GapRow => r !== undefined)
    .map((r) => ({
      class: r.class,
      ...(dimension === 'density' ? { label: DENSITY_LABELS[r.class as DensityClass] } : {}),
      value: valueOf(r.num, r.den),
      schools: r.schools,
      communes: r.communes,
    }));
  const [a, b] = BETWEEN[dimension];
  const va = classes.find((c) => c.class === a)?.value ?? null;
  const vb = classes.find((c) => c.class === b)?.value ?? null;
  return { classes, gap: { between: [a, b], value: va !== null && vb !== null ? va - vb : null } };
}

/** One row of equity_ips.sql: a quintile (1…5) or, with quintile null, the whole year. */
export interface IpsRow extends Moments {
  year: number;
  quintile: number | null;
  n: number;
  ips_min: number;
  ips_max: number;
  ips_mean: number;
  /** ratio of sums over the observations (scale applied) */
  value: number | null;
}

export interface IpsGradient {
  /** observations: schools, or communes for indicators computed per commune */
  observations: 'schools' | 'communes';
  n: number;
  quintiles: { quintile: number; n: number; ips_min: number; ips_max: number; ips_mean: number; value: number | null }[];
  /** change of the indicator per IPS point (weighted least squares) */
  slope: number | null;
  slope_per_10_ips: number | null;
  intercept: number | null;
  r2: number | null;
  /** value of the top IPS quintile minus the bottom one */
  q5_minus_q1: number | null;
}

/** The IPS gradient of one year; `null` when no observation has an IPS. */
export function ipsGradientOf(rows: readonly IpsRow[], year: number, observations: IpsGradient['observations']): IpsGradient | null {
  const all = rows.find((r) => r.year === year && r.quintile === null);
  if (!all || all.n === 0) return null;
  const quintiles = rows
    .filter((r) => r.year === year && r.quintile !== null)
    .sort((a, b) => (a.quintile as number) - (b.quintile as number))
    .map((r) => ({ quintile: r.quintile as number, n: r.n, ips_min: r.ips_min, ips_max: r.ips_max, ips_mean: r.ips_mean, value: r.value }));
  const fit = fitFromMoments(all);
  const q1 = quintiles.find((q) => q.quintile === 1)?.value ?? null;
  const q5 = quintiles.find((q) => q.quintile === 5)?.value ?? null;
  return {
    observations,
    n: all.n,
    quintiles,
    slope: fit?.slope ?? null,
    slope_per_10_ips: fit ? fit.slope * 10 : null,
    intercept: fit?.intercept ?? null,
    r2: fit?.r2 ?? null,
    q5_minus_q1: q1 !== null && q5 !== null ? q5 - q1 : null,
  };
}
