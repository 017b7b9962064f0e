// Status rules and projections on hand-computed series. Fieller bounds were cross-checked by a
// brute-force scan of the 95 % confidence band of the line (the years where its upper and lower
// edges cross the target), in steps of 0.0001 year.
import { describe, expect, it } from 'vitest';
import { crossing, gapTo, judge, linearFit, meets, t975 } from './progress.ts';

const series = (start: number, values: (number | null)[]) => values.map((value, i) => ({ year: start + i, value }));

describe('linearFit', () => {
  it('fits 10, 14, 15, 21 over 2020–2023 by hand', () => {
    // x̄ = 2021.5, ȳ = 15, Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5, Sxy = 7.5 + 0.5 + 0 + 9 = 17
    // slope 17/5 = 3.4; fitted 9.9, 13.3, 16.7, 20.1; residuals 0.1, 0.7, −1.7, 0.9; SSE = 4.2; s² = 2.1
    const fit = linearFit(series(2020, [10, 14, 15, 21]) as { year: number; value: number }[]);
    expect(fit?.slope).toBeCloseTo(3.4, 12);
    expect(fit?.x_mean).toBe(2021.5);
    expect(fit?.y_mean).toBe(15);
    expect(fit?.sxx).toBe(5);
    expect(fit?.residual_se).toBeCloseTo(Math.sqrt(2.1), 9);
    expect(fit?.slope_se).toBeCloseTo(Math.sqrt(2.1 / 5), 9);
  });

  it('needs two distinct years; no standard error with two points', () => {
    expect(linearFit([{ year: 2020, value: 1 }])).toBeNull();
    expect(linearFit([{ year: 2020, value: 1 }, { year: 2020, value: 2 }])).toBeNull();
    const two = linearFit([{ year: 2020, value: 1 }, { year: 2022, value: 5 }]);
    expect(two?.slope).toBe(2);
    expect(two?.residual_se).toBeNull();
  });
});

describe('t975', () => {
  it('reads the Student table', () => {
    expect(t975(2)).toBe(4.303);
    expect(t975(5)).toBe(2.571);
    expect(t975(30)).toBe(2.042);
    expect(t975(1000)).toBe(1.96);
    expect(t975(0)).toBeNaN();
  });
});

describe('crossing (Fieller 95 % interval)', () => {
  it('is a single year on a perfect line', () => {
    // 50, 60, 70, 80, 90 from 2019: value = 50 + 10 (year − 2019) meets 100 in 2024
    const fit = linearFit(series(2019, [50, 60, 70, 80, 90]) as { year: number; value: number }[]);
    if (!fit) throw new Error('no fit');
    const c = crossing(fit, 100);
    expect(c.year).toBeCloseTo(2024, 9);
    expect(c.bounded).toBe(true);
    expect(c.low).toBeCloseTo(2024, 6);
    expect(c.high).toBeCloseTo(2024, 6);
  });

  it('brackets the crossing on a noisy line', () => {
    // target 30: 2021.5 + (30 − 15)/3.4 = 2025.9118; t(2) = 4.303, t²s² = 38.8832
    // (b² − t²s²/Sxx) u² + 2 d b u + d² − t²s²/n = 0 with d = −15: A = 3.78336, B = −102, C = 215.2792
    const fit = linearFit(series(2020, [10, 14, 15, 21]) as { year: number; value: number }[]);
    if (!fit) throw new Error('no fit');
    const c = crossing(fit, 30);
    expect(c.year).toBeCloseTo(2025.9118, 4);
    expect(c.bounded).toBe(true);
    expect(c.low).toBeCloseTo(2023.8082, 4);
    expect(c.high).toBeCloseTo(2046.152, 3);
  });

  it('is unbounded when the slope is not significant', () => {
    // 10, 20, 10, 21: slope 2.3, s² = 42.15, A = 2.3² − 4.303² × 42.15 / 5 < 0
    const fit = linearFit(series(2020, [10, 20, 10, 21]) as { year: number; value: number }[]);
    if (!fit) throw new Error('no fit');
    const c = crossing(fit, 30);
    expect(c.year).toBeCloseTo(2021.5 + (30 - 15.25) / 2.3, 9);
    expect(c).toMatchObject({ low: null, high: null, bounded: false });
  });
});

describe('judge: the status rules', () => {
  it('met: the latest value meets the target, whatever the trend', () => {
    expect(judge(series(2019, [100, 90, 95]), '>=', 95, 2019, 2030).status).toBe('met');
    expect(judge(series(2019, [2, 3, 5]), '<=', 5, 2019, 2020).status).toBe('met');
  });

  it('on track / late: the first school year the line meets the target against the deadline', () => {
    // 50…90 from 2019 meets 100 in 2024 exactly
    const s = series(2019, [50, 60, 70, 80, 90]);
    expect(judge(s, '>=', 100, 2019, 2024)).toMatchObject({ status: 'on_track', expected_year: 2024, expected_year_low: 2024, expected_year_high: 2024 });
    expect(judge(s, '>=', 100, 2019, 2023)).toMatchObject({ status: 'late', expected_year: 2024 });
    // noisy line: crossing 2025.91 → 2026, interval 2023.81–2046.15 → 2024 (not before the year after the latest) – 2047
    const noisy = series(2020, [10, 14, 15, 21]);
    expect(judge(noisy, '>=', 30, 2020, 2026)).toMatchObject({ status: 'on_track', expected_year: 2026, expected_year_low: 2024, expected_year_high: 2047 });
    expect(judge(noisy, '>=', 30, 2020, 2025).status).toBe('late');
  });

  it('lower-is-better targets: a falling line moves toward them', () => {
    // 5, 4, 4, 3 from 2019: slope −0.6, x̄ 2020.5, ȳ 4; meets 2 at 2020.5 + (2 − 4)/(−0.6) = 2023.83 → 2024
    const p = judge(series(2019, [5, 4, 4, 3]), '<=', 2, 2019, 2024);
    expect(p.status).toBe('on_track');
    expect(p.pace_toward_target).toBeCloseTo(0.6, 12);
    expect(p.crossing?.year).toBeCloseTo(2023.8333, 4);
    expect(p.expected_year).toBe(2024);
  });

  it('off track: no progress or moving away', () => {
    expect(judge(series(2019, [5, 4, 4, 3]), '>=', 10, 2019, 2030)).toMatchObject({ status: 'off_track', expected_year: null });
    expect(judge(series(2019, [7, 7, 7]), '>=', 10, 2019, 2030).status).toBe('off_track');
    expect(judge(series(2019, [3, 4, 5]), '<=', 2, 2019, 2030).status).toBe('off_track');
  });

  it('fits only the years from the baseline', () => {
    // rising until 2022, flat from the 2023 baseline: no progress since
    const s = series(2019, [10, 20, 30, 40, 50, 50, 50]);
    // all years: slope 200/28 = 7.143, meets 100 at 2022 + (100 − 35.714)/7.143 = 2031
    expect(judge(s, '>=', 100, 2019, 2031)).toMatchObject({ status: 'on_track', expected_year: 2031 });
    expect(judge(s, '>=', 100, 2023, 2031)).toMatchObject({ status: 'off_track', fit: { n: 3 } });
  });

  it('a crossing already passed by the line still needs a next year', () => {
    // 0, 10, 20, 100, 95: the line (slope 28, x̄ 2021, ȳ 45) crosses 96 at 2022.82, the latest value misses it
    const p = judge(series(2019, [0, 10, 20, 100, 95]), '>=', 96, 2019, 2030);
    expect(p.status).toBe('on_track');
    expect(p.expected_year).toBe(2024);
  });

  it('insufficient data: nothing, or a single year below the target', () => {
    expect(judge(series(2019, [null, null]), '>=', 10, 2019, 2030)).toMatchObject({ status: 'insufficient_data', latest: null });
    expect(judge(series(2019, [null, 5]), '>=', 10, 2019, 2030)).toMatchObject({ status: 'insufficient_data', latest: { year: 2020, value: 5 } });
  });
});

describe('meets and gapTo', () => {
  it('compares with a hair of tolerance and measures the gap in the unit', () => {
    expect(meets(30, '>=', 30)).toBe(true);
    expect(meets(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(meets(29.9, '>=', 30)).toBe(false);
    expect(gapTo(9.6, '>=', 30)).toBeCloseTo(20.4, 12);
    expect(gapTo(4, '<=', 3)).toBe(1);
    expect(gapTo(31, '>=', 30)).toBe(0);
  });
});
