/**
 * Equipment model: teaching devices (from a pupils-per-device ratio that improves every year),
 * the share of them under 5 years old, interactive displays per class, and the mean maintenance
 * delay. Lycées (régions) and collèges (départements) are better equipped than écoles (communes);
 * the département factor, the IPS and the commune's density nudge every figure.
 */
import { clamp, mixHash, mulberry32, normal, roundTo } from './prng.ts';
import type { SchoolContext } from './context.ts';
import type { SchoolType } from '../../../server/indicators/catalog.ts';

const SALT = 0xe9;
const BASE_YEAR = 2019;

interface TypeParams {
  /** pupils per device at rentrée 2019 */
  ratio2019: number;
  /** yearly multiplier of the ratio (< 1: improves) */
  ratioTrend: number;
  /** limits of the ratio */
  ratioMin: number;
  ratioMax: number;
  /** share of devices under 5 years in 2019, and its yearly gain */
  recent2019: number;
  recentGain: number;
  /** pupils per class, and interactive displays per class in 2019 and yearly gain */
  classSize: number;
  displays2019: number;
  displaysGain: number;
  /** maintenance delay (days) in a dense commune in 2019 */
  delay2019: number;
}

const PARAMS: Readonly<Record<SchoolType, TypeParams>> = {
  ecole: {
    ratio2019: 9.5, ratioTrend: 0.94, ratioMin: 2.5, ratioMax: 16,
    recent2019: 0.35, recentGain: 0.035,
    classSize: 22, displays2019: 0.35, displaysGain: 0.06,
    delay2019: 6,
  },
  college: {
    ratio2019: 4.6, ratioTrend: 0.94, ratioMin: 1.2, ratioMax: 8,
    recent2019: 0.45, recentGain: 0.035,
    classSize: 25, displays2019: 0.65, displaysGain: 0.04,
    delay2019: 3.2,
  },
  lycee: {
    ratio2019: 3.0, ratioTrend: 0.945, ratioMin: 0.8, ratioMax: 5.5,
    recent2019: 0.5, recentGain: 0.035,
    classSize: 27, displays2019: 0.6, displaysGain: 0.04,
    delay2019: 2.6,
  },
};

/** From rentrée 2021 the écoles get the recovery plan's devices ("socle numérique"). */
const RELANCE_YEAR = 2021;

export interface EquipmentLatent {
  ratioFactor: number;
  recentOffset: number;
  displayFactor: number;
  delayFactor: number;
  hash: number;
}

export interface Equipment {
  devices: number;
  devicesRecent: number;
  interactiveDisplays: number;
  maintenanceDelayDays: number;
}

/** Draws the stable equipment traits of a school. */
export function equipmentLatent(ctx: SchoolContext): EquipmentLatent {
  const hash = mixHash(ctx.hash, SALT);
  const rng = mulberry32(hash);
  return {
    ratioFactor: Math.exp(normal(rng, 0, 0.25)),
    recentOffset: normal(rng, 0, 0.08),
    displayFactor: Math.exp(normal(rng, 0, 0.25)),
    delayFactor: Math.exp(normal(rng, 0, 0.3)),
    hash,
  };
}

/** The equipment of a school in a year (draws depend only on seed, UAI and year). */
export function equipmentYear(
  latent: EquipmentLatent,
  ctx: SchoolContext,
  type: SchoolType,
  year: number,
): Equipment {
  const rng = mulberry32(mixHash(latent.hash, year));
  const p = PARAMS[type];
  const t = year - BASE_YEAR;
  const relance = type === 'ecole' && year >= RELANCE_YEAR;
  const rural = 1 - ctx.urban;

  // Pupils per device: type baseline × yearly improvement × school, département, IPS, rurality.
  let ratio = p.ratio2019 * p.ratioTrend ** t * (relance ? 0.88 : 1);
  ratio *= latent.ratioFactor * Math.exp(-0.12 * ctx.dep) * (1 - 0.05 * ctx.ipsZ);
  ratio *= (type === 'ecole' ? 1 + 0.08 * rural : 1) * (ctx.isPrivate ? (type === 'ecole' ? 1.1 : 1.05) : 1);
  ratio *= Math.exp(normal(rng, 0, 0.04));
  ratio = clamp(ratio, p.ratioMin, p.ratioMax);
  const devices = ctx.headcount > 0 ? Math.round(ctx.headcount / ratio) : 0;

  const recentShare = clamp(
    p.recent2019 + p.recentGain * t + (relance ? 0.1 : 0) + 0.06 * ctx.dep + 0.02 * ctx.ipsZ
      + latent.recentOffset + normal(rng, 0, 0.04),
    0.05,
    0.95,
  );
  const devicesRecent = Math.min(devices, Math.round(devices * recentShare));

  const classes = ctx.headcount > 0 ? Math.max(1, Math.round(ctx.headcount / p.classSize)) : 0;
  const perClass = clamp(
    (p.displays2019 + p.displaysGain * t) * latent.displayFactor * (1 + 0.1 * ctx.dep) * (1 + 0.03 * ctx.ipsZ),
    0,
    1.3,
  );
  const interactiveDisplays = Math.round(classes * perClass);

  // Maintenance delay: longer for écoles (no technician on site) and in sparse communes.
  const delay = p.delay2019 * (1 + 0.9 * rural) * Math.exp(-0.07 * t - 0.15 * ctx.dep - 0.15 * ctx.geo)
    * (ctx.isPrivate ? 0.9 : 1) * latent.delayFactor * Math.exp(normal(rng, 0, 0.15));
  const maintenanceDelayDays = roundTo(clamp(delay, 0.5, 20), 1);

  return { devices, devicesRecent, interactiveDisplays, maintenanceDelayDays };
}
