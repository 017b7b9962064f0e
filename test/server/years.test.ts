// The years each indicator has come from the served warehouse (server/indicators/years.ts): an
// imported official release (the tiny fixture's `release`: IPS rentrée 2023 and the ARCEP quarter
// T3 2024) is reachable in /api/indicators, the map, the series, the profile and the equity
// measures without a code change; a year the warehouse lacks answers 400 listing the available
// ones; a hot swap to a version with more years updates them.
import { mkdtempSync, rmSync, symlinkSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { followWarehouse, type FollowingWarehouse } from '../../server/db/warehouse.ts';
import { HISTORICAL_NOTICE } from '../../server/provenance.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';
import { useTinyApi } from './helpers.ts';

type Body = Record<string, unknown>;
interface Ind {
  id: string;
  years: number[];
  yearDetails: { year: number; provenance: string | null; vintage: string }[];
  provenance: string;
  label: { fr: string; en: string };
  sources: { id: string; vintage: string }[];
}
const indicatorsOf = (body: Body) => new Map((body.indicators as Ind[]).map((i) => [i.id, i]));
const valueOf = (body: Body, code: string) => (body.values as { code: string; value: number | null }[]).find((v) => v.code === code)?.value;

describe('a warehouse holding an imported release', () => {
  const api = useTinyApi({ release: true });

  it('lists the new years in /api/indicators, each with its provenance and vintage', async () => {
    const { status, body } = await api.get('/api/indicators');
    expect(status).toBe(200);
    expect(body.build).toBe('tiny-release');
    const inds = indicatorsOf(body);
    const ips = inds.get('ips') as Ind;
    expect(ips.years).toEqual([2021, 2022, 2023]);
    expect(ips.sources[0]?.vintage).toBe('rentrées 2021 à 2023');
    expect(ips.yearDetails.find((d) => d.year === 2023)).toEqual({ year: 2023, provenance: 'open-data', vintage: 'rentrée 2023' });
    const ftth = inds.get('ftth_share') as Ind;
    expect(ftth.years).toEqual([2017, 2024]);
    expect(ftth.yearDetails).toEqual([
      { year: 2017, provenance: 'historical', vintage: 'T1 2018 (historique)' },
      { year: 2024, provenance: 'open-data', vintage: 'T3 2024' },
    ]);
    // the latest year is open data; the label no longer says "(2018)"
    expect(ftth.provenance).toBe('open-data');
    expect(ftth.label.fr).toBe('Locaux raccordables à la fibre');
    expect(ftth.sources[0]?.vintage).toBe('T1 2018 (historique) ; T3 2024');
    // the IPS file's headcounts give pupils their year too; untouched indicators keep the catalog's years and texts
    expect(inds.get('pupils')?.years).toEqual([2022, 2023]);
    expect(inds.get('population')).toMatchObject({ years: [2023], sources: [{ vintage: 'COG 2026' }] });
    expect(inds.get('thd_share')?.sources[0]?.vintage).toBe('rentrées 2019 à 2025 (simulées)');
  });

  it('maps the new IPS year (200) and defaults to it', async () => {
    const res = await api.get('/api/map?indicator=ips&level=departement&year=2023');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ indicator: 'ips', year: 2023, provenance: 'open-data' });
    expect(valueOf(res.body, '15')).toBe(95);
    expect(valueOf(res.body, '63')).toBe(105);
    const latest = await api.get('/api/map?indicator=ips&level=departement');
    expect(latest.body.year).toBe(2023);
  });

  it('answers 400 for a year the warehouse lacks, listing those it has', async () => {
    const { status, body } = await api.get('/api/map?indicator=ips&level=departement&year=2024');
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'unknown_year', message: 'indicator ips has no year 2024; available: 2021, 2022, 2023', param: 'year' });
  });

  it('labels each FttH year with its own provenance: T1 2018 historical, the imported quarter open data', async () => {
    const now = await api.get('/api/map?indicator=ftth_share&level=departement&year=2024');
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ year: 2024, provenance: 'open-data', sources: [{ id: 'arcep-ftth', vintage: 'T3 2024' }] });
    expect(now.body.notice).toBeUndefined();
    expect(valueOf(now.body, '15')).toBe(60);
    const then = await api.get('/api/map?indicator=ftth_share&level=departement&year=2017');
    expect(then.body).toMatchObject({ year: 2017, provenance: 'historical', notice: HISTORICAL_NOTICE, sources: [{ vintage: 'T1 2018 (historique)' }] });
    expect(valueOf(then.body, '15')).toBe(10);
  });

  it('follows the series over every served year, each point with its provenance', async () => {
    const ips = (await api.get('/api/series?indicator=ips&territory=departement:15')).body;
    expect((ips.series as Body[]).map((s) => [s.year, s.value])).toEqual([[2021, 80], [2022, 105], [2023, 95]]);
    const ftth = (await api.get('/api/series?indicator=ftth_share&territory=departement:15')).body;
    expect((ftth.series as Body[]).map((s) => [s.year, s.value, s.provenance])).toEqual([[2017, 10, 'historical'], [2024, 60, 'open-data']]);
  });

  it('uses the new years in the profile, compare, equity and schools endpoints', async () => {
    const profile = (await api.get('/api/territories/departement/15')).body;
    const entries = profile.profile as Body[];
    const ips = entries.find((e) => e.indicator === 'ips');
    expect(ips).toMatchObject({ year: 2023, value: 95 });
    const ftth = entries.find((e) => e.indicator === 'ftth_share');
    expect(ftth).toMatchObject({ year: 2024, provenance: 'open-data' });
    const compare = (await api.get('/api/compare?territories=departement:15,departement:63&indicators=ips,ftth_share&year=2017')).body;
    // 2017: ips has no year that early (its latest, the release's, is shown), ftth_share is the historical T1 2018
    expect((compare.indicators as Body[]).map((i) => [i.id, i.year, i.provenance])).toEqual([['ips', 2023, 'open-data'], ['ftth_share', 2017, 'historical']]);
    const equity = await api.get('/api/equity?indicator=ftth_share&year=2024&within=departement:15');
    expect(equity.status).toBe(200);
    expect(equity.body).toMatchObject({ year: 2024, provenance: 'open-data' });
    const schools = await api.get('/api/schools?indicator=ips&year=2023&within=departement:15');
    expect(schools.status).toBe(200);
  });
});

describe('a warehouse without the release', () => {
  const api = useTinyApi();

  it('serves the declared years: a release year answers 400', async () => {
    const inds = indicatorsOf((await api.get('/api/indicators')).body);
    expect(inds.get('ips')?.years).toEqual([2021, 2022]);
    expect(inds.get('ftth_share')).toMatchObject({ years: [2017], provenance: 'historical', label: { fr: 'Locaux raccordables à la fibre (2018)' } });
    const { status, body } = await api.get('/api/map?indicator=ips&level=departement&year=2023');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'unknown_year', message: 'indicator ips has no year 2023; available: 2021, 2022', param: 'year' });
  });
});

describe('a hot swap to a version with more years', () => {
  let root = '';
  let before = '';
  let after = '';
  let db: FollowingWarehouse;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'served-years-'));
    [before, after] = await Promise.all([makeTinyWarehouse(), makeTinyWarehouse({ release: true })]);
    symlinkSync(before, path.join(root, 'warehouse'));
    db = await followWarehouse(path.join(root, 'warehouse'), { pollMs: 60_000, log: () => {} });
    app = createApp({ db, log: () => {} });
  });
  afterAll(() => {
    db.close();
    for (const d of [root, before, after]) rmSync(d, { recursive: true, force: true });
  });
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, body: (await res.json()) as Body };
  };

  it('updates the years served, the validation and the default year', async () => {
    expect(indicatorsOf((await get('/api/indicators')).body).get('ips')?.years).toEqual([2021, 2022]);
    expect((await get('/api/map?indicator=ips&level=departement&year=2023')).status).toBe(400);
    expect((await get('/api/map?indicator=ips&level=departement')).body.year).toBe(2022);

    // swap the link atomically, as a build or an import does
    symlinkSync(after, path.join(root, 'next'));
    renameSync(path.join(root, 'next'), path.join(root, 'warehouse'));
    expect(await db.refresh()).toBe(true);

    const inds = indicatorsOf((await get('/api/indicators')).body);
    expect(inds.get('ips')?.years).toEqual([2021, 2022, 2023]);
    expect(inds.get('ftth_share')?.years).toEqual([2017, 2024]);
    const map = await get('/api/map?indicator=ips&level=departement&year=2023');
    expect(map.status).toBe(200);
    expect(valueOf(map.body, '15')).toBe(95);
    expect((await get('/api/map?indicator=ips&level=departement')).body.year).toBe(2023);
    const bad = await get('/api/map?indicator=ips&level=departement&year=2024');
    expect((bad.body.error as Body).message).toBe('indicator ips has no year 2024; available: 2021, 2022, 2023');
  });
});
