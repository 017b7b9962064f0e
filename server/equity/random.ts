/**
 * Seeded pseudo-random numbers for the permutation tests (never Math.random): mulberry32, a small
 * 32-bit generator, seeded through murmur3's finaliser so nearby seeds give unrelated streams.
 * Equal seeds give identical sequences on every platform (integer arithmetic only).
 */

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** murmur3's 32-bit finaliser. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** mulberry32 seeded with `seed` and a `stream` number (0, 1, …) for independent uses. */
export function seededRng(seed: number, stream = 0): Rng {
  let a = fmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b1));
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, m) (m ≤ 2³²; the bias is below m / 2³²). */
export function randomInt(rng: Rng, m: number): number {
  return Math.floor(rng() * m);
}

/** Shuffles `a` in place (Fisher–Yates). */
export function shuffle(rng: Rng, a: Float64Array | Int32Array): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}
