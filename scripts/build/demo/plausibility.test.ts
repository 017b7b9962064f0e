import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from './generate.ts';
import { summarise, type GroupSummary } from './summary.ts';
import { syntheticSchools } from './synthetic.ts';
import type { DemoSchoolInput } from './types.ts';
import { DEMO_YEARS } from '../../../server/indicators/catalog.ts';

// A France-shaped synthetic population (see synthetic.ts), large enough for stable shares.
const schools = syntheticSchools(20_000, 'plausibility');
const rows = generateDemo(schools, { seed: DEMO_SEED, years: DEMO_YEARS });

const dense = (s: DemoSchoolInput): boolean => (s.communeDensity ?? 0) >= 1000;
const rural = (s: DemoSchoolInput): boolean => s.communeDensity !== null && s.communeDensity < 50;
const ofType = (t: DemoSchoolInput['schoolType']) => (s: DemoSchoolInput): boolean => s.schoolType === t;

function at(summary: Map<number, GroupSummary>, year: number): GroupSummary {
  const g = summary.get(year);
  if (g === undefined) throw new Error(`no summary for ${year}`);
  return g;
}

describe('demo layer plausibility on a synthetic population', () => {
  const all = summarise(schools, rows);
  const urban = summarise(schools, rows, dense);
  const countryside = summarise(schools, rows, rural);

  it('has enough dense and rural schools to compare', () => {
    expect(at(urban, 2019).schools).toBeGreaterThan(1000);
    expect(at(countryside, 2019).schools).toBeGreaterThan(1000);
  });

  it('gives dense communes more ≥30 Mbit/s schools than rural ones every year, a gap that narrows', () => {
    for (const year of DEMO_YEARS) {
      expect(at(urban, year).thdShare).toBeGreaterThan(at(countryside, year).thdShare);
    }
    const gap = (year: number): number => at(urban, year).thdShare - at(countryside, year).thdShare;
    expect(gap(2025)).toBeLessThan(gap(2019));
    expect(gap(2025)).toBeGreaterThan(0.03); // still visible
  });

  it('raises the national fibre share and mean bandwidth every year', () => {
    for (const [prev, year] of DEMO_YEARS.slice(1).map((y, i) => [DEMO_YEARS[i] ?? y, y] as const)) {
      expect(at(all, year).fibreShare).toBeGreaterThan(at(all, prev).fibreShare);
      expect(at(all, year).meanMeasuredMbps).toBeGreaterThan(at(all, prev).meanMeasuredMbps);
      expect(at(all, year).pupilsPerDevice).toBeLessThan(at(all, prev).pupilsPerDevice);
      expect(at(all, year).meanDelayDays).toBeLessThan(at(all, prev).meanDelayDays);
    }
    expect(at(all, 2019).fibreShare).toBeLessThan(0.35);
    expect(at(all, 2025).fibreShare).toBeGreaterThan(0.75);
  });

  it('equips lycées and collèges better than écoles', () => {
    const ecoles = summarise(schools, rows, ofType('ecole'));
    const colleges = summarise(schools, rows, ofType('college'));
    const lycees = summarise(schools, rows, ofType('lycee'));
    for (const year of DEMO_YEARS) {
      expect(at(lycees, year).pupilsPerDevice).toBeLessThan(at(ecoles, year).pupilsPerDevice);
      expect(at(colleges, year).pupilsPerDevice).toBeLessThan(at(ecoles, year).pupilsPerDevice);
      expect(at(ecoles, year).meanDelayDays).toBeGreaterThan(at(lycees, year).meanDelayDays);
      expect(at(ecoles, year).entPupilShare).toBeLessThan(at(colleges, year).entPupilShare);
    }
  });

  it('gives rural schools longer maintenance delays', () => {
    for (const year of DEMO_YEARS) {
      expect(at(countryside, year).meanDelayDays).toBeGreaterThan(at(urban, year).meanDelayDays);
    }
  });

  it('links a lower IPS to slightly fewer devices and less ENT use', () => {
    const low = summarise(schools, rows, (s) => s.ips !== null && s.ips < 88);
    const high = summarise(schools, rows, (s) => s.ips !== null && s.ips > 112);
    for (const year of [2019, 2025]) {
      expect(at(low, year).pupilsPerDevice).toBeGreaterThan(at(high, year).pupilsPerDevice);
      expect(at(low, year).entPupilShare).toBeLessThan(at(high, year).entPupilShare);
    }
  });

  it('makes départements differ', () => {
    const byDep = new Map<string, { n: number; fibre: number }>();
    const depOf = new Map(schools.map((s) => [s.uai, s.departementCode]));
    for (const r of rows) {
      if (r.year !== 2022) continue;
      const code = depOf.get(r.uai) ?? '';
      const d = byDep.get(code) ?? { n: 0, fibre: 0 };
      d.n += 1;
      d.fibre += r.accessTech === 'fibre' ? 1 : 0;
      byDep.set(code, d);
    }
    const shares = [...byDep.values()].map((d) => d.fibre / d.n);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.15);
  });
});
