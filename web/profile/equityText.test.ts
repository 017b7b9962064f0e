// The equity block in words: one line per measure, French and English, from an /api/equity answer.
import { describe, expect, it } from 'vitest';
import { equityLines, giniWord, type EquityInput } from './equityText.ts';

/** The Cantal's answer for bandwidth_mean 2024 by school, cut to what the lines read. */
const cantal = {
  by: 'school',
  group_level: 'commune',
  direction: 'higher_is_better',
  units: 165,
  measures: {
    mean: 181.12, gini: 0.472154, cv: 0.877, p10: 7.8, p90: 387.6, p90_p10: 49.6923,
    theil: { total: 0.385838, between: 0.256693, within: 0.129145, between_share: 0.665287, groups: [] },
    top_bottom_fifth_gap: { bottom: 12.703, top: 423.861, gap: 411.158, ratio: 33.37, best_served: 'top' },
  },
  gaps: { density: null, sector: null, school_type: null, ips_gradient: { observations: 'schools', n: 128, quintiles: [], slope: -0.68, slope_per_10_ips: -6.80119, intercept: 266, r2: 0.000954862, q5_minus_q1: -9.26 } },
  trend: [{ measure: 'gini', years: [2019, 2025], values: [0.654, 0.415], first_year: 2019, last_year: 2025, first: 0.654232, last: 0.414536, fitted_change: -0.25, direction: 'narrowing' }],
} as unknown as EquityInput;

describe('equity lines', () => {
  it('say each measure in one French sentence', () => {
    const lines = equityLines('fr', cantal, 'Mbit/s', 0);
    expect(lines.map((l) => l.key)).toEqual(['gini', 'fifths', 'theil', 'p90_p10', 'ips', 'trend']);
    const text = Object.fromEntries(lines.map((l) => [l.key, `${l.label} ${l.value} — ${l.sentence}`]));
    expect(text.gini).toBe('Indice de Gini 0,47 — Des inégalités fortes entre les établissements (0 = toutes les valeurs égales, 1 = inégalité maximale).');
    expect(text.fifths).toBe('Écart entre cinquièmes 411\u00a0Mbit/s — Le cinquième des établissements le mieux servi est à 424\u00a0Mbit/s, le moins bien servi à 13\u00a0Mbit/s.');
    expect(text.theil).toBe('Indice de Theil 0,386 — 67\u00a0% des inégalités tiennent aux écarts entre communes, 33\u00a0% aux écarts à l’intérieur des communes.');
    expect(text.p90_p10).toBe('P90/P10 49,7 — Les 10\u00a0% les plus hauts sont au-dessus de 388\u00a0Mbit/s, les 10\u00a0% les plus bas en dessous de 8\u00a0Mbit/s.');
    expect(text.ips).toBe('Gradient social (IPS) −7\u00a0Mbit/s — Pour 10 points d’IPS de plus, −7\u00a0Mbit/s en moyenne (R² 0,00)\u00a0: pas de lien net avec l’origine sociale des élèves.');
    expect(text.trend).toBe('Tendance écart en baisse — De 2019 à 2025, l’écart entre établissements se réduit (Gini 0,65 → 0,41).');
  });

  it('have English variants', () => {
    const lines = equityLines('en', cantal, 'Mbit/s', 0);
    expect(lines.find((l) => l.key === 'trend')?.sentence).toBe('From 2019 to 2025, the gap between schools is narrowing (Gini 0.65 → 0.41).');
    expect(lines.find((l) => l.key === 'theil')?.sentence).toBe('67% of the inequality lies between communes, 33% within them.');
  });

  it('read a clear social gradient the right way round, in points for percentages', () => {
    const steep = { ...cantal, gaps: { ...cantal.gaps, ips_gradient: { ...cantal.gaps.ips_gradient, slope_per_10_ips: 3.2, r2: 0.3 } } } as EquityInput;
    expect(equityLines('fr', steep, '%', 1).find((l) => l.key === 'ips')?.sentence).toBe(
      'Pour 10 points d’IPS de plus, +3,2\u00a0points en moyenne (R² 0,30)\u00a0: les établissements aux élèves plus favorisés sont mieux servis.',
    );
  });

  it('say when P90/P10 is undefined and leave out what is missing', () => {
    const zero = { ...cantal, measures: { ...cantal.measures, p10: 0, p90_p10: null, theil: null, top_bottom_fifth_gap: null }, gaps: { ...cantal.gaps, ips_gradient: null }, trend: [] } as unknown as EquityInput;
    const lines = equityLines('fr', zero, '%', 1);
    expect(lines.map((l) => l.key)).toEqual(['gini', 'p90_p10']);
    expect(lines[1]?.sentence).toBe('Au moins 10\u00a0% des établissements sont à 0,0\u00a0%\u00a0: le rapport n’est pas défini.');
  });

  it('grade the Gini index in words', () => {
    expect([0.05, 0.15, 0.25, 0.35, 0.6].map((g) => giniWord('fr', g))).toEqual(['très faibles', 'faibles', 'modérées', 'marquées', 'fortes']);
  });
});
