// /api/objectives in-process over the tiny fixture's territories and schools with demo values for
// 2021–2025 chosen here so that every figure can be computed by hand (origin: invented for this
// test), and a tiny objectives file fitting it. The app's own mount (shipped examples) is checked
// on the standard tiny fixture.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRow } from '../../scripts/build/demo/generate.ts';
import { writeWarehouse } from '../../scripts/build/warehouse.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { renderError } from '../../server/errors.ts';
import { ObjectivesFileError } from '../../server/objectives/schema.ts';
import { objectiveRoutes } from '../../server/routes/objectives.ts';
import { SCHOOL_YEARS, SCHOOLS, TERRITORIES } from '../fixtures/tiny-warehouse.ts';
import { useTinyApi } from './helpers.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const YEARS = [2021, 2022, 2023, 2024, 2025];
// measured Mbit/s per school and year; maintenance delay in days (C and D only matter)
const MBPS: Record<string, number[]> = {
  '0150001A': [8, 12, 20, 25, 28], // never ≥ 30
  '0150002B': [10, 40, 50, 60, 300], // from 2022
  '0630001C': [5, 10, 35, 40, 500], // from 2023
  '0630002D': [900, 900, 900, 900, 900],
};
const DELAY: Record<string, number[]> = {
  '0150001A': [5, 5, 5, 5, 5],
  '0150002B': [5, 5, 5, 5, 5],
  '0630001C': [6, 5, 4, 3, 2],
  '0630002D': [10, 8, 6, 4, 4],
};
const demo: DemoRow[] = SCHOOLS.flatMap((s) =>
  YEARS.map((year, i) => ({
    uai: s.uai, year, accessTech: 'fibre' as const, bandwidthContractedMbps: MBPS[s.uai]?.[i] ?? 0, bandwidthMeasuredMbps: MBPS[s.uai]?.[i] ?? 0,
    devices: 10, devicesRecent: 5, interactiveDisplays: 1, maintenanceDelayDays: DELAY[s.uai]?.[i] ?? 0, entActivePupils: 10, entActiveTeachers: 1,
  })),
);
// a school name a spreadsheet would run as a formula
const schools = SCHOOLS.map((s) => (s.uai === '0150001A' ? { ...s, name: '=HYPERLINK("http://x")' } : s));

const base = {
  title: { fr: 'Objectif (exemple fictif)', en: 'Objective (fictitious example)' },
  convention: { id: 'convention-test', title: 'Convention de test' },
  partner: { id: 'rectorat-06', name: 'Rectorat', kind: 'rectorat' },
  baseline_year: 2021,
  example: true,
};
const OBJECTIVES = {
  version: 1,
  objectives: [
    { ...base, id: 'thd-academie', indicator: 'bandwidth_mean', scope: { territory: 'academie:06' }, judged_by: 'share_of_schools', threshold: { op: '>=', value: 30 }, target: { op: '>=', value: 100 }, deadline: 2027 },
    { ...base, id: 'delay-63', partner: { id: 'departement-63', name: 'Puy-de-Dôme', kind: 'departement' }, indicator: 'maintenance_delay_days', scope: { territory: 'departement:63' }, judged_by: 'territory_value', target: { op: '<=', value: 3 }, deadline: 2026 },
    { ...base, id: 'ent-15', indicator: 'ent_active_share', scope: { territory: 'departement:15' }, judged_by: 'territory_value', target: { op: '>=', value: 60 }, deadline: 2026, example: false },
  ],
};

let dir = '';
let db: Warehouse | undefined;
let app: Hono | undefined;
const get = async (url: string) => {
  if (!app) throw new Error('app not ready');
  const res = await app.request(url);
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, body: (res.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : {}) as Body };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'objectives-'));
  await writeWarehouse(path.join(dir, 'warehouse.duckdb'), {
    territories: TERRITORIES, withoutGeometry: [], aliases: new Map(), schools, schoolYears: SCHOOL_YEARS, ftth: [], demo,
    meta: { build_id: 'objectives-fixture', built_at: '2026-01-01T00:00:00.000Z' },
  });
  writeFileSync(path.join(dir, 'objectives.json'), JSON.stringify(OBJECTIVES, null, 2));
  db = await openWarehouse(dir);
  app = new Hono().route('/api/objectives', objectiveRoutes(db, { file: path.join(dir, 'objectives.json') }));
  app.onError((err, c) => renderError(err, c, () => {}));
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/objectives (tiny objectives file)', () => {
  it('lists every objective with its status, filtered by partner', async () => {
    const { status, body } = await get('/api/objectives');
    expect(status).toBe(200);
    expect(body.count).toBe(3);
    expect(body.rule.fr).toMatch(/Atteint/);
    expect(body.objectives.map((o: Body) => [o.id, o.status])).toEqual([['thd-academie', 'on_track'], ['delay-63', 'met'], ['ent-15', 'off_track']]);
    expect(body.objectives[0]).toMatchObject({ example: true, example_notice: expect.stringMatching(/exemple fictif/), provenance: 'synthetic', notice: expect.stringMatching(/données fictives/) });
    expect(body.objectives[2].example_notice).toBeUndefined();
    const dep = await get('/api/objectives?partner=departement-63');
    expect(dep.body.objectives.map((o: Body) => o.id)).toEqual(['delay-63']);
  });

  it('filters by convention and partner together, and says which filters it applied', async () => {
    const both = await get('/api/objectives?convention=convention-test&partner=rectorat-06');
    expect(both.status).toBe(200);
    expect(both.body.filters).toEqual({ partner: 'rectorat-06', convention: 'convention-test', examples: true });
    expect(both.body.objectives.map((o: Body) => o.id)).toEqual(['thd-academie', 'ent-15']);
    expect((await get('/api/objectives?convention=convention-test')).body.count).toBe(3);
    // the objectives file has no import: no origin "imported"; examples=false keeps only imported ones
    expect(both.body.objectives.map((o: Body) => [o.origin, o.imported])).toEqual([['shipped', null], ['shipped', null]]);
    expect((await get('/api/objectives?examples=false')).body).toMatchObject({ count: 0, objectives: [] });
  });

  it('answers 400 naming the parameter for an unknown or malformed filter (a typo is not an empty report)', async () => {
    const partner = await get('/api/objectives?partner=departement-99');
    expect(partner.status).toBe(400);
    expect(partner.body.error).toEqual({ code: 'unknown_partner', param: 'partner', message: 'no partner "departement-99" in the objectives; known: departement-63, rectorat-06' });
    const convention = await get('/api/objectives?convention=convention-cadre');
    expect(convention.status).toBe(400);
    expect(convention.body.error).toMatchObject({ code: 'unknown_convention', param: 'convention', message: expect.stringMatching(/known: convention-test$/) });
    for (const [url, param] of [
      ['/api/objectives?partner=Departement-15', 'partner'],
      ['/api/objectives?convention=a%20b', 'convention'],
      [`/api/objectives?convention=${'c'.repeat(65)}`, 'convention'],
      ['/api/objectives?examples=maybe', 'examples'],
      ['/api/objectives?partner=', 'partner'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error, url).toMatchObject({ code: 'invalid_parameter', param });
    }
  });
});

describe('GET /api/objectives/{id}', () => {
  it('share of schools: the share per year, the projection and the school left behind (by hand)', async () => {
    const { status, body } = await get('/api/objectives/thd-academie');
    expect(status).toBe(200);
    // schools ≥ 30 Mbit/s out of 4: 2021 D; 2022 + B; 2023 + C; A never
    expect(body.series.map((s: Body) => [s.year, s.value, s.n, s.meeting])).toEqual([
      [2019, null, 0, 0], [2020, null, 0, 0], [2021, 25, 4, 1], [2022, 50, 4, 2], [2023, 75, 4, 3], [2024, 75, 4, 3], [2025, 75, 4, 3],
    ]);
    // slope: Sxy/Sxx = (70 + 10 + 0 + 15 + 30)/10 = 12.5; meets 100 at 2023 + (100 − 60)/12.5 = 2026.2 → 2027 ≤ deadline 2027
    expect(body.projection).toMatchObject({ points: 5, slope_per_year: 12.5, crossing_year: 2026.2, expected_year: 2027, bounded: true });
    expect(body.projection.crossing_low).toBeLessThan(2026.2);
    expect(body.projection.crossing_high).toBeGreaterThan(2026.2);
    expect(body).toMatchObject({ status: 'on_track', status_label: { fr: 'en bonne voie', en: 'on track' }, latest_year: 2025, latest_value: 75, deadline_year: 2027 });
    expect(body.scope).toEqual({ territory: 'academie:06', territory_name: 'Clermont-Ferrand', school_type: null, sector: null });
    expect(body.left_behind).toMatchObject({ year: 2025, bar: { op: '>=', value: 30 }, school_count: 1, commune_count: 1 });
    expect(body.left_behind.schools[0]).toMatchObject({ uai: '0150001A', commune_code: '15014', commune_name: 'Aurillac', value: 28, gap: 2, pupils: 100, display_lon: 3, display_lat: 45 });
    expect(body.left_behind.communes[0]).toEqual({ commune_code: '15014', commune_name: 'Aurillac', schools: 1, schools_below: 1, share_meeting: 0, value: 28, gap: 2, pupils_below: 100 });
  });

  it('territory value: the ratio of sums per year, and schools still below the target though the territory meets it', async () => {
    const { body } = await get('/api/objectives/delay-63');
    // mean delay of C and D: (6+10)/2, (5+8)/2, (4+6)/2, (3+4)/2, (2+4)/2
    expect(body.series.slice(2).map((s: Body) => s.value)).toEqual([8, 6.5, 5, 3.5, 3]);
    expect(body.status).toBe('met');
    expect(body.left_behind.schools.map((s: Body) => [s.uai, s.value, s.gap])).toEqual([['0630002D', 4, 1]]);
    expect(body.left_behind.communes[0]).toMatchObject({ commune_code: '63113', schools: 2, schools_below: 1, share_meeting: 50, value: 3, gap: 0 });
  });

  it('off track: a flat series (10 active pupils out of 100 + 300, every year)', async () => {
    const { body } = await get('/api/objectives/ent-15');
    expect(body.series.slice(2).map((s: Body) => s.value)).toEqual([5, 5, 5, 5, 5]);
    expect(body).toMatchObject({ status: 'off_track', expected_year: null, example: false });
    expect(body.left_behind.school_count).toBe(2);
  });

  it('answers 404 for an unknown id and 400 for a malformed one, as JSON', async () => {
    const unknown = await get('/api/objectives/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_objective', param: 'id' });
    for (const bad of ['/api/objectives/NOPE', `/api/objectives/${'a'.repeat(65)}`, '/api/objectives/a_b', '/api/objectives?partner=%3Cscript%3E']) {
      const res = await get(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe('invalid_parameter');
    }
  });
});

describe('GET /api/objectives/{id}/left-behind.csv', () => {
  it('downloads the schools, protected against formula injection, with provenance and the example notice', async () => {
    const { status, text, headers } = await get('/api/objectives/thd-academie/left-behind.csv');
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toMatch(/text\/csv/);
    expect(headers.get('Content-Disposition')).toBe('attachment; filename="objectif-thd-academie-etablissements-sous-le-seuil-2025.csv"');
    const [head, row, ...rest] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rest).toEqual([]);
    expect(head).toBe('objective,year,bar_op,bar,uai,name,commune_code,commune_name,school_type,sector,value,gap,pupils,lon,lat,position_quality,value_provenance,provenance,notice,example,objective_origin,source');
    expect(row).toMatch(/^thd-academie,2025,>=,30,0150001A,"'=HYPERLINK\(""http:\/\/x""\)",15014,Aurillac,ecole,public,28,2,100,3,45,commune,synthetic,synthetic,données fictives/);
    expect(row).toMatch(/exemple fictif/);
    expect(row).toMatch(/exemple livré avec le tableau de bord/);
  });

  it('downloads the communes; rejects an unknown level', async () => {
    const { text } = await get('/api/objectives/delay-63/left-behind.csv?level=commune');
    expect(text.split('\r\n')[1]).toMatch(/^delay-63,2025,<=,3,63113,Clermont-Ferrand,2,1,50,3,0,800,/);
    const bad = await get('/api/objectives/delay-63/left-behind.csv?level=region');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ param: 'level' });
    expect((await get('/api/objectives/nope/left-behind.csv')).status).toBe(404);
  });
});

describe('a bad objectives file', () => {
  it('stops the routes from being built, naming file, line and field', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, objectives: [{ ...OBJECTIVES.objectives[0], target: { op: '>=', value: 'all' } }] }, null, 2));
    if (!db) throw new Error('no db');
    const warehouse = db;
    expect(() => objectiveRoutes(warehouse, { file })).toThrow(ObjectivesFileError);
    expect(() => objectiveRoutes(warehouse, { file })).toThrow(/bad\.json:\d+: objectives\[0\]\.target\.value: expected a number/);
  });
});

describe('the app mounts the shipped examples', () => {
  const api = useTinyApi();
  it('lists them (their territories are not in the tiny fixture: insufficient data) and documents the routes', async () => {
    const { status, body } = await api.get('/api/objectives');
    expect(status).toBe(200);
    const list = body.objectives as Body[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list.every((o) => o.example === true && /exemple fictif/.test(o.title.fr))).toBe(true);
    const cantal = list.find((o) => o.scope.territory === 'departement:15');
    expect(cantal).toMatchObject({ scope: { territory_name: 'Cantal' } });
    const doc = (await api.get('/api/openapi.json')).body as Body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/objectives', '/api/objectives/{id}', '/api/objectives/{id}/left-behind.csv']));
    expect((await api.get('/api/objectives/nope')).status).toBe(404);
  });
});
