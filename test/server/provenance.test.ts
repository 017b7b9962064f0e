// Provenance of values on a warehouse holding partners' imported data (issue #7): the tiny fixture
// with IMPORTS and IMPORTED_MEASURES (test/fixtures/tiny-warehouse.ts), every share hand-computed
// there: thd_share 2025 is Cantal mixed (1 of 2 schools imported), Puy-de-Dôme imported (2 of 2),
// région mixed (3 of 4); communes Aurillac imported, Saint-Flour demo, Clermont-Ferrand imported.
import { describe, expect, it } from 'vitest';
import { MIXED_NOTICE, SYNTHETIC_NOTICE } from '../../server/provenance.ts';
import { useTinyApi } from './helpers.ts';

const api = useTinyApi({ imported: true });
const CANTAL = { body: 'Département du Cantal', date: '2026-03-01', schools: 1 };
const REGION = (schools: number) => ({ body: 'Région Auvergne-Rhône-Alpes', date: '2026-04-15', schools });

describe('GET /api/map with imported data', () => {
  it('gives each territory its imported share and the whole map its mix, bodies and dates', async () => {
    const { body } = await api.get('/api/map?indicator=thd_share&level=departement&year=2025');
    expect(body).toMatchObject({ provenance: 'mixed', imported_share: 0.75, notice: MIXED_NOTICE, imports: [REGION(2), CANTAL] });
    expect(body.values).toEqual([
      expect.objectContaining({ code: '15', value: 100, n: 2, imported_share: 0.5 }),
      expect.objectContaining({ code: '63', value: 50, n: 2, imported_share: 1 }),
    ]);
    const [imported, demo] = body.sources as { id: string; producer: string; vintage: string }[];
    expect(imported).toMatchObject({ id: 'imported', producer: 'Région Auvergne-Rhône-Alpes ; Département du Cantal', vintage: 'imports du 2026-03-01 au 2026-04-15' });
    expect(demo?.id).toBe('demo');
  });
  it('says imported, without the demo notice, when every school behind the values is imported', async () => {
    const { body } = await api.get('/api/map?indicator=thd_share&level=departement&year=2025&within=academie:06&school_type=lycee');
    expect(body).toMatchObject({ provenance: 'imported', imported_share: 1, imports: [REGION(1)] });
    expect(body.notice).toBeUndefined();
    expect((body.sources as { id: string }[]).map((s) => s.id)).toEqual(['imported']);
  });
  it('keeps indicators no import feeds on their catalog provenance', async () => {
    const { body } = await api.get('/api/map?indicator=recent_devices_share&level=departement&year=2025');
    expect(body).toMatchObject({ provenance: 'synthetic', imported_share: 0, notice: SYNTHETIC_NOTICE });
    expect(body.imports).toBeUndefined();
    const ips = (await api.get('/api/map?indicator=ips&level=departement&year=2022')).body;
    expect(ips.provenance).toBe('open-data');
    expect(ips).not.toHaveProperty('imported_share');
  });
});

describe('GET /api/schools with imported data', () => {
  it('marks each school imported or synthetic and the selection mixed', async () => {
    const { body } = await api.get('/api/schools?indicator=thd_share&year=2025&within=departement:15');
    const cols = body.columns as string[];
    const rows = body.rows as unknown[][];
    expect(cols[cols.length - 1]).toBe('provenance');
    expect(rows.map((r) => [r[0], r[cols.indexOf('value')], r[cols.indexOf('provenance')]])).toEqual([
      ['0150001A', 100, 'imported'],
      ['0150002B', 100, 'synthetic'],
    ]);
    expect(body).toMatchObject({ provenance: 'mixed', imported_share: 0.5, notice: MIXED_NOTICE, imports: [CANTAL] });
  });
  it('leaves the column empty for indicators no import can feed', async () => {
    const { body } = await api.get('/api/schools?indicator=ips&year=2022&within=departement:15');
    const cols = body.columns as string[];
    expect((body.rows as unknown[][]).map((r) => r[cols.indexOf('provenance')])).toEqual([null, null]);
    expect(body.provenance).toBe('open-data');
  });
});

describe('GET /api/series with imported data', () => {
  it('gives each year its provenance and the series its mix', async () => {
    const { body } = await api.get('/api/series?indicator=thd_share&territory=departement:15');
    expect(body).toMatchObject({ provenance: 'mixed', imported_share: 0.5, imports: [CANTAL] });
    const series = body.series as { year: number; provenance: string; imported_share: number | null; value: number | null }[];
    expect(series.find((s) => s.year === 2025)).toMatchObject({ value: 100, provenance: 'mixed', imported_share: 0.5, national_value: 75 });
    // years without any school value: the catalog's provenance, no share
    expect(series.find((s) => s.year === 2024)).toMatchObject({ value: null, provenance: 'synthetic', imported_share: null });
    const clermont = (await api.get('/api/series?indicator=thd_share&territory=commune:63113')).body;
    expect(clermont).toMatchObject({ provenance: 'imported', imported_share: 1, imports: [REGION(2)] });
    expect(clermont.notice).toBeUndefined();
  });
});

describe('GET /api/compare with imported data', () => {
  it('gives each value its provenance and each indicator the mix over the territories compared', async () => {
    const { body } = await api.get('/api/compare?territories=departement:15,departement:63&indicators=thd_share,pupils_per_device,ips&year=2025');
    const inds = body.indicators as Record<string, unknown>[];
    expect(inds[0]).toMatchObject({ id: 'thd_share', provenance: 'mixed', imported_share: 0.75, notice: MIXED_NOTICE, imports: [REGION(2), CANTAL] });
    // pupils_per_device: only 0630002D's devices are imported → 1 of the 4 schools
    expect(inds[1]).toMatchObject({ id: 'pupils_per_device', provenance: 'mixed', imported_share: 0.25, imports: [REGION(1)] });
    expect(inds[2]).toMatchObject({ id: 'ips', year: 2022, provenance: 'open-data' });
    expect(inds[2]).not.toHaveProperty('imported_share');
    const cols = body.territories as { code: string; values: Record<string, unknown>[] }[];
    expect(cols.map((c) => c.values.map((v) => [v.indicator, v.value, v.provenance, v.imported_share]))).toEqual([
      [['thd_share', 100, 'mixed', 0.5], ['pupils_per_device', 400 / 110, 'synthetic', 0], ['ips', 105, 'open-data', null]],
      [['thd_share', 50, 'imported', 1], ['pupils_per_device', 1000 / 240, 'mixed', 0.5], ['ips', 116, 'open-data', null]],
    ]);
    expect(cols[0]).not.toHaveProperty('imports');
    expect(cols[0]?.values[0]).not.toHaveProperty('imported_n');
  });
});

describe('GET /api/equity with imported data', () => {
  it('counts the units resting on imported, mixed and demo values and says it in the summary', async () => {
    const { body } = await api.get('/api/equity?indicator=thd_share&year=2025&within=academie:06');
    expect(body).toMatchObject({
      provenance: 'mixed',
      imported_share: 0.75,
      notice: MIXED_NOTICE,
      imports: [REGION(2), CANTAL],
      units_provenance: { imported: 2, mixed: 0, synthetic: 1, schools: 4, imported_schools: 3 },
    });
    expect(body.summary_fr).toMatch(/ Données en partie importées \(75\u00a0% des établissements\), en partie fictives\.$/);
    expect(body.summary_fr).not.toMatch(/Données fictives/);
  });
  it('by département: Cantal mixed, Puy-de-Dôme imported; by school: each school', async () => {
    const dep = (await api.get('/api/equity?indicator=thd_share&year=2025&within=region:84&by=departement')).body;
    expect(dep.units_provenance).toEqual({ imported: 1, mixed: 1, synthetic: 0, schools: 4, imported_schools: 3 });
    const schools = (await api.get('/api/equity?indicator=thd_share&year=2025&within=departement:63&by=school')).body;
    expect(schools).toMatchObject({ provenance: 'imported', imported_share: 1, units_provenance: { imported: 2, mixed: 0, synthetic: 0 } });
    expect(schools.notice).toBeUndefined();
    expect(schools.summary_fr).toMatch(/ Données importées par les partenaires\.$/);
  });
  it('stays « données fictives » where nothing is imported', async () => {
    const { body } = await api.get('/api/equity?indicator=recent_devices_share&year=2025&within=academie:06');
    expect(body).toMatchObject({ provenance: 'synthetic', imported_share: 0, notice: SYNTHETIC_NOTICE, units_provenance: { imported: 0, mixed: 0, synthetic: 3 } });
    expect(body.summary_fr).toMatch(/ Données fictives\.$/);
  });
});

describe('GET /api/territories/{level}/{code} with imported data', () => {
  it('names the bodies behind each imported or mixed figure of the profile', async () => {
    const { body } = await api.get('/api/territories/departement/63?year=2025');
    const byId = new Map((body.profile as { indicator: string }[]).map((e) => [e.indicator, e as Record<string, unknown>]));
    expect(byId.get('thd_share')).toMatchObject({ provenance: 'imported', imported_share: 1, imports: [REGION(2)] });
    expect(byId.get('thd_share')).not.toHaveProperty('notice');
    expect(byId.get('pupils_per_device')).toMatchObject({ provenance: 'mixed', imported_share: 0.5, notice: MIXED_NOTICE, imports: [REGION(1)] });
    expect(byId.get('recent_devices_share')).toMatchObject({ provenance: 'synthetic', imported_share: 0, notice: SYNTHETIC_NOTICE });
    expect(byId.get('recent_devices_share')).not.toHaveProperty('imports');
    expect(byId.get('ips')).toMatchObject({ provenance: 'open-data', imported_share: null });
    expect(byId.get('ips')).not.toHaveProperty('notice');
  });
});

describe('GET /api/export with imported data', () => {
  it('names the importing body and date on each row resting on imported values', async () => {
    const res = await api.app().request('/api/export?kind=map&indicator=thd_share&level=commune&year=2025');
    const lines = (await res.text()).split('\r\n');
    expect(lines.find((l) => l.includes(',15014,'))).toMatch(/,imported,,Département du Cantal — Données réelles importées[^,]*,import du 2026-03-01,selon l’organisme importateur,1$/);
    expect(lines.find((l) => l.includes(',15187,'))).toMatch(/,synthetic,données fictives : .*,0$/);
    expect(lines.find((l) => l.includes(',63113,'))).toMatch(/,imported,,Région Auvergne-Rhône-Alpes — .*,import du 2026-04-15,.*,1$/);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the provenance block and the new fields', async () => {
    const { body } = await api.get('/api/openapi.json');
    const schema = (body.components as { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }).schemas.Provenance;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['provenance', 'imported_share', 'notice', 'sources', 'imports']);
    expect(schema?.properties.provenance?.enum).toContain('mixed');
    const paths = body.paths as Record<string, { get: { description: string } }>;
    for (const p of ['/api/map', '/api/schools', '/api/series', '/api/compare', '/api/equity', '/api/territories/{level}/{code}']) expect(paths[p]?.get.description, p).toMatch(/imported_share/);
  });
});
