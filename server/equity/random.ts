/**
 * Seeded pseudo-random numbers for the permutation tests (never Math.random): mulberry32, a small
 * 32-bit generator, seeded through murmur3's finaliser so nearby seeds give unrelated streams.
 * Equal seeds give identical sequences on every platform (integer arithmetic only). The generator
 * and the finaliser are the demo layer's (scripts/build/demo/prng.ts).
 */
import { fmix32, mulberry32, type Rng } from '../../scripts/build/demo/prng.ts';

export type { Rng };

/** mulberry32 seeded with `seed` and a `stream` number (0, 1, …) for independent uses. */
export function seededRng(seed: number, stream = 0): Rng {
  return mulberry32(fmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b1)));
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
