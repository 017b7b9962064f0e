import { describe, expect, it } from 'vitest';
import { clamp, fmix32, fnv1a, logit, mixHash, mulberry32, normal, roundTo, sigmoid, uniform } from './prng.ts';

describe('prng', () => {
  it('computes FNV-1a 32 reference values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('bar', fnv1a('foo'))).toBe(fnv1a('foobar'));
  });

  it('mixes hashes into unsigned 32-bit integers that differ per input', () => {
    const hs = new Set([0, 1, 2, 2019, 2020].map((n) => mixHash(12345, n)));
    expect(hs.size).toBe(5);
    for (const h of hs) expect(h >>> 0).toBe(h);
    expect(fmix32(0)).toBe(0);
  });

  it('mulberry32 repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 1000 }, () => a());
    const sb = Array.from({ length: 1000 }, () => b());
    const sc = Array.from({ length: 1000 }, () => c());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(Math.min(...sa)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...sa)).toBeLessThan(1);
  });

  it('draws uniform and normal values with the right moments', () => {
    const rng = mulberry32(7);
    const n = 20_000;
    let su = 0;
    let umin = Infinity;
    let umax = -Infinity;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(rng, 10, 20);
      umin = Math.min(umin, u);
      umax = Math.max(umax, u);
      su += u;
      const z = normal(rng, 5, 2);
      sn += z;
      sn2 += z * z;
    }
    expect(umin).toBeGreaterThanOrEqual(10);
    expect(umax).toBeLessThan(20);
    expect(su / n).toBeCloseTo(15, 1);
    const mean = sn / n;
    expect(mean).toBeCloseTo(5, 1);
    expect(Math.sqrt(sn2 / n - mean * mean)).toBeCloseTo(2, 1);
  });

  it('clamps, rounds and inverts the logistic', () => {
    expect(clamp(-1, 0, 1)).toBe(0);
    expect(clamp(2, 0, 1)).toBe(1);
    expect(clamp(0.3, 0, 1)).toBe(0.3);
    expect(roundTo(12.345, 1)).toBe(12.3);
    expect(logit(sigmoid(1.7))).toBeCloseTo(1.7, 10);
  });
});
