// The build on the real open-data mirror: row counts, join rate and invariants of the warehouse
// that `npm run data:build` produced (the global setup builds it when missing), cross-checked
// against figures recomputed here straight from the mirror's CSV files.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { resolveMirrorDir } from '../../scripts/sources/fetch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mirror = resolveMirrorDir(root);
const warehouseDir = path.join(root, 'data', 'warehouse');

let db: Warehouse;
const one = async (sql: string, params?: Record<string, string | number>) => (await db.query(sql, params))[0] ?? {};

describe.skipIf(!mirror || !existsSync(path.join(warehouseDir, 'warehouse.duckdb')))('warehouse built from the mirror', () => {
  beforeAll(async () => {
    db = await openWarehouse(warehouseDir);
  });
  afterAll(() => db?.close());

  it('has every territory of metropolitan France and the DROM at each level', async () => {
    const rows = await db.query(`SELECT level, count(*)::INTEGER AS n FROM territories GROUP BY level`);
    const n = Object.fromEntries(rows.map((r) => [r.level, r.n]));
    expect(n).toMatchObject({ region: 18, academie: 30, departement: 101, commune: 34875 });
    expect(n.epci).toBeGreaterThan(1200);
    expect(await one(`SELECT name, academie_code, region_code FROM territories WHERE level = 'departement' AND code = '15'`)).toEqual({
      name: 'Cantal',
      academie_code: '06',
      region_code: '84',
    });
  });

  it('lists the 7 communes without a polygon instead of dropping them', async () => {
    const rows = await db.query(`SELECT code FROM communes_without_geometry ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['14666', '15031', '15035', '15047', '15171', '85165', '85212']);
    expect(await one(`SELECT has_geometry, population FROM territories WHERE level = 'commune' AND code = '15031'`)).toEqual({ has_geometry: false, population: 217 });
  });

  it('joins at least 99.5 % of IPS rows to a current commune', () => {
    const build = JSON.parse(readFileSync(path.join(warehouseDir, 'build.json'), 'utf8')) as { joinRate: number };
    expect(build.joinRate).toBeGreaterThanOrEqual(0.995);
  });

  it('keeps every school of the IPS files, with exact positions for collèges', async () => {
    const counts = Object.fromEntries(
      (await db.query(`SELECT school_type, count(*)::INTEGER AS n, count(*) FILTER (position_quality = 'exact')::INTEGER AS exact FROM schools GROUP BY 1`)).map((r) => [r.school_type, r]),
    );
    expect(counts.ecole?.n).toBeGreaterThan(30_000);
    expect(counts.college?.n).toBeGreaterThan(6_900);
    expect(counts.lycee?.n).toBeGreaterThan(3_500);
    expect(Number(counts.college?.exact)).toBeGreaterThan(0.95 * Number(counts.college?.n));
    expect(counts.ecole?.exact).toBe(0);
    expect(await one(`SELECT count(*)::INTEGER AS n FROM schools WHERE position_quality = 'none'`)).toEqual({ n: 0 });
  });

  it('aggregates consistently: pupils of a département = sum over its communes', async () => {
    const rows = await db.query(`
      WITH by_dep AS (SELECT departement_code AS code, sum(num) AS v FROM facts WHERE indicator = 'pupils' AND year = 2022 GROUP BY 1),
           by_com AS (SELECT t.departement_code AS code, sum(f.v) AS v
                      FROM (SELECT commune_code, sum(num) AS v FROM facts WHERE indicator = 'pupils' AND year = 2022 GROUP BY 1) f
                      JOIN territories t ON t.level = 'commune' AND t.code = f.commune_code GROUP BY 1)
      SELECT count(*)::INTEGER AS deps, count(*) FILTER (abs(by_dep.v - by_com.v) > 1e-6)::INTEGER AS mismatches
      FROM by_dep JOIN by_com USING (code)`);
    expect(rows[0]).toEqual({ deps: 101, mismatches: 0 });
  });

  it('gives the Cantal the pupil-weighted IPS recomputed from the DEPP files', async () => {
    let num = 0;
    let den = 0;
    for (const file of ['ips/fr-en-ips-ecoles-ap2022.csv', 'ips/fr-en-ips-colleges-ap2022.csv', 'ips/fr-en-ips-lycees-ap2022.csv']) {
      const lines = readFileSync(path.join(mirror ?? '', file), 'utf8').split(/\r?\n/);
      const header = lines[0]?.replace(/^\uFEFF/, '').split(';') ?? [];
      const dep = header.indexOf('code_du_departement');
      const pupils = header.findIndex((h) => h === 'effectifs' || h === 'effectifs_ensemble_gt_pro');
      const ips = header.findIndex((h) => h === 'ips' || h === 'ips_ensemble_gt_pro');
      for (const line of lines.slice(1)) {
        const f = line.split(';');
        if (f[dep] !== '015' || !f[ips] || !f[pupils]) continue;
        num += Number(f[ips]) * Number(f[pupils]);
        den += Number(f[pupils]);
      }
    }
    const row = await one(`SELECT sum(num) / sum(den) AS ips FROM facts WHERE indicator = 'ips' AND year = 2022 AND departement_code = '15'`);
    expect(den).toBeGreaterThan(10_000);
    expect(row.ips).toBeCloseTo(num / den, 6);
  });

  it('has a demo row for every school and year 2019-2025, and only synthetic provenance on them', async () => {
    expect(await one(`SELECT (SELECT count(*) FROM schools) * 7 - (SELECT count(*) FROM school_demo) AS missing`)).toEqual({ missing: 0 });
    const prov = await db.query(`SELECT DISTINCT provenance FROM facts WHERE indicator IN ('thd_share', 'fibre_share', 'pupils_per_device', 'ent_active_share')`);
    expect(prov).toEqual([{ provenance: 'synthetic' }]);
  });

  it('re-codes the ARCEP 2018 communes to COG 2026 and keeps the T1 2018 counts', async () => {
    const row = await one(`SELECT sum(premises_ftth) AS ftth, count(*)::INTEGER AS n FROM commune_ftth`);
    expect(row.n).toBeGreaterThan(34_000);
    const text = readFileSync(path.join(mirror ?? '', 'arcep/ftthCommunes.csv'), 'utf8');
    let total = 0;
    for (const line of text.split('\n')) {
      const f = line.split(',');
      if (f[1] === 'Locaux Raccordables') total += Number(f[4]);
    }
    // every FttH premise of the file lands in a current commune (nothing lost in re-coding)
    expect(Number(row.ftth)).toBeGreaterThan(0.999 * total);
  });
});
