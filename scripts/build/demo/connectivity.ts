/**
 * Connectivity model: when a school gets fibre (a fixed year per school, so fibre is never lost),
 * what it has before (VDSL near the exchange, ADSL further out, satellite in the sparsest
 * communes, replaced by a 4G/5G box from about 2020), and its contracted and measured bandwidth.
 */
import { clamp, logit, mixHash, mulberry32, normal, roundTo } from './prng.ts';
import type { SchoolContext } from './context.ts';
import type { AccessTech } from './types.ts';
import type { SchoolType } from '../../../server/indicators/catalog.ts';

const SALT = 0xc0;
const BASE_YEAR = 2019;

/** Largest shift (years) of the fibre midpoint by the spatial field, in the sparsest communes. */
const GEO_FIBRE_YEARS = 3;

/** Contracted fibre offers, Mbit/s. */
const FIBRE_TIERS = [100, 200, 300, 500, 1000] as const;

/** How much earlier (years) fibre arrives, by school type: régions and départements invest first. */
const FIBRE_HEAD_START: Readonly<Record<SchoolType, number>> = { ecole: 0, college: 0.9, lycee: 1.5 };
/** Fibre tier head start, by school type. */
const TIER_BONUS: Readonly<Record<SchoolType, number>> = { ecole: 0, college: 0.9, lycee: 1.6 };

/** Measured / contracted bandwidth: mean, spread and bounds by technology. */
const EFFICIENCY: Readonly<Record<AccessTech, readonly [number, number, number, number]>> = {
  fibre: [0.78, 0.12, 0.35, 1],
  vdsl: [0.85, 0.1, 0.5, 1],
  adsl: [0.85, 0.1, 0.5, 1],
  '4g5g': [0.7, 0.18, 0.3, 1],
  satellite: [0.75, 0.12, 0.4, 1],
};

/** What a school keeps over the years (drawn once per school). */
export interface ConnectivityLatent {
  /** first rentrée on fibre (fractional; Infinity = not within reach) */
  fibreYear: number;
  /** technology before fibre and before any 4G/5G box */
  wiredTech: 'vdsl' | 'adsl' | 'satellite';
  /** first rentrée on a 4G/5G box for ADSL and satellite schools (Infinity = never) */
  wirelessYear: number;
  /** copper line quality, 0..1 (distance to the exchange) */
  line: number;
  /** spatial field at the school (4G/5G coverage quality) */
  geo: number;
  fibreTierQ: number;
  wirelessQ: number;
  /** root of the per-year draws */
  hash: number;
}

export interface Connectivity {
  accessTech: AccessTech;
  contracted: number;
  measured: number;
}

/** Draws the stable connectivity traits of a school. */
export function connectivityLatent(ctx: SchoolContext, type: SchoolType): ConnectivityLatent {
  const hash = mixHash(ctx.hash, SALT);
  const rng = mulberry32(hash);
  const { urban: u, ftth: f, dep, geo } = ctx;

  // Fibre: logistic adoption curve whose midpoint moves earlier with 2018 FttH coverage, density,
  // school type and the département's investment; a few sparse-commune schools stay out of reach.
  // The spatial field (spatial.ts) moves it by up to ±GEO_FIBRE_YEARS, more in sparse communes
  // (remote valleys and uplands lag, well-served corridors lead), and shifts the reach a little.
  const mid =
    2023.9 - 3.2 * f - 2.4 * u - FIBRE_HEAD_START[type] - 0.7 * dep + (ctx.isPrivate ? 0.3 : 0)
    - GEO_FIBRE_YEARS * (1 - 0.5 * u) * geo;
  const reach = clamp(0.88 + 0.11 * u + 0.1 * (1 - u) * geo, 0.75, 0.99);
  const uf = rng();
  const fibreYear = uf < reach ? mid + 1.1 * logit(Math.max(uf, 1e-9) / reach) : Infinity;

  // Before fibre: satellite only in the sparsest communes; VDSL more likely in dense ones.
  const satShare = 0.05 * (1 - u) ** 3;
  const vdslShare = clamp(0.2 + 0.6 * u + 0.2 * geo, 0.05, 0.95);
  const uc = rng();
  const wiredTech = uc < satShare ? 'satellite' : uc < satShare + (1 - satShare) * vdslShare ? 'vdsl' : 'adsl';

  // 4G/5G boxes replace poor ADSL and satellite from about 2020 (up to 60% of them).
  const uw = rng();
  const wirelessYear = uw < 0.6 ? 2021.5 - 0.5 * dep - 1 * geo + logit(Math.max(uw, 1e-9) / 0.6) : Infinity;

  return {
    fibreYear,
    wiredTech,
    wirelessYear,
    line: clamp(0.8 * rng() + 0.2 * u + 0.25 * geo, 0, 1),
    fibreTierQ: rng(),
    wirelessQ: rng(),
    geo,
    hash,
  };
}

/** The access technology of a school in a year: only ever moves up (to 4G/5G, then fibre). */
export function accessTech(latent: ConnectivityLatent, year: number): AccessTech {
  if (year >= latent.fibreYear) return 'fibre';
  if (latent.wiredTech !== 'vdsl' && year >= latent.wirelessYear) return '4g5g';
  return latent.wiredTech;
}

/** Contracted bandwidth (Mbit/s) of a technology for this school and year. */
function contracted(latent: ConnectivityLatent, ctx: SchoolContext, type: SchoolType, tech: AccessTech, t: number): number {
  switch (tech) {
    case 'fibre': {
      const score = 2 * latent.fibreTierQ + TIER_BONUS[type] + 0.3 * t + 0.3 * ctx.dep;
      return FIBRE_TIERS[clamp(Math.floor(score), 0, FIBRE_TIERS.length - 1)] ?? 100;
    }
    case 'vdsl':
      return Math.round(15 + 65 * latent.line);
    case 'adsl':
      return roundTo(2 + 13 * latent.line, 1);
    case '4g5g':
      return Math.round(clamp(10 + 60 * latent.wirelessQ + 8 * t + 25 * latent.geo, 10, 150));
    case 'satellite':
      return Math.round(clamp(10 + 15 * latent.wirelessQ + 4 * t, 10, 50));
  }
}

/** The connectivity of a school in a year (draws depend only on seed, UAI and year). */
export function connectivityYear(
  latent: ConnectivityLatent,
  ctx: SchoolContext,
  type: SchoolType,
  year: number,
): Connectivity {
  const rng = mulberry32(mixHash(latent.hash, year));
  const tech = accessTech(latent, year);
  const c = contracted(latent, ctx, type, tech, Math.max(0, year - BASE_YEAR));
  const [mean, sd, lo, hi] = EFFICIENCY[tech];
  const measured = roundTo(c * clamp(normal(rng, mean, sd), lo, hi), 1);
  return { accessTech: tech, contracted: c, measured: Math.min(measured, c) };
}
