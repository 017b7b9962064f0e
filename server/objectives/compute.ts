/**
 * An objective against the warehouse: its judged value per year, its progress (progress.ts) and
 * who is left behind in the latest year. The judged value is, for `share_of_schools`, the share
 * (%) of the scope's schools with a value that year whose own value (num/den × scale of their
 * facts row, as in /api/schools) meets the threshold; for `territory_value`, the scope's ratio of
 * sums (services/values.ts, as /api/series). Schools without a value that year are not counted in
 * the share; their number is given (`without_value`).
 *
 * Left behind: the scope's schools whose own value misses the bar in the latest year with a value
 * (the threshold; for territory_value the target itself), sorted by gap (how far from the bar, in
 * the indicator's unit), and the communes holding them (value = ratio of sums of their schools in
 * the scope), sorted by number of schools below, then gap.
 */
import { readFileSync } from 'node:fs';
import type { Warehouse } from '../db/warehouse.ts';
import { served } from '../indicators/years.ts';
import { levelColumn, withColumns } from '../queries/load.ts';
import { parseRef, valueOf } from '../selection.ts';
import { seriesValues } from '../services/values.ts';
import { gapTo, judge, meets, type Progress } from './progress.ts';
import type { Comparison, Objective } from './schema.ts';

const SCHOOLS_SQL = readFileSync(new URL('./objective_schools.sql', import.meta.url), 'utf8');

export interface YearValue {
  year: number;
  /** the judged value: share of schools meeting the threshold (%) or the territory's value */
  value: number | null;
  /** schools with a value that year (null for commune-grain indicators) */
  n: number | null;
  /** share_of_schools: schools meeting the threshold */
  meeting: number | null;
  /** schools of the scope without a value that year */
  without_value: number | null;
}

export interface LeftBehindSchool {
  uai: string;
  name: string;
  school_type: string;
  sector: string;
  commune_code: string;
  commune_name: string | null;
  value: number;
  gap: number;
  pupils: number | null;
  position_quality: string;
  lon: number | null;
  lat: number | null;
  display_lon: number | null;
  display_lat: number | null;
  provenance: string | null;
}

export interface LeftBehindCommune {
  commune_code: string;
  commune_name: string | null;
  /** schools of the scope in the commune with a value */
  schools: number;
  schools_below: number;
  /** % of them meeting the bar */
  share_meeting: number;
  /** the commune's value over those schools (ratio of sums) and its gap to the bar */
  value: number | null;
  gap: number | null;
  pupils_below: number;
}

export interface ObjectiveResult<O extends Objective = Objective> {
  objective: O;
  territory_name: string | null;
  /** what each school (and commune) is measured against in left_behind */
  bar: Comparison;
  series: YearValue[];
  progress: Progress;
  left_behind: { year: number | null; schools: LeftBehindSchool[]; communes: LeftBehindCommune[] };
  /** schools behind the latest value, and those whose value is imported (provenance) */
  latest_n: number;
  latest_imported: number;
}

/** A school of the scope with its value per year. */
export interface SchoolYears {
  info: Omit<LeftBehindSchool, 'value' | 'gap' | 'provenance'>;
  byYear: Map<number, { num: number | null; den: number | null; value: number; provenance: string | null }>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

async function scopeSchools(db: Warehouse, o: Objective): Promise<SchoolYears[]> {
  const ref = parseRef(o.scope.territory);
  const rows = await db.query(withColumns(SCHOOLS_SQL, { within_col: levelColumn(ref.level) }), {
    indicator: o.ind.id,
    within_code: ref.code,
    school_type: o.scope.school_type ?? null,
    sector: o.scope.sector ?? null,
  });
  const out = new Map<string, SchoolYears>();
  for (const r of rows) {
    const uai = String(r.uai);
    let s = out.get(uai);
    if (!s) {
      s = {
        info: {
          uai, name: String(r.name), school_type: String(r.school_type), sector: String(r.sector), commune_code: String(r.commune_code),
          commune_name: r.commune_name === null ? null : String(r.commune_name), pupils: num(r.pupils), position_quality: String(r.position_quality),
          lon: num(r.lon), lat: num(r.lat), display_lon: num(r.display_lon), display_lat: num(r.display_lat),
        },
        byYear: new Map(),
      };
      out.set(uai, s);
    }
    const value = valueOf(o.ind, num(r.num), num(r.den));
    if (r.year !== null && value !== null) s.byYear.set(Number(r.year), { num: num(r.num), den: num(r.den), value, provenance: r.provenance === null ? null : String(r.provenance) });
  }
  return [...out.values()];
}

/** The share (%) of schools meeting `threshold` in each year (pure; exported for tests). */
export function shareSeries(schools: readonly SchoolYears[], years: readonly number[], threshold: Comparison): YearValue[] {
  return years.map((year) => {
    let n = 0;
    let meeting = 0;
    for (const s of schools) {
      const v = s.byYear.get(year);
      if (!v) continue;
      n++;
      if (meets(v.value, threshold.op, threshold.value)) meeting++;
    }
    return { year, value: n ? (100 * meeting) / n : null, n, meeting, without_value: schools.length - n };
  });
}

/** Left-behind schools and communes of `year` against `bar` (pure; exported for tests). */
export function leftBehind(o: Objective, schools: readonly SchoolYears[], year: number, bar: Comparison): { schools: LeftBehindSchool[]; communes: LeftBehindCommune[] } {
  const below: LeftBehindSchool[] = [];
  const communes = new Map<string, { name: string | null; schools: number; below: number; num: number; den: number; pupils_below: number }>();
  for (const s of schools) {
    const v = s.byYear.get(year);
    if (!v) continue;
    const c = communes.get(s.info.commune_code) ?? { name: s.info.commune_name, schools: 0, below: 0, num: 0, den: 0, pupils_below: 0 };
    communes.set(s.info.commune_code, c);
    c.schools++;
    c.num += v.num ?? 0;
    c.den += v.den ?? 0;
    if (meets(v.value, bar.op, bar.value)) continue;
    c.below++;
    c.pupils_below += s.info.pupils ?? 0;
    below.push({ ...s.info, value: round(v.value), gap: round(gapTo(v.value, bar.op, bar.value)), provenance: v.provenance });
  }
  below.sort((a, b) => b.gap - a.gap || a.uai.localeCompare(b.uai));
  const rows: LeftBehindCommune[] = [];
  for (const [code, c] of communes) {
    if (!c.below) continue;
    const value = valueOf(o.ind, c.num, o.ind.denominator === null ? null : c.den);
    rows.push({
      commune_code: code, commune_name: c.name, schools: c.schools, schools_below: c.below, share_meeting: round((100 * (c.schools - c.below)) / c.schools, 1),
      value: value === null ? null : round(value), gap: value === null ? null : round(gapTo(value, bar.op, bar.value)), pupils_below: c.pupils_below,
    });
  }
  rows.sort((a, b) => b.schools_below - a.schools_below || (b.gap ?? 0) - (a.gap ?? 0) || a.commune_code.localeCompare(b.commune_code));
  return { schools: below, communes: rows };
}

/** Computes an objective over the warehouse. */
export async function computeObjective<O extends Objective>(db: Warehouse, o: O): Promise<ObjectiveResult<O>> {
  const ref = parseRef(o.scope.territory);
  const [named] = await db.query('SELECT name FROM territories WHERE level = $level AND code = $code', { level: ref.level, code: ref.code });
  const schools = o.ind.grain === 'school' ? await scopeSchools(db, o) : [];
  let series: YearValue[];
  let bar: Comparison;
  if (o.judged_by === 'share_of_schools' && o.threshold) {
    bar = o.threshold;
    // the years the served warehouse holds (an imported release adds some)
    series = shareSeries(schools, served(o.ind).years, o.threshold);
  } else {
    bar = o.target;
    const values = await seriesValues(db, served(o.ind), ref, { schoolType: o.scope.school_type ?? null, sector: o.scope.sector ?? null });
    series = values.map((v) => {
      const n = o.ind.grain === 'school' ? schools.filter((s) => s.byYear.has(v.year)).length : null;
      return { year: v.year, value: v.value, n, meeting: null, without_value: n === null ? null : schools.length - n };
    });
  }
  const progress = judge(series, o.target.op, o.target.value, o.baseline_year, o.deadline_year);
  const year = progress.latest?.year ?? null;
  const lb = year === null ? { schools: [], communes: [] } : leftBehind(o, schools, year, bar);
  const latest = schools.filter((s) => year !== null && s.byYear.has(year));
  return {
    objective: o,
    territory_name: named ? String(named.name) : null,
    bar,
    series: series.map((s) => ({ ...s, value: s.value === null ? null : round(s.value) })),
    progress,
    left_behind: { year, ...lb },
    latest_n: latest.length,
    latest_imported: latest.filter((s) => year !== null && s.byYear.get(year)?.provenance === 'imported').length,
  };
}
