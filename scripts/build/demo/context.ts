/**
 * What the model derives once per school from its real context: an urban score from the commune's
 * density, the 2018 FttH share (or an estimate), the département's investment factor, the IPS
 * deviation and the headcount used to size equipment.
 */
import { clamp, fnv1a, fmix32, hashString } from './prng.ts';
import { spatialField } from './spatial.ts';
import type { DemoSchoolInput } from './types.ts';
import type { SchoolType } from '../../../server/indicators/catalog.ts';

/**
 * Headcount assumed when the real one is unknown: rough national medians (orders of magnitude
 * of DEPP 2022 figures). Fixed constants, never computed from the input list, so that a school's
 * values do not depend on the other schools.
 */
export const MEDIAN_PUPILS: Readonly<Record<SchoolType, number>> = {
  ecole: 110,
  college: 470,
  lycee: 520,
};

/** Density assumed when the commune's is unknown (inhabitants per km²). */
export const FALLBACK_DENSITY = 80;

/** Densities (inhabitants per km²) at which the urban score is 0 and 1. */
const RURAL_DENSITY = 10;
const URBAN_DENSITY = 2000;

export interface SchoolContext {
  /** 0 = sparse rural or mountain commune (≤ 10 inhab./km²), 1 = dense city (≥ 2,000) */
  urban: number;
  /** FttH-ready share of the commune in 2018, estimated from `urban` when unknown */
  ftth: number;
  /** the département's investment factor, -1..1 (stable hash of seed + code) */
  dep: number;
  /** (IPS − 100) / 15, limited to -3..3; 0 when unknown */
  ipsZ: number;
  /** smooth spatial field at the school's position, -1..1 (0 when unknown; see spatial.ts) */
  geo: number;
  /** real headcount, or the type median when unknown; used to size equipment */
  headcount: number;
  /** real headcount or null */
  pupils: number | null;
  isPrivate: boolean;
  /** hash of seed + UAI: the root of every draw for this school */
  hash: number;
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** The urban score of a density: log-linear between 10 and 2,000 inhabitants per km². */
export function urbanScore(density: number | null): number {
  const d = finiteOrNull(density) ?? FALLBACK_DENSITY;
  if (d <= RURAL_DENSITY) return 0;
  return clamp(Math.log(d / RURAL_DENSITY) / Math.log(URBAN_DENSITY / RURAL_DENSITY), 0, 1);
}

/** The investment factor of a département, uniform in [-1, 1), stable for a seed and a code. */
export function departementFactor(seedHash: number, code: string): number {
  const h = fmix32(fnv1a(code, fnv1a('\u0000dep\u0000', seedHash)));
  return (h / 4294967296) * 2 - 1;
}

/** Builds the context of a school; `depFactor` memoises `departementFactor` for the run. */
export function schoolContext(
  school: DemoSchoolInput,
  seedHash: number,
  depFactor: (code: string) => number,
): SchoolContext {
  const urban = urbanScore(school.communeDensity);
  const ftthKnown = finiteOrNull(school.communeFtthShare);
  const ftth = ftthKnown === null ? 0.8 * urban * urban : clamp(ftthKnown, 0, 1);
  const ips = finiteOrNull(school.ips);
  const pupilsRaw = finiteOrNull(school.pupils);
  const pupils = pupilsRaw === null || pupilsRaw < 0 ? null : Math.round(pupilsRaw);
  return {
    urban,
    ftth,
    dep: depFactor(school.departementCode),
    ipsZ: ips === null ? 0 : clamp((ips - 100) / 15, -3, 3),
    geo: spatialField(seedHash, school.lon, school.lat),
    headcount: pupils ?? MEDIAN_PUPILS[school.schoolType],
    pupils,
    isPrivate: school.sector === 'prive',
    hash: fmix32(fnv1a(school.uai, fnv1a('\u0000uai\u0000', seedHash))),
  };
}

/** Hash of the seed string, the root of every per-school and per-département hash. */
export function seedHash(seed: string): number {
  return hashString(seed);
}
