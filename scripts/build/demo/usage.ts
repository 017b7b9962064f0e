/**
 * Usage model: pupils and teachers active on the ENT (digital workspace) at least monthly.
 * Collèges and lycées all have an ENT; écoles get one when their commune or département joins
 * (a fixed year per école, earlier in investing départements), and use it less. Lower IPS and a
 * very slow connection lower usage a little.
 */
import { clamp, logit, mixHash, mulberry32, normal } from './prng.ts';
import type { SchoolContext } from './context.ts';
import type { SchoolType } from '../../../server/indicators/catalog.ts';

const SALT = 0x5e;
const BASE_YEAR = 2019;

/** Share of pupils active in 2019 and yearly gain; same for teachers. */
const PUPIL_SHARE: Readonly<Record<SchoolType, readonly [number, number]>> = {
  ecole: [0.3, 0.05],
  college: [0.68, 0.03],
  lycee: [0.72, 0.025],
};
const TEACHER_SHARE: Readonly<Record<SchoolType, readonly [number, number]>> = {
  ecole: [0.55, 0.05],
  college: [0.86, 0.015],
  lycee: [0.86, 0.015],
};
/** Pupils per teacher, to turn a headcount into a teaching staff. */
const PUPILS_PER_TEACHER: Readonly<Record<SchoolType, number>> = { ecole: 20, college: 13, lycee: 11 };

/** Below this measured bandwidth (Mbit/s) usage is a little lower. */
const SLOW_MBPS = 8;

export interface UsageLatent {
  /** first rentrée with an ENT (écoles; -Infinity for collèges and lycées) */
  entYear: number;
  pupilOffset: number;
  teacherOffset: number;
  hash: number;
}

export interface Usage {
  entActivePupils: number | null;
  entActiveTeachers: number;
}

/** Draws the stable usage traits of a school. */
export function usageLatent(ctx: SchoolContext, type: SchoolType): UsageLatent {
  const hash = mixHash(ctx.hash, SALT);
  const rng = mulberry32(hash);
  const ue = rng();
  const entYear = type === 'ecole'
    ? 2020.5 - 1.2 * ctx.dep - 0.5 * ctx.urban + 1.2 * logit(clamp(ue, 1e-9, 1 - 1e-9))
    : -Infinity;
  return { entYear, pupilOffset: normal(rng, 0, 0.08), teacherOffset: normal(rng, 0, 0.05), hash };
}

/**
 * ENT usage of a school in a year. `entActivePupils` is null when the real headcount is unknown:
 * a count of active pupils without the headcount it is a share of would mislead.
 */
export function usageYear(
  latent: UsageLatent,
  ctx: SchoolContext,
  type: SchoolType,
  year: number,
  measuredMbps: number,
): Usage {
  const rng = mulberry32(mixHash(latent.hash, year));
  const t = year - BASE_YEAR;
  const hasEnt = year >= latent.entYear;
  const slow = measuredMbps < SLOW_MBPS ? 0.9 : 1;

  const [p0, pg] = PUPIL_SHARE[type];
  const pupilShare = hasEnt
    ? clamp(
        (p0 + pg * t + (ctx.isPrivate ? 0.03 : 0) + latent.pupilOffset + normal(rng, 0, 0.03))
          * (1 + 0.05 * ctx.ipsZ) * slow,
        0,
        0.98,
      )
    : 0;
  const entActivePupils = ctx.pupils === null ? null : Math.min(ctx.pupils, Math.round(ctx.pupils * pupilShare));

  const [t0, tg] = TEACHER_SHARE[type];
  const teachers = ctx.headcount > 0 ? Math.max(1, Math.round(ctx.headcount / PUPILS_PER_TEACHER[type])) : 0;
  const teacherShare = hasEnt
    ? clamp((t0 + tg * t + latent.teacherOffset + normal(rng, 0, 0.02)) * slow, 0, 1)
    : 0;
  const entActiveTeachers = Math.round(teachers * teacherShare);

  return { entActivePupils, entActiveTeachers };
}
