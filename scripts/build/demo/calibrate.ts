/**
 * Calibration report of the demo model on the synthetic population: prints the generation time
 * and, per year, the national figures and the dense-vs-rural contrasts.
 * Run: npx tsx scripts/build/demo/calibrate.ts [schools=45000]
 */
import { DEMO_SEED, generateDemo } from './generate.ts';
import { summarise, type GroupSummary } from './summary.ts';
import { syntheticSchools } from './synthetic.ts';
import { DEMO_YEARS } from '../../../server/indicators/catalog.ts';
import type { DemoSchoolInput } from './types.ts';

const n = Number(process.argv[2] ?? 45_000);
const schools = syntheticSchools(n);
const options = { seed: DEMO_SEED, years: DEMO_YEARS };

const timed = (): [ReturnType<typeof generateDemo>, string] => {
  const t0 = performance.now();
  const out = generateDemo(schools, options);
  return [out, (performance.now() - t0).toFixed(0)];
};
const [rows, cold] = timed();
const [, warm] = timed();
console.log(`${String(n)} schools × ${String(DEMO_YEARS.length)} years = ${String(rows.length)} rows: ${cold} ms (cold), ${warm} ms (warm)`);

const dense = (s: DemoSchoolInput): boolean => (s.communeDensity ?? 0) >= 1000;
const rural = (s: DemoSchoolInput): boolean => s.communeDensity !== null && s.communeDensity < 50;
const groups: [string, (s: DemoSchoolInput) => boolean][] = [
  ['all', () => true],
  ['dense ≥1000/km²', dense],
  ['rural <50/km²', rural],
  ['écoles', (s) => s.schoolType === 'ecole'],
  ['collèges', (s) => s.schoolType === 'college'],
  ['lycées', (s) => s.schoolType === 'lycee'],
];
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
for (const [name, filter] of groups) {
  const table = [...summarise(schools, rows, filter)].map(([year, g]: [number, GroupSummary]) => ({
    year,
    schools: g.schools,
    fibre: pct(g.fibreShare),
    '≥30 Mbit/s': pct(g.thdShare),
    'mean Mbit/s': g.meanMeasuredMbps.toFixed(0),
    'pupils/device': g.pupilsPerDevice.toFixed(2),
    'recent devices': pct(g.recentShare),
    'displays/100': g.displaysPer100Pupils.toFixed(2),
    'delay days': g.meanDelayDays.toFixed(1),
    'ENT pupils': pct(g.entPupilShare),
  }));
  console.log(`\n${name}`);
  console.table(table);
}
