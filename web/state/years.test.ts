import { describe, expect, it } from 'vitest';
import { isProvisional, pickYear, schoolYears, sortedYears, yearIn } from './years.ts';

const detail = (year: number) => ({ year, provenance: 'open-data' as const, vintage: `rentrée ${year}` });
const bundled = { years: [2022, 2021] };
const served = { years: [2021, 2022, 2023], yearDetails: [2021, 2022, 2023].map(detail) };

describe('years of the served catalog', () => {
  it('tells the bundled catalog (no yearDetails) from the served one', () => {
    expect(isProvisional(bundled)).toBe(true);
    expect(isProvisional(served)).toBe(false);
    expect(sortedYears(bundled)).toEqual([2021, 2022]);
  });

  it('picks the requested year if offered, else the latest; a later one only while provisional', () => {
    expect(yearIn(served, 2023)).toBe(2023);
    expect(yearIn(served, undefined)).toBe(2023);
    expect(yearIn(served, 2030)).toBe(2023);
    expect(yearIn(served, 2010)).toBe(2023);
    expect(yearIn(bundled, 2023)).toBe(2023);
    expect(yearIn(bundled, 2019)).toBe(2022);
    expect(yearIn(bundled, undefined)).toBe(2022);
  });

  it('offers profiles and comparisons every year of the indicators computed per school', () => {
    const catalog = [
      { grain: 'school' as const, years: [2021, 2022, 2023] },
      { grain: 'school' as const, years: [2019, 2025] },
      { grain: 'commune' as const, years: [2017, 2024] },
    ];
    expect(schoolYears(catalog)).toEqual([2019, 2021, 2022, 2023, 2025]);
    expect(pickYear([2019, 2023], 2019)).toBe(2019);
    expect(pickYear([2019, 2023], 2020)).toBe(2023);
    expect(pickYear([2019, 2023], null)).toBe(2023);
    expect(pickYear([2019, 2023], 2024)).toBe(2023);
    expect(pickYear([2019, 2023], 2024, true)).toBe(2024);
    expect(pickYear([2019, 2023], 2020, true)).toBe(2023);
  });
});
