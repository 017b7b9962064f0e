/**
 * A selection: what the map, schools, series, compare and export endpoints share (indicator,
 * level, year, parent territory, school type, sector), resolved from validated query strings
 * against the catalog, with errors that name the parameter.
 */
import { ApiError } from './errors.ts';
import {
  LEVELS,
  latestYear,
  type Indicator,
  type Level,
  type SchoolType,
  type Sector,
} from './indicators/catalog.ts';
import { indicatorForYear, servedIndicator } from './indicators/years.ts';

export interface TerritoryRef {
  level: Level;
  code: string;
}

export interface Selection {
  indicator: Indicator;
  level: Level;
  year: number;
  within: TerritoryRef | null;
  schoolType: SchoolType | null;
  sector: Sector | null;
}

/** Values computed from fewer schools than this are flagged `low_n` (too few to compare). */
export const MIN_SCHOOLS = 5;

/** Parses `level:code` (already format-checked by the schema). */
export function parseRef(ref: string): TerritoryRef {
  const [level, code] = ref.split(':') as [Level, string];
  return { level, code };
}

/**
 * The indicator for an id from a request as the request's warehouse version serves it (its
 * years are the warehouse's, see indicators/years.ts), or a 400 naming `param`.
 */
export function indicatorOf(id: string, param = 'indicator'): Indicator {
  const ind = servedIndicator(id);
  if (!ind) {
    const shown = /^[a-z0-9_]{1,64}$/.test(id) ? ` "${id}"` : '';
    throw new ApiError(400, 'unknown_indicator', `unknown indicator${shown}; see /api/indicators`, param);
  }
  return ind;
}

/** The year to use: the requested one if the indicator has it (else 400 listing those it has), or its latest. */
export function yearOf(ind: Indicator, year: number | undefined): number {
  const y = year ?? latestYear(ind);
  if (!ind.years.includes(y)) {
    throw new ApiError(400, 'unknown_year', `indicator ${ind.id} has no year ${y}; available: ${ind.years.join(', ')}`, 'year');
  }
  return y;
}

/** Checks that school filters apply to the indicator (commune-grain ones have no schools). */
export function checkFilters(ind: Indicator, schoolType: unknown, sector: unknown): void {
  if (ind.grain === 'school') return;
  for (const [param, v] of [['school_type', schoolType], ['sector', sector]] as const) {
    if (v !== undefined && v !== null) {
      throw new ApiError(400, 'filter_not_applicable', `indicator ${ind.id} is not computed per school: ${param} does not apply`, param);
    }
  }
}

/** Checks that `within` is a level above `level`. */
export function checkWithin(level: Level, within: TerritoryRef | null): void {
  if (within && LEVELS.indexOf(within.level) >= LEVELS.indexOf(level)) {
    throw new ApiError(400, 'invalid_within', `within must be a level above ${level}`, 'within');
  }
}

/** Builds a selection from validated query values (its indicator as of its year: that year's provenance and vintage). */
export function selectionOf(q: {
  indicator: string;
  level: Level;
  year?: number | undefined;
  within?: string | undefined;
  school_type?: SchoolType | undefined;
  sector?: Sector | undefined;
}): Selection {
  const indicator = indicatorOf(q.indicator);
  if (!indicator.levels.includes(q.level)) throw new ApiError(400, 'unknown_level', `indicator ${indicator.id} has no level ${q.level}`, 'level');
  const within = q.within ? parseRef(q.within) : null;
  checkWithin(q.level, within);
  checkFilters(indicator, q.school_type, q.sector);
  const year = yearOf(indicator, q.year);
  return { indicator: indicatorForYear(indicator, year), level: q.level, year, within, schoolType: q.school_type ?? null, sector: q.sector ?? null };
}

/** The value shown for aggregated num/den: scale × num/den, or num without denominator. */
export function valueOf(ind: Indicator, num: number | null, den: number | null): number | null {
  if (num === null) return null;
  if (ind.denominator === null) return num;
  if (den === null || den <= 0) return null;
  return (ind.scale * num) / den;
}
