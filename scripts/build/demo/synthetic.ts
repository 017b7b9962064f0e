/**
 * A synthetic population of schools shaped roughly like France's (type mix, sector shares,
 * densities, 2018 FttH coverage, headcounts, IPS), for tests and calibration only. Origin:
 * generated here from a fixed seed; no real UAI or school is described.
 */
import { clamp, hashString, mulberry32, normal } from './prng.ts';
import type { DemoSchoolInput } from './types.ts';
import type { SchoolType } from '../../../server/indicators/catalog.ts';

const DEPARTEMENTS: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
  '2A', '2B', '971', '972', '973', '974', '976',
];

const PRIVATE_SHARE: Readonly<Record<SchoolType, number>> = { ecole: 0.13, college: 0.21, lycee: 0.3 };
const MEDIAN_PUPILS: Readonly<Record<SchoolType, number>> = { ecole: 110, college: 470, lycee: 520 };

function syntheticPosition(rng: () => number): { lon: number | null; lat: number | null } {
  const lon = -4.5 + 12.5 * rng();
  const lat = 42.5 + 8.5 * rng();
  return rng() < 0.02 ? { lon: null, lat: null } : { lon: Math.round(lon * 1e4) / 1e4, lat: Math.round(lat * 1e4) / 1e4 };
}

/** `n` synthetic schools (80% écoles, 12% collèges, 8% lycées), deterministic for a seed. */
export function syntheticSchools(n: number, seed = 'synthetic-population'): DemoSchoolInput[] {
  if (n > 100_000) throw new RangeError('syntheticSchools: at most 100,000 schools');
  const root = hashString(seed);
  const rng = mulberry32(root);
  // positions from their own stream (metropolitan France's bounding box, 2% unknown), so that
  // the other attributes are the same as before positions existed
  const geoRng = mulberry32(root ^ 0x9e3779b9);
  const prefix = String(10 + (root % 90)); // distinct UAIs for distinct seeds (mostly)
  const schools: DemoSchoolInput[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng();
    const schoolType: SchoolType = r < 0.8 ? 'ecole' : r < 0.92 ? 'college' : 'lycee';
    const logDensity = clamp(normal(rng, 2.1, 0.85), 0.3, 4.4);
    const u = clamp((logDensity - 1) / 2.3, 0, 1);
    const ftth = clamp(0.95 * u ** 1.8 + normal(rng, 0, 0.12), 0, 1);
    const pupils = Math.max(5, Math.round(MEDIAN_PUPILS[schoolType] * Math.exp(normal(rng, 0, schoolType === 'ecole' ? 0.6 : 0.4))));
    const ips = clamp(normal(rng, 100 + 6 * (u - 0.5), 14), 55, 160);
    schools.push({
      uai: `${prefix}${String(i).padStart(5, '0')}${String.fromCharCode(65 + (i % 26))}`,
      schoolType,
      sector: rng() < PRIVATE_SHARE[schoolType] ? 'prive' : 'public',
      departementCode: DEPARTEMENTS[Math.floor(rng() * DEPARTEMENTS.length)] ?? '63',
      communeDensity: rng() < 0.01 ? null : Math.round(10 ** logDensity * 10) / 10,
      communeFtthShare: rng() < 0.04 ? null : Math.round(ftth * 1000) / 1000,
      pupils: rng() < 0.03 ? null : pupils,
      ips: rng() < 0.05 ? null : Math.round(ips * 10) / 10,
      ...syntheticPosition(geoRng),
    });
  }
  return schools;
}
