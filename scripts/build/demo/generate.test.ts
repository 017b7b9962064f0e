import { describe, expect, it } from 'vitest';
import { ACCESS_TECHS, DEMO_MODEL_VERSION, DEMO_SEED, MEDIAN_PUPILS, demoRows, generateDemo } from './generate.ts';
import { fnv1a } from './prng.ts';
import { syntheticSchools } from './synthetic.ts';
import type { AccessTech, DemoRow, DemoSchoolInput } from './generate.ts';
import { DEMO_YEARS } from '../../../server/indicators/catalog.ts';

const OPTIONS = { seed: DEMO_SEED, years: DEMO_YEARS };

/** Contracted bandwidth limits (Mbit/s) and lowest measured/contracted ratio per technology. */
const TECH_RANGE: Record<AccessTech, readonly [number, number, number]> = {
  fibre: [100, 1000, 0.35],
  vdsl: [15, 80, 0.5],
  adsl: [2, 15, 0.5],
  '4g5g': [10, 150, 0.3],
  satellite: [10, 50, 0.4],
};

function school(over: Partial<DemoSchoolInput> = {}): DemoSchoolInput {
  return {
    uai: '0630001A',
    schoolType: 'ecole',
    sector: 'public',
    departementCode: '63',
    communeDensity: 120,
    communeFtthShare: 0.2,
    pupils: 150,
    ips: 100,
    ...over,
  };
}

/** What is wrong with a row, empty when nothing is. */
function violations(r: DemoRow, s: DemoSchoolInput): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  check((ACCESS_TECHS as readonly string[]).includes(r.accessTech), `tech ${r.accessTech}`);
  const [lo, hi, eff] = TECH_RANGE[r.accessTech];
  const c = r.bandwidthContractedMbps;
  const m = r.bandwidthMeasuredMbps;
  check(c >= lo && c <= hi, `contracted ${c} for ${r.accessTech}`);
  check(m <= c && m >= c * eff - 0.05, `measured ${m} for ${c}`);
  for (const [k, n] of Object.entries({
    devices: r.devices,
    devicesRecent: r.devicesRecent,
    interactiveDisplays: r.interactiveDisplays,
    entActiveTeachers: r.entActiveTeachers,
  })) {
    check(Number.isInteger(n) && n >= 0, `${k} ${n}`);
  }
  check(r.devicesRecent <= r.devices, `recent ${r.devicesRecent} > ${r.devices}`);
  check(r.maintenanceDelayDays >= 0.5 && r.maintenanceDelayDays <= 20, `delay ${r.maintenanceDelayDays}`);
  if (s.pupils === null) {
    check(r.entActivePupils === null, `ENT pupils ${r.entActivePupils} without a headcount`);
  } else {
    const e = r.entActivePupils;
    check(e !== null && Number.isInteger(e) && e >= 0 && e <= s.pupils, `ENT pupils ${e} of ${s.pupils}`);
  }
  return bad;
}

const rowsOf = (rows: readonly DemoRow[], uai: string): DemoRow[] => rows.filter((r) => r.uai === uai);

describe('generateDemo: determinism', () => {
  const schools = syntheticSchools(500);

  it('gives byte-identical output for the same input and seed', () => {
    expect(JSON.stringify(generateDemo(schools, OPTIONS))).toBe(JSON.stringify(generateDemo(schools, OPTIONS)));
  });

  it('gives different output for a different seed', () => {
    const a = generateDemo(schools, OPTIONS);
    const b = generateDemo(schools, { ...OPTIONS, seed: 'another-seed' });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    const differing = a.filter((r, i) => r.bandwidthMeasuredMbps !== b[i]?.bandwidthMeasuredMbps).length;
    expect(differing / a.length).toBeGreaterThan(0.5);
  });

  it("keeps a school's values whatever the other schools and years in the list", () => {
    const all = generateDemo(schools, OPTIONS);
    const shuffled = generateDemo([...schools].reverse(), OPTIONS);
    const extra = generateDemo([...syntheticSchools(50, 'other'), ...schools.slice(0, 10)], OPTIONS);
    for (const s of [schools[0], schools[7], schools[9]]) {
      if (s === undefined) throw new Error('fixture too small');
      const alone = generateDemo([s], OPTIONS);
      expect(rowsOf(all, s.uai)).toEqual(alone);
      expect(rowsOf(shuffled, s.uai)).toEqual(alone);
      expect(rowsOf(extra, s.uai)).toEqual(alone);
      const only2023 = generateDemo([s], { ...OPTIONS, years: [2023] });
      expect(only2023).toEqual(alone.filter((r) => r.year === 2023));
    }
  });

  it('yields rows lazily in school then year order', () => {
    const it = demoRows(schools.slice(0, 2), { ...OPTIONS, years: [2025, 2019] });
    const rows = [...it];
    expect(rows.map((r) => [r.uai, r.year])).toEqual([
      [schools[0]?.uai, 2025],
      [schools[0]?.uai, 2019],
      [schools[1]?.uai, 2025],
      [schools[1]?.uai, 2019],
    ]);
  });

  it('matches the fingerprint of model version ' + DEMO_MODEL_VERSION, () => {
    // A change here means the model's output (or synthetic.ts) changed: if the model changed,
    // bump DEMO_MODEL_VERSION and update both values together.
    // 1.1.0: smooth spatial component over the school's (lon, lat) (spatial.ts) in connectivity
    // and maintenance delay; synthetic.ts gained positions (own stream, other attributes unchanged).
    const fingerprint = fnv1a(JSON.stringify(generateDemo(schools.slice(0, 100), OPTIONS)));
    expect({ version: DEMO_MODEL_VERSION, fingerprint }).toEqual({ version: '1.1.0', fingerprint: FINGERPRINT });
  });

  it('gives the 1.0.0 output to schools without a position (the spatial field is then 0)', () => {
    const unplaced = schools.slice(0, 100).map((s) => ({ ...s, lon: null, lat: null }));
    expect(fnv1a(JSON.stringify(generateDemo(unplaced, OPTIONS)))).toBe(FINGERPRINT_1_0_0);
  });
});

const FINGERPRINT = 744621577;
/** model 1.0.0's fingerprint, which had no spatial component */
const FINGERPRINT_1_0_0 = 693344500;

describe('generateDemo: ranges and invariants', () => {
  const schools = syntheticSchools(5000, 'invariants');
  const rows = generateDemo(schools, OPTIONS);
  const byUai = new Map(schools.map((s) => [s.uai, s]));

  it('emits one row per school and year', () => {
    expect(rows).toHaveLength(schools.length * DEMO_YEARS.length);
  });

  it('keeps every value within its range', () => {
    const bad: string[] = [];
    for (const r of rows) {
      const s = byUai.get(r.uai);
      if (s === undefined) throw new Error(`unknown ${r.uai}`);
      bad.push(...violations(r, s).map((v) => `${r.uai} ${r.year}: ${v}`));
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('never loses fibre nor moves to a worse technology', () => {
    // satellite, adsl → 4g5g → fibre; vdsl → fibre
    const next: Record<AccessTech, readonly AccessTech[]> = {
      satellite: ['satellite', '4g5g', 'fibre'],
      adsl: ['adsl', '4g5g', 'fibre'],
      '4g5g': ['4g5g', 'fibre'],
      vdsl: ['vdsl', 'fibre'],
      fibre: ['fibre'],
    };
    const bad: string[] = [];
    let changes = 0;
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      const cur = rows[i];
      if (prev === undefined || cur === undefined || prev.uai !== cur.uai) continue;
      if (!next[prev.accessTech].includes(cur.accessTech)) bad.push(`${cur.uai} ${prev.accessTech} → ${cur.accessTech}`);
      if (prev.accessTech !== cur.accessTech) changes += 1;
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(changes).toBeGreaterThan(schools.length / 2);
  });

  it('keeps pupils per device within the ranges of each school type', () => {
    const limits = { ecole: [4, 12], college: [2, 6], lycee: [1.5, 4] } as const;
    for (const type of ['ecole', 'college', 'lycee'] as const) {
      for (const year of DEMO_YEARS) {
        let pupils = 0;
        let devices = 0;
        for (const r of rows) {
          const s = byUai.get(r.uai);
          if (r.year !== year || s?.schoolType !== type || s.pupils === null) continue;
          pupils += s.pupils;
          devices += r.devices;
        }
        const ratio = pupils / devices;
        expect(ratio).toBeGreaterThanOrEqual(limits[type][0]);
        expect(ratio).toBeLessThanOrEqual(limits[type][1]);
      }
    }
  });
});

describe('generateDemo: missing and odd inputs', () => {
  it('sizes equipment from the type median when the headcount is unknown, and emits no ENT pupil count', () => {
    const rows = generateDemo([school({ pupils: null, schoolType: 'college' })], OPTIONS);
    const known = generateDemo([school({ pupils: MEDIAN_PUPILS.college, schoolType: 'college' })], OPTIONS);
    for (const [i, r] of rows.entries()) {
      expect(r.entActivePupils).toBeNull();
      expect(r.devices).toBe(known[i]?.devices);
      expect(r.entActiveTeachers).toBeGreaterThan(0);
    }
  });

  it('gives a school without pupils no equipment and no ENT users', () => {
    for (const r of generateDemo([school({ pupils: 0 })], OPTIONS)) {
      expect([r.devices, r.devicesRecent, r.interactiveDisplays, r.entActivePupils, r.entActiveTeachers]).toEqual([0, 0, 0, 0, 0]);
    }
  });

  it('accepts unknown or non-finite density, FttH share and IPS', () => {
    const rows = generateDemo(
      [school({ communeDensity: null, communeFtthShare: null, ips: null }), school({ uai: 'X', communeDensity: Number.NaN, ips: Number.POSITIVE_INFINITY })],
      OPTIONS,
    );
    for (const r of rows) {
      expect(Number.isFinite(r.bandwidthMeasuredMbps)).toBe(true);
      expect(Number.isFinite(r.maintenanceDelayDays)).toBe(true);
      expect(Number.isInteger(r.devices)).toBe(true);
    }
  });

  it('rejects non-integer years and returns nothing for no years', () => {
    expect(() => generateDemo([school()], { seed: DEMO_SEED, years: [2019.5] })).toThrow(RangeError);
    expect(generateDemo([school()], { seed: DEMO_SEED, years: [] })).toEqual([]);
  });
});
