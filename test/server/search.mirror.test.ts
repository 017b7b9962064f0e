// GET /api/search on the warehouse built from the open-data mirror (skipped when it is absent):
// the examples, a real UAI, the TypeScript normalisation against the build's SQL one on
// every name, and the time of 50 searches (printed, not asserted: the machine is shared).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import type { SearchResult } from '../../server/routes/search.ts';
import { normalizeText } from '../../server/search/normalize.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const warehouseDir = path.join(root, 'data', 'warehouse');

let db: Warehouse;
let app: ReturnType<typeof createApp>;

const search = async (q: string) => {
  const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: SearchResult[] }).results;
};

describe.skipIf(!existsSync(path.join(warehouseDir, 'warehouse.duckdb')))('GET /api/search on the real warehouse', () => {
  beforeAll(async () => {
    db = await openWarehouse(warehouseDir);
    app = createApp({ db, log: () => {} });
  });
  afterAll(() => db?.close());

  it('indexes every territory and school', async () => {
    const rows = await db.query(`SELECT level, count(*)::INTEGER AS n FROM search_index GROUP BY level`);
    const n = Object.fromEntries(rows.map((r) => [r.level, r.n]));
    const schools = (await db.query(`SELECT count(*)::INTEGER AS n FROM schools`))[0]?.n;
    expect(n).toMatchObject({ region: 18, academie: 30, departement: 101, commune: 34875, school: schools });
    expect(n.epci).toBeGreaterThan(1200);
  });

  it('finds Clermont-Ferrand first for "clermont", then the académie', async () => {
    const results = await search('clermont');
    expect(results[0]).toMatchObject({ kind: 'territory', level: 'commune', code: '63113', name: 'Clermont-Ferrand', context: 'Puy-de-Dôme (63)' });
    expect(results[1]).toMatchObject({ level: 'academie', code: '06' });
    expect(results.length).toBe(20);
  });

  it.each(['st flour', 'SAINT-FLOUR', 'saint flour'])('finds Saint-Flour (15187) first for %j', async (q) => {
    expect((await search(q))[0]).toMatchObject({ level: 'commune', code: '15187', name: 'Saint-Flour', context: 'Cantal (15)' });
  });

  it('finds the département for "cantal" and "puy-de-dome"', async () => {
    expect((await search('cantal'))[0]).toMatchObject({ level: 'departement', code: '15' });
    expect((await search('puy-de-dome'))[0]).toMatchObject({ level: 'departement', code: '63' });
  });

  it('returns the school of a real UAI first, in any case', async () => {
    const school = (await db.query(`SELECT uai, name FROM schools WHERE departement_code = '15' ORDER BY uai LIMIT 1`))[0];
    const uai = String(school?.uai);
    for (const q of [uai, uai.toLowerCase()]) {
      expect((await search(q))[0]).toMatchObject({ kind: 'school', level: 'school', code: uai, name: school?.name });
    }
  });

  it('normalises every name in TypeScript exactly as the build did in SQL', async () => {
    const rows = await db.query(`SELECT DISTINCT name, norm FROM search_index`);
    const differ = rows.filter((r) => ` ${normalizeText(String(r.name))} ` !== r.norm).map((r) => `${r.name} → ${r.norm}`);
    expect(differ).toEqual([]);
  });

  it('answers 50 searches (time printed)', async () => {
    const words = ['clermont', 'st flour', 'cantal', 'aurillac', 'lyon', 'paris', 'marseille', 'le puy', 'riom', 'vichy'];
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      // a different query each time: the API's response cache must not answer
      const q = i < words.length ? (words[i] as string) : `${words[i % words.length]} ${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / words.length)]}`;
      const t0 = performance.now();
      await search(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const sum = times.reduce((a, b) => a + b, 0);
    console.log(`search: 50 queries in ${sum.toFixed(0)} ms, median ${times[25]?.toFixed(1)} ms, p95 ${times[47]?.toFixed(1)} ms, max ${times[49]?.toFixed(1)} ms`);
    expect(times).toHaveLength(50);
  });
});
