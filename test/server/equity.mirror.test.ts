// GET /api/equity on the warehouse built from the open-data mirror (skipped when it is absent):
// the communes of the académie de Clermont-Ferrand (06). Cross-checks against the warehouse and
// /api/map, the decomposition identity, the contiguity actually used, and reproducibility across
// two fresh apps (fixed seed). Times are printed, not asserted (the machine is shared).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const warehouseDir = path.join(root, 'data', 'warehouse');
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let db: Warehouse;
const get = async (url: string, app = createApp({ db, log: () => {} })) => {
  const t0 = performance.now();
  const res = await app.request(url);
  const body = (await res.json()) as Body;
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return { body, ms: performance.now() - t0 };
};

describe.skipIf(!existsSync(path.join(warehouseDir, 'warehouse.duckdb')))('GET /api/equity on the real warehouse (académie 06)', () => {
  const url = '/api/equity?indicator=thd_share&year=2025&within=academie:06&by=commune';
  let body: Body;

  beforeAll(async () => {
    db = await openWarehouse(warehouseDir);
    const r = await get(url);
    body = r.body;
    console.info(`equity.mirror: académie 06 by commune in ${r.ms.toFixed(0)} ms (first request, fresh app)`);
  });
  afterAll(() => db?.close());

  it('covers every commune of the académie with a value, and its mean is the académie’s ratio of sums', async () => {
    const [row] = await db.query(`SELECT count(DISTINCT commune_code)::INTEGER AS n, 100 * sum(num) / sum(den) AS v FROM facts WHERE indicator = 'thd_share' AND year = 2025 AND academie_code = '06'`);
    expect(body.units).toBe(row?.n);
    expect(body.units).toBeGreaterThan(500);
    expect(body.measures.mean).toBeCloseTo(Number(row?.v), 3);
    const map = (await get('/api/map?indicator=thd_share&level=academie&year=2025&within=region:84')).body;
    expect(body.measures.mean).toBeCloseTo((map.values as Body[]).find((v) => v.code === '06')?.value, 3);
    expect(body.notice).toMatch(/données fictives/);
  });

  it('has coherent measures and an exact Theil decomposition over the four départements', () => {
    const m = body.measures;
    expect(m.gini).toBeGreaterThan(0);
    expect(m.gini).toBeLessThan(1);
    expect(m.p10).toBeLessThanOrEqual(m.p90);
    expect(m.top_bottom_fifth_gap.bottom).toBeLessThanOrEqual(m.mean);
    expect(m.top_bottom_fifth_gap.top).toBeGreaterThanOrEqual(m.mean);
    expect(m.theil.between + m.theil.within).toBeCloseTo(m.theil.total, 5);
    expect(m.theil.groups.map((g: Body) => g.code)).toEqual(['03', '15', '43', '63']);
    expect(m.theil.groups.reduce((s: number, g: Body) => s + g.units, 0)).toBe(body.units);
  });

  it('runs Moran and LISA over queen contiguity of the académie’s communes', async () => {
    const s = body.spatial;
    expect(s.neighbourhood).toBe('queen contiguity');
    expect(s.units + s.excluded_without_neighbour).toBe(body.units);
    expect(s.moran.expected).toBeCloseTo(-1 / (s.units - 1), 8);
    expect(s.moran).toMatchObject({ permutations: 999, seed: 20260101 });
    expect(s.moran.p_value).toBeGreaterThanOrEqual(0.001);
    expect(Object.values(s.lisa.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.units);
    for (const c of s.lisa.clusters as Body[]) {
      expect(['03', '15', '43', '63']).toContain(c.code.slice(0, 2));
      expect(c.p).toBeLessThanOrEqual(0.05);
    }
    const [pair] = await db.query(`SELECT count(*)::INTEGER AS n FROM commune_neighbors WHERE code = '63113' AND neighbor = '63075'`);
    expect(pair?.n).toBe(1); // Clermont-Ferrand – Chamalières
    const [sizes] = await db.query(`SELECT (SELECT count(*) FROM commune_neighbors)::INTEGER AS links, (SELECT count(*) FROM commune_points)::INTEGER AS points`);
    expect(sizes).toEqual({ links: 2 * 103_938, points: 34_875 }); // every commune has a point, those without polygon at their host's
  });

  it('gives the same answer from a fresh app (seeded permutations)', async () => {
    expect((await get(url)).body).toEqual(body);
  });

  it('answers by school in the Cantal, with the 8 nearest schools', async () => {
    const r = await get('/api/equity?indicator=thd_share&year=2025&within=departement:15&by=school');
    const [row] = await db.query(`SELECT count(*)::INTEGER AS n FROM facts WHERE indicator = 'thd_share' AND year = 2025 AND departement_code = '15'`);
    expect(r.body.units).toBe(row?.n);
    expect(r.body.spatial).toMatchObject({ neighbourhood: 'k=8 nearest', units: row?.n, excluded_without_neighbour: 0 });
    expect(r.body.group_level).toBe('commune');
    console.info(`equity.mirror: Cantal by school in ${r.ms.toFixed(0)} ms`);
  });
});
