/**
 * The demo layer ("données fictives"): simulated connectivity, equipment and ENT usage for every
 * real school and year, deterministic from a seed. Every draw is seeded by a hash of the seed,
 * the UAI and the year, so a school's values never depend on the other schools or years asked for.
 * See README.md for the model.
 */
import { connectivityLatent, connectivityYear } from './connectivity.ts';
import { schoolContext, departementFactor, seedHash } from './context.ts';
import { equipmentLatent, equipmentYear } from './equipment.ts';
import { usageLatent, usageYear } from './usage.ts';
import type { DemoOptions, DemoRow, DemoSchoolInput } from './types.ts';

export type { AccessTech, DemoOptions, DemoRow, DemoSchoolInput } from './types.ts';
export { ACCESS_TECHS } from './types.ts';
export { MEDIAN_PUPILS } from './context.ts';

/** The seed of the published demo layer. */
export const DEMO_SEED = 'copaneeta-demo-v1';

/** Version of the model: bump it whenever a change alters any output for a given seed. */
export const DEMO_MODEL_VERSION = '1.1.0';

function checkOptions(options: DemoOptions): void {
  for (const year of options.years) {
    if (!Number.isInteger(year)) throw new RangeError(`demo: year must be an integer, got ${year}`);
  }
}

/**
 * Yields the demo rows of the schools, school by school, years in the order given.
 * Lazily: memory stays flat whatever the number of schools.
 */
export function* demoRows(schools: Iterable<DemoSchoolInput>, options: DemoOptions): Generator<DemoRow> {
  checkOptions(options);
  const root = seedHash(options.seed);
  const depCache = new Map<string, number>();
  const depFactor = (code: string): number => {
    let f = depCache.get(code);
    if (f === undefined) {
      f = departementFactor(root, code);
      depCache.set(code, f);
    }
    return f;
  };
  for (const school of schools) {
    const type = school.schoolType;
    const ctx = schoolContext(school, root, depFactor);
    const conn = connectivityLatent(ctx, type);
    const equip = equipmentLatent(ctx);
    const use = usageLatent(ctx, type);
    for (const year of options.years) {
      const c = connectivityYear(conn, ctx, type, year);
      const e = equipmentYear(equip, ctx, type, year);
      const u = usageYear(use, ctx, type, year, c.measured);
      yield {
        uai: school.uai,
        year,
        accessTech: c.accessTech,
        bandwidthContractedMbps: c.contracted,
        bandwidthMeasuredMbps: c.measured,
        devices: e.devices,
        devicesRecent: e.devicesRecent,
        interactiveDisplays: e.interactiveDisplays,
        maintenanceDelayDays: e.maintenanceDelayDays,
        entActivePupils: u.entActivePupils,
        entActiveTeachers: u.entActiveTeachers,
      };
    }
  }
}

/** All demo rows of the schools, school by school, years in the order given. */
export function generateDemo(schools: readonly DemoSchoolInput[], options: DemoOptions): DemoRow[] {
  return Array.from(demoRows(schools, options));
}
