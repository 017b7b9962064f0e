// Moran's I and local Moran: a published reference (PySAL/esda on the St. Louis homicide data),
// exact hand-computed cases, properties, and the conditional permutation checked against exact
// probabilities.
//
// Reference: esda's test suite, pysal/esda/tests/test_moran.py in github.com/pysal/pysal (BSD-3),
// class Moran_Tester: for y = HR8893 of stl_hom.txt (homicide rates 1988–93 of the 78 counties
// around St. Louis) and the contiguity of stl.gal, row-standardised, Moran(y, w,
// two_tailed=False) gives I = 0.24365582621771659 and p_norm = 0.00013573931385468807; the
// docstring of esda's Moran (esda/moran.py) gives EI = -0.012987012987012988 and the two-tailed
// p_norm 0.00027147862770937614. We could not retrieve stl.gal itself: the weights below are
// stl_hom_rook.gal from the same PySAL examples folder (pysal/examples/stl/, ids 1…78 in the
// order of stl_hom.txt), which reproduces I and both p_norm to 1e-12, so it is the same graph.
import { describe, expect, it } from 'vitest';
import { centred, foldedP, moranGlobal, moranI, moranLocal, permutationIndexes, spatialLag, weightSums } from './moran.ts';
import { upperTail } from './normal.ts';
import { seededRng } from './random.ts';
import { graphFromLinks, graphFromPairs, rowStandardised, type Graph } from './weights.ts';

const STL_ROOK = [
  '7 3 6', '10 8 5', '7 4 1', '9 5 3 7', '10 4 9 2', '16 12 11 7 1',
  '19 9 11 18 1 6 3 4', '15 10 2', '20 19 13 10 7 4 5', '17 15 9 13 20 21 5 2 8', '18 16 6 7', '16 14 6',
  '20 9 10', '22 16 12', '23 10 17 8', '28 27 18 22 14 12 6 11', '30 26 23 21 10 15', '33 32 19 16 27 11 7',
  '24 20 18 33 7 9', '24 21 19 9 13 10', '35 26 24 20 17 10', '29 28 14 16', '31 25 17 30 15', '35 33 21 19 20',
  '42 31 23', '34 30 21 35 17', '41 39 32 28 36 16 18', '29 36 27 22 16', '38 36 22 28', '43 34 31 26 17 23',
  '44 42 43 30 23 25', '33 27 41 18', '46 40 35 32 41 18 24 19', '43 35 45 26 30', '45 37 33 21 24 34 26', '47 39 38 29 28 27',
  '51 45 40 46 49 35', '48 47 29 36', '52 50 41 47 36 27', '46 37 33', '50 46 39 27 33 32', '53 31 44 25',
  '61 59 54 44 45 34 30 31', '54 53 43 31 42', '60 59 51 37 35 43 34', '49 50 57 41 33 40 37', '56 55 52 48 38 36 39', '55 47 38',
  '63 51 46 57 37', '58 57 52 39 41 46', '64 60 49 63 37 45', '62 58 56 47 39 50', '65 54 44 42', '65 61 43 44 53',
  '56 48 47', '62 55 47 52', '67 63 66 58 50 49 46', '66 52 62 50 57', '69 61 60 70 45 43', '70 64 51 45 59',
  '72 65 59 69 43 54', '68 66 56 52 58', '64 57 67 49 51', '71 70 63 67 51 60', '61 72 54 53', '73 67 62 68 58 57',
  '76 75 71 66 57 64 63', '73 62 66', '77 72 70 74 59 61', '74 71 78 64 60 69 59', '78 75 67 64 70', '77 69 61 65',
  '76 66 68', '77 78 70 69', '78 76 67 71', '73 67 75', '74 69 72', '75 71 74 70',
];
const HR8893 = [
  1.624458, 2.255492, 1.46789, 2.484256, 0, 9.048673, 6.029489, 1.800385, 4.581251, 3.790607,
  1.447436, 1.191966, 0, 1.608017, 1.949812, 0.74509, 4.173318, 3.783252, 2.085136, 2.176302,
  6.309347, 10.855743, 4.211354, 0.80481, 3.215331, 2.833664, 1.59204, 1.571158, 3.12759, 4.416896,
  3.017486, 9.924245, 7.973957, 5.005464, 2.463891, 0, 7.377974, 1.003875, 3.190047, 45.905406,
  2.447597, 1.294958, 5.933098, 4.133997, 4.298311, 27.483827, 0.969791, 0, 2.934466, 4.456427,
  4.629264, 4.941533, 3.990041, 2.064324, 3.040253, 3.905411, 4.332839, 3.894111, 6.828794, 3.263947,
  3.282163, 3.295762, 7.249679, 3.041846, 1.618018, 4.910801, 1.991457, 3.146192, 7.26665, 3.110904,
  2.980271, 3.866767, 1.868408, 12.577034, 7.803599, 3.47149, 4.334822, 8.451537,
];

function stlGraph(): Graph {
  const from: number[] = [];
  const to: number[] = [];
  STL_ROOK.forEach((row, i) => {
    for (const j of row.split(' ')) {
      from.push(i);
      to.push(Number(j) - 1); // GAL ids are 1-based
    }
  });
  return rowStandardised(graphFromLinks(78, from, to));
}

/** Rook contiguity of an r × c lattice (cells numbered row by row). */
function lattice(r: number, c: number): Graph {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      if (j + 1 < c) {
        a.push(i * c + j);
        b.push(i * c + j + 1);
      }
      if (i + 1 < r) {
        a.push(i * c + j);
        b.push((i + 1) * c + j);
      }
    }
  return rowStandardised(graphFromPairs(r * c, a, b));
}

describe('global Moran’s I', () => {
  it('reproduces esda on St. Louis homicides: I, E[I] and the analytical p-values under normality', async () => {
    const m = await moranGlobal(HR8893, stlGraph(), 0, seededRng(1));
    expect(m?.I).toBeCloseTo(0.24365582621771659, 12);
    expect(m?.expected).toBe(-0.012987012987012988);
    expect(upperTail(m?.z_norm as number)).toBeCloseTo(0.00013573931385468807, 12);
    expect(2 * upperTail(m?.z_norm as number)).toBeCloseTo(0.00027147862770937614, 12);
  });

  it('is −1 on a checkerboard with rook contiguity (every neighbour is of the other colour)', async () => {
    const y = Array.from({ length: 16 }, (_, k) => (Math.floor(k / 4) + (k % 4)) % 2);
    const m = await moranGlobal(y, lattice(4, 4), 999, seededRng(3));
    expect(m?.I).toBeCloseTo(-1, 14);
    expect(m?.p_sim).toBe(0.001); // no permutation is as negative
    expect(m?.z_sim).toBeLessThan(-3);
  });

  it('has a permutation mean close to E[I] = −1/(n − 1) and is reproducible with its seed', async () => {
    const rng = seededRng(5);
    const y = Array.from({ length: 100 }, () => rng());
    const g = lattice(10, 10);
    const a = await moranGlobal(y, g, 999, seededRng(42));
    const b = await moranGlobal(y, g, 999, seededRng(42));
    expect(a).toEqual(b);
    expect(a?.mean_sim as number).toBeCloseTo(-1 / 99, 2);
    expect(a?.p_sim).toBeGreaterThan(0.001);
  });

  it('finds a smooth gradient strongly positive', async () => {
    const y = Array.from({ length: 49 }, (_, k) => Math.floor(k / 7) + (k % 7));
    const m = await moranGlobal(y, lattice(7, 7), 999, seededRng(9));
    expect(m?.I).toBeGreaterThan(0.7);
    expect(m?.p_sim).toBe(0.001);
  });

  it('is null for a constant variable', async () => {
    expect(await moranGlobal([2, 2, 2, 2, 2], lattice(1, 5), 9, seededRng(1))).toBeNull();
    expect(moranI([2, 2, 2], lattice(1, 3))).toBeNull();
  });
});

describe('weight sums', () => {
  it('of a row-standardised path of 3: S0 = 3, S1 = 4.5, S2 = 13.5', () => {
    // w01 = 1, w10 = w12 = 1/2, w21 = 1. S1 = ½ Σ_{i≠j} (wij + wji)²: the ordered pairs (0,1), (1,0),
    // (1,2), (2,1) each give (1 + ½)² = 2.25, so S1 = ½ · 9 = 4.5. S2 = Σ (row sum + column sum)²
    // = (1 + ½)² + (1 + 2)² + (1 + ½)² = 13.5.
    const s = weightSums(lattice(1, 3));
    expect(s.s0).toBeCloseTo(3, 15);
    expect(s.s1).toBeCloseTo(4.5, 15);
    expect(s.s2).toBeCloseTo(13.5, 15);
  });

  it('count a link stored in one direction only on both ordered pairs', () => {
    const g = graphFromLinks(2, [0], [1]); // w01 = 1, w10 = 0
    expect(weightSums(g)).toEqual({ s0: 1, s1: 1, s2: 2 });
  });
});

describe('local Moran', () => {
  it('matches a hand computation on a path of four units', async () => {
    // y = 1, 2, 3, 10: ȳ = 4, z = −3, −2, −1, 6, m₂ = 50/4 = 12.5; row-standardised lags:
    // −2, (−3 − 1)/2 = −2, (−2 + 6)/2 = 2, −1; Iᵢ = zᵢ lagᵢ / m₂ = 0.48, 0.32, −0.16, −0.48;
    // their mean 0.04 = the global I = (n/S0) Σ z·lag / Σ z² = 2/50.
    const g = lattice(1, 4);
    const lm = await moranLocal([1, 2, 3, 10], g, 0, seededRng(1));
    expect(Array.from(lm.lag)).toEqual([-2, -2, 2, -1]);
    [0.48, 0.32, -0.16, -0.48].forEach((v, i) => expect(lm.I[i]).toBeCloseTo(v, 14));
    expect(Array.from(lm.quadrant)).toEqual([3, 3, 2, 4]); // low-low, low-low, low-high, high-low
    expect(moranI([1, 2, 3, 10], g)).toBeCloseTo(0.04, 15);
  });

  it('averages to the global I with row-standardised weights (St. Louis)', async () => {
    const g = stlGraph();
    const lm = await moranLocal(HR8893, g, 0, seededRng(1));
    expect(lm.I.reduce((a, b) => a + b, 0) / 78).toBeCloseTo(0.24365582621771659, 12);
  });

  it('gives the exact conditional-permutation probabilities in the limit', async () => {
    // y = 5, 4, 1, 2, 3 → z = 2, 1, −2, −1, 0; links 0–1, 2–3, 2–4.
    // Unit 0 (one neighbour, lag 1): its neighbour is drawn among the other four z ∈ {1, −2, −1, 0};
    //   P(lag ≥ 1) = 1/4, P(lag ≤ 1) = 1 → p → 1/4.
    // Unit 2 (two neighbours, sum −1): pairs drawn without replacement among z ∈ {2, 1, −1, 0}:
    //   sums 3, 1, 2, 0, 1, −1 → P(sum ≤ −1) = 1/6 → p → 1/6 (self excluded, no repeats).
    const g = rowStandardised(graphFromPairs(5, [0, 2, 2], [1, 3, 4]));
    const lm = await moranLocal([5, 4, 1, 2, 3], g, 19999, seededRng(2024));
    expect(lm.p[0]).toBeCloseTo(1 / 4, 2);
    expect(lm.p[2]).toBeCloseTo(1 / 6, 2);
    expect(lm.p[4]).toBe(1); // z = 0: at the mean, never significant
  });

  it('flags the high and low corners of a gradient as high-high and low-low', async () => {
    const y = Array.from({ length: 49 }, (_, k) => Math.floor(k / 7) + (k % 7));
    const lm = await moranLocal(y, lattice(7, 7), 999, seededRng(8));
    expect(lm.quadrant[0]).toBe(3);
    expect(lm.quadrant[48]).toBe(1);
    expect(lm.p[0]).toBeLessThanOrEqual(0.05);
    expect(lm.p[48]).toBeLessThanOrEqual(0.05);
  });

  it('is reproducible with its seed', async () => {
    const a = await moranLocal(HR8893, stlGraph(), 999, seededRng(77));
    const b = await moranLocal(HR8893, stlGraph(), 999, seededRng(77));
    expect(Array.from(a.p)).toEqual(Array.from(b.p));
  });

  it('yields the same results whether or not it pauses', async () => {
    let pauses = 0;
    const y = Array.from({ length: 4900 }, (_, k) => Math.sin(k) + (k % 70) / 10);
    const g = lattice(70, 70);
    const a = await moranLocal(y, g, 99, seededRng(5), () => void pauses++);
    const b = await moranLocal(y, g, 99, seededRng(5));
    expect(pauses).toBe(2);
    expect(Array.from(a.p)).toEqual(Array.from(b.p));
  });
});

describe('permutation helpers', () => {
  it('draw rows of distinct indexes in range', () => {
    const ids = permutationIndexes(seededRng(1), 500, 6, 10);
    for (let r = 0; r < 500; r++) {
      const row = Array.from(ids.subarray(r * 6, r * 6 + 6));
      expect(new Set(row).size).toBe(6);
      for (const v of row) expect(v >= 0 && v < 10).toBe(true);
    }
    expect(() => permutationIndexes(seededRng(1), 1, 4, 3)).toThrow();
  });

  it('draw every index about equally often', () => {
    const ids = permutationIndexes(seededRng(9), 20000, 3, 10);
    const counts = new Array(10).fill(0);
    for (const v of ids) counts[v]++;
    for (const c of counts) expect(Math.abs(c - 6000)).toBeLessThan(300);
  });

  it('fold with ties on both sides: (min(#≥, #≤) + 1)/(R + 1)', () => {
    expect(foldedP(999, 0, 999)).toBe(0.001);
    expect(foldedP(40, 980, 999)).toBe(0.041);
    expect(foldedP(999, 999, 999)).toBe(1);
  });

  it('centre and lag', () => {
    expect(Array.from(centred([1, 2, 3]))).toEqual([-1, 0, 1]);
    expect(Array.from(spatialLag(lattice(1, 3), Float64Array.from([-1, 0, 1])))).toEqual([0, 0, 0]);
  });
});
