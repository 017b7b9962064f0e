// Inequality measures: hand-computed cases, properties, and PySAL's published reference values.
//
// Reference data: per-capita GDP of the 32 Mexican states, 1940–2000 (columns pcgdp1940 … pcgdp2000)
// and the regime partition `hanson98`, file pysal/examples/mexico/mexico.csv of the PySAL
// repository (github.com/pysal/pysal, BSD-3; data of Rey & Sastre Gutiérrez 2010, "Interregional
// inequality dynamics in Mexico", Spatial Economic Analysis 5: 277–298). Published values:
// - pysal/inequality/tests/test_gini.py: Gini(pcgdp1940).g = 0.35372371173452849;
// - pysal/inequality/tests/test_theil.py: Theil(y).T for the seven decades =
//   [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832] and
//   TheilD(y, hanson98).bg = [0.0345889, 0.02816853, 0.05260921, 0.05931219, 0.03205257,
//   0.02963731, 0.03635872] (asserted there with numpy's assert_almost_equal, 7 decimals).
// PySAL's measures are unweighted: we call ours without weights (all 1).
import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, fifths, gini, meanSd, p90p10, percentile, prepare, theil } from './inequality.ts';
import { seededRng } from './random.ts';

const MEXICO: Record<string, number[]> = {
  // state: pcgdp1940, 1950, 1960, 1970, 1980, 1990, 2000, hanson98
  Aguascalientes: [10384, 6234, 8714, 16078, 21022, 20787, 27782, 2],
  'Baja California': [22361, 20977, 17865, 25321, 29283, 26839, 29855, 1],
  'Baja California Sur': [9573, 16013, 16707, 24384, 29038, 25842, 26103, 2],
  Campeche: [3758, 4929, 5925, 10274, 12166, 51123, 36163, 5],
  Chiapas: [2934, 4138, 5280, 7015, 16200, 8637, 8684, 5],
  Chihuahua: [8578, 13997, 16265, 19178, 23399, 25332, 30735, 1],
  Coahuila: [8537, 9673, 12318, 20562, 25688, 26084, 28460, 1],
  Colima: [6909, 6049, 6036, 12551, 17427, 18313, 21358, 3],
  'Distrito Federal': [17816, 17119, 23174, 32386, 42028, 43810, 54349, 4],
  Durango: [12132, 8859, 9323, 12700, 16726, 17353, 17379, 2],
  Guanajuato: [4359, 5686, 8209, 11635, 13864, 13607, 15585, 3],
  Guerrero: [2181, 3629, 4991, 6497, 8727, 9084, 11820, 5],
  Hidalgo: [4414, 5194, 6399, 7767, 12391, 13091, 12348, 3],
  Jalisco: [5309, 8232, 9953, 16288, 20659, 20133, 21610, 3],
  Mexico: [3408, 4972, 9053, 17164, 20165, 18547, 16322, 4],
  Michoacan: [3327, 5272, 5244, 8109, 11206, 10980, 11838, 3],
  Morelos: [6936, 8962, 10499, 13892, 16513, 17701, 18170, 3],
  Nayarit: [4836, 7515, 7621, 10880, 13354, 12757, 11478, 2],
  'Nuevo Leon': [9073, 11490, 20117, 28206, 34856, 34726, 38672, 1],
  Oaxaca: [1892, 4538, 4140, 5230, 7730, 8465, 9010, 5],
  Puebla: [3569, 6415, 6542, 9775, 13374, 11895, 15685, 3],
  Quertaro: [11016, 5560, 7110, 14073, 20088, 22441, 26149, 3],
  'Quintana Roo': [21965, 28747, 9677, 17046, 26695, 25049, 33442, 5],
  'San Luis Potosi': [4372, 7533, 6440, 9721, 12691, 15436, 15866, 2],
  Sinaloa: [4840, 6663, 9613, 14477, 15312, 15823, 15242, 2],
  Sonora: [6399, 10345, 12134, 22662, 23181, 24784, 24068, 1],
  Tabasco: [2459, 3857, 6494, 9367, 42361, 16055, 13360, 5],
  Tamaulipas: [7508, 8536, 8383, 17128, 21937, 19983, 23546, 1],
  Tlaxcala: [3605, 4178, 4357, 6245, 9882, 10339, 11701, 3],
  Veracruz: [5203, 10143, 11404, 12240, 14252, 13796, 12191, 3],
  Yucatan: [7990, 8428, 10067, 11665, 15239, 13979, 17509, 5],
  Zacatecas: [3734, 6435, 5821, 7426, 8876, 11656, 11130, 2],
};
const rows = Object.values(MEXICO);
const decade = (d: number) => rows.map((r) => r[d] as number);
const hanson98 = rows.map((r) => String(r[7]));

describe('Gini', () => {
  it('is 0 for equal values, with or without weights', () => {
    expect(gini({ values: [7, 7, 7, 7] })).toBe(0);
    expect(gini({ values: [3, 3, 3], weights: [1, 5, 2] })).toBe(0);
  });

  it('of [1, 2, 3, 4, 5] is 4/15 (population formula)', () => {
    // Σᵢ Σⱼ |yᵢ − yⱼ| = 2 × (4·1 + 3·2 + 2·3 + 1·4) = 40; G = 40 / (2 n² μ) = 40 / (2·25·3) = 4/15
    expect(gini({ values: [1, 2, 3, 4, 5] })).toBeCloseTo(4 / 15, 15);
  });

  it('of one unit holding everything among n is (n − 1)/n', () => {
    expect(gini({ values: [0, 0, 0, 1] })).toBeCloseTo(3 / 4, 15);
  });

  it('weights count like repeated units', () => {
    const weighted = gini({ values: [1, 4, 9], weights: [2, 1, 3] });
    const repeated = gini({ values: [1, 1, 4, 9, 9, 9] });
    expect(weighted).toBeCloseTo(repeated as number, 14);
  });

  it('is unchanged by scaling and by the order of units', () => {
    const rng = seededRng(7);
    const v = Array.from({ length: 200 }, () => rng() * 100);
    const w = Array.from({ length: 200 }, () => 1 + rng() * 10);
    const g = gini({ values: v, weights: w }) as number;
    expect(gini({ values: v.map((x) => x * 3.5), weights: w })).toBeCloseTo(g, 12);
    expect(gini({ values: [...v].reverse(), weights: [...w].reverse() })).toBeCloseTo(g, 12);
  });

  it('skips missing values and non-positive weights', () => {
    expect(gini({ values: [1, NaN, 2, 3, 4, 5, 99], weights: [1, 1, 1, 1, 1, 1, 0] })).toBeCloseTo(4 / 15, 15);
  });

  it('is null without a positive mean', () => {
    expect(gini({ values: [0, 0] })).toBeNull();
    expect(gini({ values: [] })).toBeNull();
  });

  it('reproduces PySAL: Gini of Mexico 1940 = 0.35372371173452849', () => {
    expect(gini({ values: decade(0) })).toBeCloseTo(0.35372371173452849, 14);
  });
});

describe('Theil T', () => {
  it('is 0 for equal values', () => {
    expect(theil({ values: [5, 5, 5] })?.total).toBe(0);
  });

  it('keeps zeros (0 ln 0 = 0): one unit holding everything among n gives ln n', () => {
    expect(theil({ values: [0, 1] })?.total).toBeCloseTo(Math.LN2, 15);
    expect(theil({ values: [0, 0, 0, 5] })?.total).toBeCloseTo(Math.log(4), 15);
  });

  it('decomposes exactly on a hand-made case', () => {
    // y = 0, 100 (group a, weights 1, 1) and 100 (group b, weight 2): μ = 75, T = ln(4/3);
    // between = (1/3) ln(2/3) + (2/3) ln(4/3); within = (100/300) · T_a = (1/3) ln 2.
    const t = theil({ values: [0, 100, 100], weights: [1, 1, 2] }, ['a', 'a', 'b']);
    expect(t?.total).toBeCloseTo(Math.log(4 / 3), 14);
    expect(t?.between).toBeCloseTo(Math.log(2 / 3) / 3 + (2 * Math.log(4 / 3)) / 3, 14);
    expect(t?.within).toBeCloseTo(Math.LN2 / 3, 14);
    expect(t?.groups.map((g) => [g.key, g.units, g.weight_share, g.mean])).toEqual([
      ['a', 2, 0.5, 50],
      ['b', 1, 0.5, 100],
    ]);
    expect(t?.groups[0]?.theil).toBeCloseTo(Math.LN2, 14);
  });

  it('between + within = total on random weighted data with zeros', () => {
    const rng = seededRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + Math.floor(rng() * 100);
      const v = Array.from({ length: n }, () => (rng() < 0.2 ? 0 : rng() * 50));
      const w = Array.from({ length: n }, () => 0.5 + rng() * 5);
      const g = Array.from({ length: n }, () => `g${Math.floor(rng() * 6)}`);
      const t = theil({ values: v, weights: w }, g);
      expect((t?.between as number) + (t?.within as number)).toBeCloseTo(t?.total as number, 12);
      expect(t?.between).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves units without a group out of the whole decomposition', () => {
    const t = theil({ values: [0, 100, 100, 1000] }, ['a', 'a', 'b', null]);
    expect(t?.total).toBeCloseTo(theil({ values: [0, 100, 100] })?.total as number, 15);
    expect((t?.between as number) + (t?.within as number)).toBeCloseTo(t?.total as number, 15);
  });

  it('reproduces PySAL Theil(y).T for the seven decades of Mexico', () => {
    const T = [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832];
    T.forEach((t, d) => expect(theil({ values: decade(d) })?.total).toBeCloseTo(t, 7));
  });

  it('reproduces PySAL TheilD(y, hanson98).bg, and within = T − bg', () => {
    const BG = [0.0345889, 0.02816853, 0.05260921, 0.05931219, 0.03205257, 0.02963731, 0.03635872];
    BG.forEach((bg, d) => {
      const t = theil({ values: decade(d) }, hanson98);
      expect(t?.between).toBeCloseTo(bg, 7);
      expect(t?.within).toBeCloseTo((t?.total as number) - bg, 7);
    });
  });
});

describe('coefficient of variation', () => {
  it('of [1, 2, 3, 4, 5] is √2 / 3 (population standard deviation)', () => {
    expect(coefficientOfVariation({ values: [1, 2, 3, 4, 5] })).toBeCloseTo(Math.SQRT2 / 3, 15);
  });

  it('weights count like repeated units', () => {
    expect(meanSd({ values: [0, 100, 100], weights: [1, 1, 2] })).toEqual({ mean: 75, sd: Math.sqrt(1875) });
    expect(coefficientOfVariation({ values: [0, 100, 100], weights: [1, 1, 2] })).toBeCloseTo(1 / Math.sqrt(3), 15);
  });
});

describe('percentiles', () => {
  it('are Hazen (type 5) with equal weights: p10 and p90 of 1…10 are 1.5 and 9.5', () => {
    const s = { values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] };
    expect(percentile(s, 0.1)).toBeCloseTo(1.5, 15);
    expect(percentile(s, 0.5)).toBeCloseTo(5.5, 15);
    expect(p90p10(s)).toEqual({ p10: 1.5, p90: 9.5, ratio: 9.5 / 1.5 });
  });

  it('clamp to the extreme units outside the first and last centres', () => {
    const s = { values: [0, 100, 100], weights: [1, 1, 2] }; // centres 1/8, 3/8, 3/4
    expect(percentile(s, 0.1)).toBe(0);
    expect(percentile(s, 0.25)).toBeCloseTo(50, 12);
    expect(percentile(s, 0.9)).toBe(100);
    expect(p90p10(s)).toEqual({ p10: 0, p90: 100, ratio: null });
  });
});

describe('best and worst fifths', () => {
  it('of 1…10 are the means of {1, 2} and {9, 10}', () => {
    expect(fifths({ values: [3, 1, 2, 4, 5, 6, 7, 8, 10, 9] })).toEqual({ bottom: 1.5, top: 9.5, gap: 8, ratio: 9.5 / 1.5 });
  });

  it('take the straddling unit for the part of its weight inside the fifth', () => {
    // W = 2.2, a fifth = 0.44: bottom = (0.2·1 + 0.24·2) / 0.44; top = 3 (0.44 of the last unit)
    const f = fifths({ values: [1, 2, 3], weights: [0.2, 1, 1] });
    expect(f?.bottom).toBeCloseTo((0.2 * 1 + 0.24 * 2) / 0.44, 14);
    expect(f?.top).toBeCloseTo(3, 14);
  });

  it('have no ratio when the bottom fifth is at 0', () => {
    expect(fifths({ values: [0, 100, 100], weights: [1, 1, 2] })).toEqual({ bottom: 0, top: 100, gap: 100, ratio: null });
  });
});

describe('prepare', () => {
  it('gives the same results as the one-off calls', () => {
    const s = { values: decade(3), weights: decade(4) };
    const p = prepare(s);
    if (!p) throw new Error('prepare');
    expect(gini(p)).toBe(gini(s));
    expect(p90p10(p)).toEqual(p90p10(s));
    expect(fifths(p)).toEqual(fifths(s));
    expect(coefficientOfVariation(p)).toBe(coefficientOfVariation(s));
  });
});
