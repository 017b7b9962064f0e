// Gap shaping from SQL aggregates and the IPS gradient from centred moments.
import { describe, expect, it } from 'vitest';
import { gapOf, ipsGradientOf, type GapRow, type IpsRow } from './gaps.ts';

const pct = (num: number | null, den: number | null) => (num === null || !den ? null : (100 * num) / den);
const row = (dimension: GapRow['dimension'], cls: string, year: number, num: number, den: number, schools = 1, communes = 1): GapRow => ({ dimension, class: cls, year, num, den, schools, communes });

describe('territorial gaps', () => {
  const rows = [
    row('density', 'dense', 2025, 9, 10, 10, 2),
    row('density', 'rural', 2025, 1, 4, 4, 4),
    row('density', 'intermediate', 2025, 3, 6, 6, 3),
    row('sector', 'prive', 2025, 2, 2),
    row('sector', 'public', 2025, 11, 18),
    row('density', 'rural', 2024, 0, 4),
  ];

  it('orders classes, labels density classes and takes dense − rural', () => {
    const g = gapOf(rows, 'density', 2025, pct);
    expect(g?.classes.map((c) => [c.class, c.value, c.schools, c.communes])).toEqual([
      ['rural', 25, 4, 4],
      ['intermediate', 50, 6, 3],
      ['dense', 90, 10, 2],
    ]);
    expect(g?.classes[0]?.label).toContain('< 25');
    expect(g?.gap).toEqual({ between: ['dense', 'rural'], value: 65 });
  });

  it('takes public − private, and null when a side is missing', () => {
    expect(gapOf(rows, 'sector', 2025, pct)?.gap.value).toBeCloseTo(100 * (11 / 18) - 100, 12);
    expect(gapOf(rows, 'density', 2024, pct)?.gap.value).toBeNull();
    expect(gapOf(rows, 'school_type', 2025, pct)).toBeNull();
  });
});

describe('IPS gradient', () => {
  const ips = (quintile: number | null, extra: Partial<IpsRow>): IpsRow => ({
    year: 2025, quintile, n: 1, ips_min: 0, ips_max: 0, ips_mean: 0, value: null, sw: 0, mx: 0, my: 0, sxx: 0, sxy: 0, syy: 0, ...extra,
  });

  it('fits the slope from the year’s moments and reports the quintiles in order', () => {
    // x = 90, 100, 110, 120; y = 0, 100, 100, 100, weights 1: x̄ = 105, ȳ = 75, Sxx = 500,
    // Sxy = 1500, Syy = 7500 → slope 3 per IPS point, intercept −240, r² = 1500²/(500·7500) = 0.6
    const rows = [
      ips(null, { n: 4, sw: 4, mx: 105, my: 75, sxx: 500, sxy: 1500, syy: 7500 }),
      ips(2, { value: 100, ips_mean: 100 }),
      ips(1, { value: 0, ips_mean: 90 }),
      ips(5, { value: 100, ips_mean: 120 }),
    ];
    const g = ipsGradientOf(rows, 2025, 'schools');
    expect(g).toMatchObject({ observations: 'schools', n: 4, slope: 3, slope_per_10_ips: 30, intercept: -240, q5_minus_q1: 100 });
    expect(g?.r2).toBeCloseTo(0.6, 14);
    expect(g?.quintiles.map((q) => q.quintile)).toEqual([1, 2, 5]);
  });

  it('is null without observations for the year', () => {
    expect(ipsGradientOf([], 2025, 'communes')).toBeNull();
  });
});
