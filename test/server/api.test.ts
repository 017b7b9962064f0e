// In-process API tests (app.request, no port) over the tiny fixture warehouse: exact ratios of
// sums, the synthetic label, and bad or hostile input answered with a 4xx JSON error.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

let dir: string;
let db: Warehouse;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await makeTinyWarehouse();
  db = await openWarehouse(dir);
  app = createApp({ db, log: () => {} });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
};
type Values = { code: string; value: number | null; n: number | null }[];
const byCode = (body: Record<string, unknown>) => Object.fromEntries((body.values as Values).map((v) => [v.code, v]));

describe('GET /api/health and /api/indicators', () => {
  it('reports the build and its sources', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', build: { id: 'tiny-fixture' } });
    expect((body.sources as { producer: string }[])[0]?.producer).toBe('DEPP');
  });
  it('lists the public indicator ids', async () => {
    const { body } = await get('/api/indicators');
    const ids = (body.indicators as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['population', 'schools', 'pupils', 'ips', 'ftth_share', 'thd_share', 'fibre_share', 'pupils_per_device', 'ent_active_share']));
  });
});

describe('GET /api/map', () => {
  it('aggregates the IPS as a pupil-weighted ratio of sums at every level', async () => {
    const dep = byCode((await get('/api/map?indicator=ips&level=departement&year=2022')).body);
    expect(dep['15']).toMatchObject({ value: 105, n: 2 }); // (90×100 + 110×300) / 400
    expect(dep['63']).toMatchObject({ value: 116, n: 2 }); // (100×200 + 120×800) / 1000
    const reg = byCode((await get('/api/map?indicator=ips&level=region&year=2022')).body);
    expect(reg['84']?.value).toBeCloseTo((9000 + 33000 + 20000 + 96000) / 1400, 9); // values are sent to 12 significant digits
  });
  it('weights a year without headcounts by the 2022 headcounts', async () => {
    const dep = byCode((await get('/api/map?indicator=ips&level=departement&year=2021')).body);
    expect(dep['15']).toMatchObject({ value: 80, n: 1 });
    expect(dep['63']).toMatchObject({ value: null, n: 0 });
  });
  it('never averages ratios: pupils per device is sum(pupils) / sum(devices)', async () => {
    const dep = byCode((await get('/api/map?indicator=pupils_per_device&level=departement&year=2025')).body);
    expect(dep['15']?.value).toBeCloseTo(400 / 110, 9); // a mean of ratios would give (10 + 3) / 2
  });
  it('restricts to a parent with within= and lists territories without data as null', async () => {
    const { body } = await get('/api/map?indicator=ftth_share&level=commune&within=departement:15');
    expect(body.year).toBe(2017);
    expect(byCode(body)).toEqual({
      '15014': expect.objectContaining({ value: 10, n: null }),
      '15187': expect.objectContaining({ value: null }),
    });
  });
  it('leaves names out unless names=true (they come with the geometry)', async () => {
    const lean = (await get('/api/map?indicator=ips&level=departement&year=2022')).body.values as Record<string, unknown>[];
    expect(lean[0]).not.toHaveProperty('name');
    const named = (await get('/api/map?indicator=ips&level=departement&year=2022&names=true')).body.values as Record<string, unknown>[];
    expect(named.map((v) => v.name)).toEqual(['Cantal', 'Puy-de-Dôme']);
  });
  it('gives the same values as columns with format=columns (names included on request), and refuses other formats', async () => {
    const rows = (await get('/api/map?indicator=thd_share&level=commune&year=2025&names=true')).body;
    const cols = (await get('/api/map?indicator=thd_share&level=commune&year=2025&names=true&format=columns')).body;
    expect(cols).not.toHaveProperty('values');
    const { values, ...header } = rows as { values: Record<string, unknown>[] };
    const { columns, ...colsHeader } = cols as { columns: Record<string, unknown[]> };
    expect(colsHeader).toEqual(header);
    expect(Object.keys(columns)).toEqual(Object.keys(values[0] ?? {}));
    expect(columns.code).toEqual(values.map((v) => v.code));
    for (const key of Object.keys(columns)) expect(columns[key]).toEqual(values.map((v) => v[key]));
    expect(columns.name).toEqual(expect.arrayContaining(['Aurillac', 'Saint-Flour']));
    const bad = await get('/api/map?indicator=ips&level=departement&format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_parameter', param: 'format' } });
  });
  it('labels demo values as synthetic', async () => {
    const { body } = await get('/api/map?indicator=thd_share&level=departement&year=2025');
    expect(body).toMatchObject({ provenance: 'synthetic', notice: expect.stringContaining('données fictives') });
    expect(byCode(body)['15']?.value).toBe(50);
  });
  it('sets an ETag and answers 304 to a matching If-None-Match', async () => {
    const first = await app.request('/api/map?indicator=ips&level=departement&year=2022');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await app.request('/api/map?indicator=ips&level=departement&year=2022', { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
  });

  it.each([
    ['/api/map?indicator=nope&level=departement', 400, 'unknown_indicator', 'indicator'],
    ['/api/map?indicator=ips&level=canton', 400, 'invalid_parameter', 'level'],
    ['/api/map?indicator=ips&level=departement&year=1999', 400, 'unknown_year', 'year'],
    ['/api/map?indicator=ips&level=departement&year=20x2', 400, 'invalid_parameter', 'year'],
    ['/api/map?level=departement', 400, 'invalid_parameter', 'indicator'],
    ["/api/map?indicator=ips'%20OR%201=1--&level=departement", 400, 'invalid_parameter', 'indicator'],
    ['/api/map?indicator=ips&level=departement&within=commune:63113', 400, 'invalid_parameter', 'within'],
    ['/api/map?indicator=ips&level=region&within=departement:63', 400, 'invalid_within', 'within'],
    [`/api/map?indicator=${'a'.repeat(5000)}&level=departement`, 400, 'invalid_parameter', 'indicator'],
    ['/api/nothing-here', 404, 'not_found', null],
  ])('%s → %i %s', async (url, status, code, param) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), param } });
  });
});
