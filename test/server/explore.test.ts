// In-process tests of territories (profile), schools, series, compare and the map filters, on
// the tiny fixture warehouse whose values are computed by hand in test/fixtures/tiny-warehouse.ts.
import { describe, expect, it } from 'vitest';
import { useTinyApi } from './helpers.ts';

const api = useTinyApi();
type Entry = { indicator: string; value: number | null; parent_value: number | null; national_value: number | null; index: number | null; rank: number | null; siblings: number; year: number; provenance: string };
const entryOf = (body: Record<string, unknown>, id: string) => (body.profile as Entry[]).find((e) => e.indicator === id);

describe('GET /api/territories', () => {
  it('lists the départements of an académie', async () => {
    const { status, body } = await api.get('/api/territories?level=departement&within=academie:06');
    expect(status).toBe(200);
    expect((body.territories as { code: string; name: string }[]).map((t) => [t.code, t.name])).toEqual([['15', 'Cantal'], ['63', 'Puy-de-Dôme']]);
  });

  it('profiles the Cantal against its académie and France, with index and rank', async () => {
    const { status, body } = await api.get('/api/territories/departement/15?year=2022');
    expect(status).toBe(200);
    expect(body.parents).toEqual([{ level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' }, { level: 'academie', code: '06', name: 'Clermont-Ferrand' }]);
    expect(body.compared_with).toEqual({ level: 'academie', code: '06', name: 'Clermont-Ferrand' });
    expect(body.children).toEqual({ level: 'commune', items: [{ code: '15014', name: 'Aurillac' }, { code: '15187', name: 'Saint-Flour' }] });
    const ips = entryOf(body, 'ips');
    const academie = 158_000 / 1_400; // (90×100 + 110×300 + 100×200 + 120×800) / 1400
    expect(ips).toMatchObject({ year: 2022, value: 105, rank: 2, siblings: 2, provenance: 'open-data' });
    expect(ips?.parent_value).toBeCloseTo(academie, 10);
    expect(ips?.national_value).toBeCloseTo(academie, 10);
    expect(ips?.index).toBeCloseTo((100 * 105) / academie, 10);
  });

  it('ranks "lower is better" indicators the right way and falls back to the latest year', async () => {
    const { body } = await api.get('/api/territories/departement/63?year=2025');
    expect(entryOf(body, 'pupils_per_device')).toMatchObject({ year: 2025, rank: 1, provenance: 'synthetic' }); // 1000/440 < 400/110
    expect(entryOf(body, 'ips')).toMatchObject({ year: 2022, value: 116 }); // no 2025 IPS: latest before
    expect(entryOf(body, 'ftth_share')).toMatchObject({ year: 2017, value: 90 });
  });

  it('lists the schools of a commune as its children', async () => {
    const { body } = await api.get('/api/territories/commune/63113');
    expect(body.children).toMatchObject({ level: 'school', items: [{ uai: '0630001C' }, { uai: '0630002D' }] });
  });

  it('answers 404 for an unknown territory', async () => {
    const { status, body } = await api.get('/api/territories/departement/99');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'unknown_territory', message: expect.any(String), param: 'code' } });
  });
});

describe('GET /api/map filters', () => {
  const dep = async (q: string) =>
    Object.fromEntries(((await api.get(`/api/map?indicator=ips&level=departement&year=2022&${q}`)).body.values as { code: string; value: number | null; n: number; low_n: boolean }[]).map((v) => [v.code, v]));
  it('restricts to one school type and flags values from too few schools', async () => {
    expect(await dep('school_type=ecole')).toMatchObject({ '15': { value: 90, n: 1, low_n: true }, '63': { value: 100, n: 1 } });
  });
  it('restricts to one sector', async () => {
    expect(await dep('sector=prive')).toMatchObject({ '15': { value: 110, n: 1 }, '63': { value: null, n: 0, low_n: false } });
  });
  it('gives class-ready statistics', async () => {
    const { body } = await api.get('/api/map?indicator=ips&level=departement&year=2022');
    expect(body.stats).toMatchObject({ count: 2, missing: 0, min: 105, max: 116, median: 110.5 });
  });
  it('refuses school filters on indicators not computed per school', async () => {
    const { status, body } = await api.get('/api/map?indicator=population&level=departement&school_type=ecole');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'filter_not_applicable', param: 'school_type' } });
  });
});

describe('GET /api/schools', () => {
  it('returns compact rows with position quality, pupils and the value', async () => {
    const { body } = await api.get('/api/schools?indicator=ips&year=2022&within=departement:15');
    const cols = body.columns as string[];
    const rows = body.rows as unknown[][];
    expect(body.count).toBe(2);
    const uai = cols.indexOf('uai');
    const value = cols.indexOf('value');
    expect(rows.map((r) => [r[uai], r[value], r[cols.indexOf('pupils')], r[cols.indexOf('position_quality')]])).toEqual([
      ['0150001A', 90, 100, 'commune'],
      ['0150002B', 110, 300, 'commune'],
    ]);
  });
  it('marks demo values and accepts a commune as parent', async () => {
    const { body } = await api.get('/api/schools?indicator=fibre_share&year=2025&within=commune:63113');
    expect(body).toMatchObject({ provenance: 'synthetic', count: 2, notice: expect.stringContaining('données fictives') });
  });
  it('refuses indicators that are not per school', async () => {
    expect((await api.get('/api/schools?indicator=population')).body).toMatchObject({ error: { code: 'not_per_school', param: 'indicator' } });
  });
});

describe('GET /api/series and /api/compare', () => {
  it('gives every year of the IPS with France alongside', async () => {
    const { body } = await api.get('/api/series?indicator=ips&territory=departement:15');
    expect(body.series).toEqual([
      expect.objectContaining({ year: 2021, value: 80, n: 1, national_value: 80 }),
      expect.objectContaining({ year: 2022, value: 105, n: 2 }),
    ]);
  });
  it('compares territories of different levels side by side', async () => {
    const { status, body } = await api.get('/api/compare?territories=departement:15,commune:63113&indicators=ips,population&year=2022');
    expect(status).toBe(200);
    const cols = body.territories as { code: string; name: string; values: { indicator: string; value: number | null }[] }[];
    expect(cols.map((t) => [t.name, t.values.map((v) => v.value)])).toEqual([
      ['Cantal', [105, 300]],
      ['Clermont-Ferrand', [116, 1000]],
    ]);
    expect((body.indicators as { id: string; national_value: number }[]).find((i) => i.id === 'population')?.national_value).toBe(1300);
  });
  it.each([
    ['/api/compare?territories=departement:99', 404, 'unknown_territory'],
    ['/api/compare?territories=departement:15&indicators=ips,nope', 400, 'unknown_indicator'],
    ['/api/compare?territories=a,b,c', 400, 'invalid_parameter'],
    [`/api/compare?territories=${Array.from({ length: 7 }, (_, i) => `commune:6311${i}`).join(',')}`, 400, 'invalid_parameter'],
    ['/api/series?indicator=ips&territory=commune:../../etc', 400, 'invalid_parameter'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await api.get(url);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  });
});
