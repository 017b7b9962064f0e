// Trend directions from the least-squares slope of a measure's magnitude.
import { describe, expect, it } from 'vitest';
import { STABLE_SHARE, trendOf } from './trend.ts';

describe('trend', () => {
  it('calls a falling measure narrowing, a rising one widening', () => {
    const down = trendOf('gini', [2019, 2020, 2021], [0.5, 0.4, 0.3]);
    expect(down).toMatchObject({ first_year: 2019, last_year: 2021, first: 0.5, last: 0.3, direction: 'narrowing' });
    expect(down.fitted_change).toBeCloseTo(-0.2, 14);
    expect(trendOf('gini', [2019, 2020, 2021], [0.3, 0.4, 0.5]).direction).toBe('widening');
  });

  it('is stable under STABLE_SHARE of the mean magnitude', () => {
    expect(STABLE_SHARE).toBe(0.05);
    expect(trendOf('cv', [2019, 2025], [1, 1.04]).direction).toBe('stable');
    expect(trendOf('cv', [2019, 2025], [1, 1.06]).direction).toBe('widening');
  });

  it('judges gaps by their magnitude: −10 → −20 widens, −20 → 5 narrows', () => {
    expect(trendOf('density_gap', [2019, 2020], [-10, -20]).direction).toBe('widening');
    expect(trendOf('density_gap', [2019, 2020], [-20, 5]).direction).toBe('narrowing');
  });

  it('skips missing years and needs two values', () => {
    const t = trendOf('gini', [2019, 2020, 2021], [null, 0.4, null]);
    expect(t).toMatchObject({ first_year: 2020, last_year: 2020, direction: null, values: [null, 0.4, null] });
    expect(trendOf('gini', [2019], [null]).first).toBeNull();
  });
});
