/**
 * A smooth, deterministic spatial field over the school's position (lon, lat): value noise on a
 * grid of about 50 km (0.45° of latitude × 0.65° of longitude), plus a half-weight octave on a
 * grid of about 25 km, each cell corner a hash of seed + grid indices, interpolated bilinearly
 * with a smoothstep. It stands for what density and the 2018 FttH share do not capture: valleys
 * and mountain areas far from the backbone, well-connected corridors, local operators' choices.
 * Its value at a point depends only on the seed and the point, so adding a school changes no
 * other school's value. Roughly centred on 0, sd about 0.5, limited to ±1.
 */
import { fmix32, fnv1a } from './prng.ts';

/** Grid steps of the coarse octave, degrees (about 50 km in metropolitan France). */
const STEP_LAT = 0.45;
const STEP_LON = 0.65;
/** Weight of the fine octave (half the step). */
const FINE_WEIGHT = 0.5;
/** Gain bringing the sum's sd (about 0.3) to about 0.5; the result is then limited to ±1. */
const GAIN = 1.7;

/** Hash of seed + octave + grid corner → uniform in [-1, 1). */
function corner(seedHash: number, octave: number, ix: number, iy: number): number {
  const h = fmix32(fnv1a(`${String(octave)}:${String(ix)}:${String(iy)}`, fnv1a('\u0000geo\u0000', seedHash)));
  return (h / 4294967296) * 2 - 1;
}

const smooth = (t: number): number => t * t * (3 - 2 * t);

function octave(seedHash: number, n: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const tx = smooth(x - ix);
  const ty = smooth(y - iy);
  const a = corner(seedHash, n, ix, iy);
  const b = corner(seedHash, n, ix + 1, iy);
  const c = corner(seedHash, n, ix, iy + 1);
  const d = corner(seedHash, n, ix + 1, iy + 1);
  return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

/**
 * The field at (lon, lat), in [-1, 1]; 0 when the position is unknown or not finite.
 * Positive = better connected than density and FttH coverage alone would say.
 */
export function spatialField(seedHash: number, lon: number | null | undefined, lat: number | null | undefined): number {
  if (lon === null || lon === undefined || lat === null || lat === undefined) return 0;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return 0;
  const coarse = octave(seedHash, 0, lon / STEP_LON, lat / STEP_LAT);
  const fine = octave(seedHash, 1, (2 * lon) / STEP_LON, (2 * lat) / STEP_LAT);
  const v = (GAIN * (coarse + FINE_WEIGHT * fine)) / (1 + FINE_WEIGHT);
  return Math.max(-1, Math.min(1, v));
}
