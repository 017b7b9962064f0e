// An official release imported with its importer (scripts/import/releases/) is reachable through
// the API of a running server without a code change: the server follows the warehouse link
// (followWarehouse, as server/index.ts), and the years it serves are those of the new version's
// facts (server/indicators/years.ts). On the small project of real codes (releaseProject.ts).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { followWarehouse, type FollowingWarehouse } from '../../server/db/warehouse.ts';
import { fileImportKind } from '../../scripts/import/kinds.ts';
import type { TinyProject } from './project.ts';
import { makeReleaseProject } from './releaseProject.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
type Body = Record<string, unknown>;
interface Ind {
  id: string;
  years: number[];
  yearDetails: { year: number; provenance: string | null; vintage: string }[];
  sources: { vintage: string }[];
}

let p: TinyProject;
let db: FollowingWarehouse;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  p = await makeReleaseProject();
  db = await followWarehouse(path.join(p.dataDir, 'warehouse'), { pollMs: 60_000, log: () => {} });
  app = createApp({ db, log: () => {} });
});
afterEach(() => {
  db.close();
  p.remove();
});

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Body };
};
const indicator = async (id: string) => ((await get('/api/indicators')).body.indicators as Ind[]).find((i) => i.id === id) as Ind;
const importFile = async (kind: string, file: string) => {
  const k = fileImportKind(kind);
  if (!k) throw new Error(`no kind ${kind}`);
  const r = await k.run({ dataDir: p.dataDir, file: path.join(FIXTURES, file), body: 'Rectorat de Clermont-Ferrand', actor: 'test', now: () => new Date('2026-11-28T12:00:00Z') });
  expect(r.status).toBe('applied');
  expect(await db.refresh()).toBe(true);
};

describe('a release imported under a running server', () => {
  it('ips: rentrée 2023 becomes a year of the catalog, the map and the default', async () => {
    expect((await indicator('ips')).years).toEqual([2021, 2022]);
    expect((await get('/api/map?indicator=ips&level=departement&year=2023')).status).toBe(400);

    await importFile('ips', 'ips-colleges-2023.csv');
    const ips = await indicator('ips');
    expect(ips.years).toEqual([2021, 2022, 2023]);
    expect(ips.sources[0]?.vintage).toBe('rentrées 2021 à 2023');
    const map = await get('/api/map?indicator=ips&level=departement&year=2023');
    expect(map.status).toBe(200);
    // the two collèges of the file are in Puy-de-Dôme: (74.1 × 410 + 96.3 × 452) / 862
    expect((map.body.values as { code: string; value: number }[]).find((v) => v.code === '63')?.value).toBeCloseTo((74.1 * 410 + 96.3 * 452) / 862, 3);
    expect((await get('/api/map?indicator=ips&level=departement')).body.year).toBe(2023);
  });

  it('arcep: the imported quarter is a year of ftth_share, open data, beside the historical 2018 one', async () => {
    await importFile('arcep', 'arcep-ftth-communes-2024T2.csv');
    const ftth = await indicator('ftth_share');
    expect(ftth.years).toEqual([2017, 2023]);
    expect(ftth.yearDetails).toEqual([
      { year: 2017, provenance: 'historical', vintage: 'T1 2018 (historique)' },
      { year: 2023, provenance: 'open-data', vintage: 'T2 2024' },
    ]);
    const now = await get('/api/map?indicator=ftth_share&level=departement&year=2023');
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ provenance: 'open-data', sources: [{ vintage: 'T2 2024' }] });
    expect(now.body.notice).toBeUndefined();
    const then = await get('/api/map?indicator=ftth_share&level=departement&year=2017');
    expect(then.body).toMatchObject({ provenance: 'historical', sources: [{ vintage: 'T1 2018 (historique)' }] });
  });
});
