// The official-release kinds through every channel: the HTTP endpoint (kind=annuaire|arcep…),
// the CLI (`npm run data -- import ips …`: exit codes, the report, an import killed while writing
// its new version), and a rebuild, which keeps the imported releases (carried over and applied
// again by sql/releases.sql).
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseSources, writeWarehouse } from '../../scripts/build/warehouse.ts';
import { fileImportKind } from '../../scripts/import/kinds.ts';
import { createApp } from '../../server/app.ts';
import { followWarehouse, type FollowingWarehouse } from '../../server/db/warehouse.ts';
import { servedSnapshot, writeInput } from './helpers.ts';
import type { TinyProject } from './project.ts';
import { RELEASE_FIXTURE_VERSION, RELEASE_FTTH, RELEASE_POINTS, RELEASE_SCHOOLS, RELEASE_SCHOOL_YEARS, RELEASE_TERRITORIES, makeReleaseProject } from './releaseProject.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(root, 'test', 'import', 'fixtures');
const TOKEN = 'test-token-0123456789';

let p: TinyProject;
beforeEach(async () => {
  p = await makeReleaseProject();
});
afterEach(() => p.remove());

describe('POST /api/admin/imports with an official release kind', () => {
  let db: FollowingWarehouse;
  let uploads: string;
  beforeEach(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'uploads-'));
    db = await followWarehouse(path.join(p.dataDir, 'warehouse'), { pollMs: 50, log: () => {} });
  });
  afterEach(() => {
    db.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('previews (200), applies (201) and refuses (422) an Annuaire file; the app serves the exact positions at once', async () => {
    const app = createApp({ db, log: () => {}, admin: { dataDir: p.dataDir, token: TOKEN, uploadDir: uploads, onPublished: () => db.refresh() } });
    const post = (query: string, body: string) => app.request(`/api/admin/imports?${query}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' }, body });
    const file = readFileSync(path.join(FIXTURES, 'annuaire-education-extrait.csv'), 'utf8');
    const dry = await post('kind=annuaire&dry_run=true&body=Rectorat&file_name=annuaire.csv', file);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ kind: 'annuaire', status: 'dry_run', would_apply: true, release: { counts: { schools_added: 1 } } });
    const applied = await post('kind=annuaire&body=Rectorat&file_name=annuaire.csv', file);
    expect(applied.status).toBe(201);
    const schools = (await (await app.request('/api/schools?indicator=ips&year=2022&within=departement:15')).json()) as { columns: string[]; rows: unknown[][] };
    const q = schools.columns.indexOf('position_quality');
    expect(schools.rows.find((r) => r[0] === '0150427H')?.[q]).toBe('exact');
    expect(schools.rows.some((r) => r[0] === '0150485W')).toBe(true);
    const refused = await post('kind=arcep&body=Rectorat', 'Code commune;Meilleure estimation des locaux à date;T2 2024\n99999;10;1\n');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ kind: 'arcep', status: 'refused', problems: [{ line: 2, column: 'Code commune', code: 'unknown_commune' }] });
    const audit = (await (await app.request('/api/admin/imports', { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { entries: { kind: string; status: string }[] };
    expect(audit.entries.map((e) => [e.kind, e.status])).toEqual([['annuaire', 'applied'], ['arcep', 'refused']]);
  });
});

function data(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'data.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: p.dataDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const waitFor = async (re: RegExp) => {
    for (let i = 0; i < 600 && !re.test(err); i++) await new Promise((r) => setTimeout(r, 50));
    if (!re.test(err)) throw new Error(`no ${re} in ${err}`);
  };
  return { pid: child.pid ?? 0, code, stdout: () => out, stderr: () => err, waitFor, kill: (s: NodeJS.Signals) => child.kill(s) };
}

describe('npm run data -- import <release kind>', () => {
  it('exit 0 applied with the source in the report, 1 refused with "line N, column …", 2 for an unknown kind', async () => {
    const ok = data(['import', 'ips', path.join(FIXTURES, 'ips-ecoles-2023.csv'), '--body', 'DEPP']);
    expect(await ok.code).toBe(0);
    expect(ok.stdout()).toMatch(/ips import imp-\S+: APPLIED/);
    expect(ok.stdout()).toMatch(/source: DEPP \(ministère de l’Éducation nationale\), IPS des écoles, rentrée 2023-2024/);
    const bad = writeInput(p, 'bad.csv', 'rentree_scolaire;uai;ips\n2023-2024;0150427J;100\n');
    const refused = data(['import', 'ips', bad]);
    expect(await refused.code).toBe(1);
    expect(refused.stdout()).toMatch(/line 2, column uai \(#2\): wrong check letter: UAI check letter should be H/);
    const unknown = data(['import', 'cadastre', bad]);
    expect(await unknown.code).toBe(2);
    expect(unknown.stderr()).toMatch(/unknown import kind "cadastre": measures, ips, annuaire, arcep, boundaries or objectives/);
  });

  it('an Annuaire import killed while writing leaves the served version intact, and the next one runs', async () => {
    const before = await servedSnapshot(p);
    const child = data(['import', 'annuaire', path.join(FIXTURES, 'annuaire-education-extrait.csv')], { DATA_IMPORT_TEST_PAUSE_MS: '60000' });
    await child.waitFor(/test pause of 60000 ms while writing/);
    child.kill('SIGKILL');
    expect(await child.code).toBe(null);
    expect(readlinkSync(path.join(p.dataDir, 'warehouse'))).toBe(path.join('builds', RELEASE_FIXTURE_VERSION));
    expect((await servedSnapshot(p)).pages).toEqual(before.pages);
    const k = fileImportKind('annuaire');
    const r = await k?.run({ dataDir: p.dataDir, file: path.join(FIXTURES, 'annuaire-education-extrait.csv'), body: 'test', actor: 'test' });
    expect(r?.status).toBe('applied');
  });
});

describe('a rebuild after release imports', () => {
  it('carries the releases over and applies them again to the freshly built tables', async () => {
    const run = (kind: string, file: string) => fileImportKind(kind)?.run({ dataDir: p.dataDir, file: path.join(FIXTURES, file), body: 'test', actor: 'test' });
    await run('annuaire', 'annuaire-education-extrait.csv');
    await run('arcep', 'arcep-ftth-communes-2024T2.csv');
    await run('ips', 'ips-colleges-2023.csv');
    const dir = mkdtempSync(path.join(tmpdir(), 'rebuilt-'));
    try {
      const file = path.join(dir, 'warehouse.duckdb');
      await writeWarehouse(file, {
        territories: RELEASE_TERRITORIES, withoutGeometry: [], aliases: new Map(), schools: RELEASE_SCHOOLS, schoolYears: RELEASE_SCHOOL_YEARS,
        ftth: RELEASE_FTTH, demo: [], communePoints: RELEASE_POINTS, meta: { build_id: 'rebuilt' },
        carryImportsFrom: path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'),
      });
      const dbi = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
      const conn = await dbi.connect();
      const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
      expect(await q(`SELECT position_quality, lon FROM schools WHERE uai = '0150427H'`)).toEqual([{ position_quality: 'exact', lon: 2.4462 }]);
      expect(await q(`SELECT count(*)::INTEGER AS n FROM schools WHERE uai = '0150485W'`)).toEqual([{ n: 1 }]);
      expect(await q(`SELECT count(*)::INTEGER AS n FROM facts WHERE indicator = 'ftth_share' AND year = 2023 AND provenance = 'open-data'`)).toEqual([{ n: 3 }]);
      expect(await q(`SELECT ips FROM school_years WHERE uai = '0631502R' AND year = 2023`)).toEqual([{ ips: 74.1 }]);
      expect(await q(`SELECT kind FROM release_sources ORDER BY imported_at`)).toEqual([{ kind: 'annuaire' }, { kind: 'arcep' }, { kind: 'ips' }]);
      conn.closeSync();
      dbi.closeSync();
      // and build.json lists their sources beside the build's own (scripts/build/index.ts)
      expect((await releaseSources(file)).map((s) => [s.id, s.vintage, s.origin])).toEqual([
        ['annuaire-education-2025-10-02', 'extraction du 2025-10-02 (rentrée 2025-2026)', 'import'],
        ['arcep-ftth-communes-T2-2024', 'T2 2024', 'import'],
        ['ips-colleges-2022-2023', 'rentrée 2022-2023, 2023-2024', 'import'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
