/**
 * Aggregates of demo rows for the tests and the calibration report: per year, shares and ratios
 * of sums over a group of schools, the way the warehouse's `facts` aggregate them.
 */
import type { DemoRow, DemoSchoolInput } from './types.ts';

/** Measured bandwidth from which a school counts as "very high-speed" (indicator thd_share). */
export const THD_MBPS = 30;

export interface GroupSummary {
  schools: number;
  fibreShare: number;
  /** share of schools measuring at least THD_MBPS */
  thdShare: number;
  meanMeasuredMbps: number;
  /** real pupils / devices, schools with a known headcount */
  pupilsPerDevice: number;
  recentShare: number;
  displaysPer100Pupils: number;
  meanDelayDays: number;
  entPupilShare: number;
}

const EMPTY = {
  n: 0, fibre: 0, thd: 0, mbps: 0, delay: 0, devices: 0, recent: 0,
  pupils: 0, pupilDevices: 0, displays: 0, ent: 0,
};
type Acc = typeof EMPTY;

/** Summaries per year (ascending) of the rows whose school passes `filter` (all by default). */
export function summarise(
  schools: readonly DemoSchoolInput[],
  rows: readonly DemoRow[],
  filter: (s: DemoSchoolInput) => boolean = () => true,
): Map<number, GroupSummary> {
  const byUai = new Map(schools.map((s) => [s.uai, s]));
  const acc = new Map<number, Acc>();
  for (const r of rows) {
    const s = byUai.get(r.uai);
    if (s === undefined || !filter(s)) continue;
    let a = acc.get(r.year);
    if (a === undefined) acc.set(r.year, (a = { ...EMPTY }));
    a.n += 1;
    a.fibre += r.accessTech === 'fibre' ? 1 : 0;
    a.thd += r.bandwidthMeasuredMbps >= THD_MBPS ? 1 : 0;
    a.mbps += r.bandwidthMeasuredMbps;
    a.delay += r.maintenanceDelayDays;
    a.devices += r.devices;
    a.recent += r.devicesRecent;
    if (s.pupils !== null && r.entActivePupils !== null) {
      a.pupils += s.pupils;
      a.pupilDevices += r.devices;
      a.displays += r.interactiveDisplays;
      a.ent += r.entActivePupils;
    }
  }
  const out = new Map<number, GroupSummary>();
  for (const [year, a] of [...acc].sort((x, y) => x[0] - y[0])) {
    out.set(year, {
      schools: a.n,
      fibreShare: a.fibre / a.n,
      thdShare: a.thd / a.n,
      meanMeasuredMbps: a.mbps / a.n,
      pupilsPerDevice: a.pupils / a.pupilDevices,
      recentShare: a.recent / a.devices,
      displaysPer100Pupils: (100 * a.displays) / a.pupils,
      meanDelayDays: a.delay / a.n,
      entPupilShare: a.ent / a.pupils,
    });
  }
  return out;
}
