/**
 * Seeded pseudo-random numbers for the demo layer: a string hash (FNV-1a + murmur3 finaliser),
 * the mulberry32 generator, and the few draws the model needs. Pure: no Math.random, no state
 * outside the generators it returns, so equal seeds give bit-identical sequences.
 */

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a 32-bit hash of a string's UTF-16 code units, continuing from `h` (so a key can be hashed
 * in parts: `fnv1a(b, fnv1a(a))`). Returns an unsigned 32-bit integer.
 */
export function fnv1a(text: string, h: number = FNV_OFFSET): number {
  let x = h >>> 0;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, FNV_PRIME);
  }
  return x >>> 0;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output (avalanche). */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines a hash with an integer (a year, a salt) into a new well-mixed 32-bit hash. */
export function mixHash(h: number, n: number): number {
  return fmix32((h ^ Math.imul(n | 0, 0x9e3779b1)) + 0x7f4a7c15);
}

/** Hash of a whole string key, finalised: use it to seed a generator. */
export function hashString(text: string): number {
  return fmix32(fnv1a(text));
}

/** mulberry32: a tiny, fast 32-bit generator with good statistical quality for simulation. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform draw in [lo, hi). */
export function uniform(rng: Rng, lo = 0, hi = 1): number {
  return lo + (hi - lo) * rng();
}

/** Normal draw (Box-Muller, one value per call: two uniforms consumed). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - rng(); // (0, 1]: log is finite
  const u2 = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** `x` limited to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** The logistic function 1 / (1 + e^-x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The inverse of `sigmoid` for p in (0, 1). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** `x` rounded to `decimals` places (half away from zero for positive values). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
