// GET /api/search in-process (app.request, no port) over the tiny fixture warehouse with its
// search extras: accent-, case- and hyphen-insensitive word prefixes, ranking, UAIs and codes,
// filters, and hostile input answered with 200 and safe results or a 400, never a 500.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import type { SearchResult } from '../../server/routes/search.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

let dir: string;
let db: Warehouse;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await makeTinyWarehouse({ searchExtras: true });
  db = await openWarehouse(dir);
  app = createApp({ db, log: () => {} });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Body {
  q?: string;
  results: SearchResult[];
  error?: { code: string; message: string; param: string | null };
}
const search = async (q: string, extra = '') => {
  const res = await app.request(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  return { status: res.status, body: (await res.json()) as Body };
};
const codes = (body: Body) => body.results.map((r) => `${r.level}:${r.code}`);

describe('GET /api/search: matching', () => {
  it('finds Clermont-Ferrand first for "clermont", ahead of the académie and the tiny "Clermont"', async () => {
    const { status, body } = await search('clermont');
    expect(status).toBe(200);
    expect(body.q).toBe('clermont');
    expect(codes(body).slice(0, 3)).toEqual(['commune:63113', 'academie:06', 'commune:60157']);
    expect(body.results[0]).toEqual({
      kind: 'territory', level: 'commune', code: '63113', name: 'Clermont-Ferrand', context: 'Puy-de-Dôme (63)', population: 1000, score: expect.any(Number),
    });
    // then the schools of Clermont-Ferrand, found by their commune (context)
    expect(codes(body).slice(3).sort()).toEqual(['school:0630001C', 'school:0630002D', 'school:0630003E']);
  });

  it.each(['st flour', 'SAINT-FLOUR', 'saint flour', 'Saint-Flour', 'st-flour', 'flour st', ' saint  flour '])('finds Saint-Flour first for %j', async (q) => {
    const { status, body } = await search(q);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ kind: 'territory', level: 'commune', code: '15187', name: 'Saint-Flour', context: 'Cantal (15)', population: 100 });
  });

  it('ranks the whole name, then names starting with the query, then words anywhere, then context', async () => {
    const { body } = await search('saint flour');
    expect(codes(body)).toEqual(['commune:15187', 'epci:200066660', 'school:0150002B']);
    const [commune, epci, school] = body.results.map((r) => r.score);
    expect(commune).toBeGreaterThan(epci ?? Infinity); // 1.0 + importance > 0.8 + importance
    expect(epci).toBeGreaterThan(school ?? Infinity); // 0.8 > 0.5 (Saint-Flour is only the school's commune)
    expect(body.results[1]).toMatchObject({ context: 'intercommunalité · Cantal (15)' });
  });

  it('finds the département for "cantal", then its communes by population', async () => {
    const { body } = await search('cantal');
    expect(body.results[0]).toMatchObject({ level: 'departement', code: '15', name: 'Cantal', context: 'département (15) · Auvergne-Rhône-Alpes' });
    expect(codes(body).slice(1, 3)).toEqual(['commune:15014', 'commune:15187']);
  });

  it.each(['PUY-DE-DÔME', 'puy de dome', 'dôme puy', 'puy-de-d'])('is accent-, case-, order- and hyphen-insensitive: %j', async (q) => {
    const { body } = await search(q);
    expect(codes(body)[0]).toBe('departement:63');
  });

  it('matches word prefixes, not inner substrings', async () => {
    expect(codes((await search('aur')).body)[0]).toBe('commune:15014');
    expect(codes((await search('ferrand')).body)[0]).toBe('commune:63113');
    expect((await search('ermont')).body.results).toEqual([]);
    expect((await search('lour')).body.results).toEqual([]);
  });

  it('finds schools by name with abbreviations and ligatures normalised at build time', async () => {
    const joseph = (await search('saint joseph')).body;
    expect(joseph.results[0]).toEqual({
      kind: 'school', level: 'school', code: '0150003C', name: 'ECOLE PRIMAIRE PRIVEE ST JOSEPH', context: 'Aurillac · école · privé', pupils: null, score: expect.any(Number),
    });
    expect(codes((await search('oeuvre lucie')).body)[0]).toBe('school:0630003E');
    expect(codes((await search('collège l’œuvre')).body)[0]).toBe('school:0630003E');
  });

  it.each(['0150002B', '0150002b', ' 0150002b '])('returns the school of a UAI first: %j', async (q) => {
    const { body } = await search(q);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ kind: 'school', code: '0150002B', context: 'Saint-Flour · collège · privé', pupils: 300 });
    expect(body.results[0]?.score).toBeCloseTo(2 + 0.1 * Math.log10(301), 3); // code match + importance
  });

  it('returns a territory for its code', async () => {
    expect(codes((await search('63113')).body)[0]).toBe('commune:63113');
    const dep = codes((await search('15')).body);
    expect(dep[0]).toBe('departement:15');
    expect(dep).toContain('commune:15187'); // "(15)" is part of a commune's context
  });

  it('answers 200 with an empty list when nothing matches', async () => {
    const { status, body } = await search('zzzzzz');
    expect(status).toBe(200);
    expect(body).toEqual({ q: 'zzzzzz', results: [] });
    expect((await search('9999999Z')).body.results).toEqual([]);
  });
});

describe('GET /api/search: options', () => {
  it('filters by kind', async () => {
    const schools = (await search('clermont', '&kind=school')).body.results;
    expect(schools.length).toBe(3);
    expect(schools.every((r) => r.kind === 'school')).toBe(true);
    const territories = (await search('clermont', '&kind=territory')).body.results;
    expect(territories.every((r) => r.kind === 'territory')).toBe(true);
    expect((await search('0150002B', '&kind=territory')).body.results).toEqual([]);
  });

  it('caps the results with limit (default and most 20)', async () => {
    expect((await search('clermont', '&limit=1')).body.results.map((r) => r.code)).toEqual(['63113']);
    expect((await search('clermont', '&limit=20')).body.results).toHaveLength(6);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=21', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=1.5', 'limit'],
    ['kind=commune', 'kind'],
  ])('rejects %s with 400', async (extra, param) => {
    const { status, body } = await search('clermont', `&${extra}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_parameter', message: expect.any(String), param } });
  });
});

describe('GET /api/search: hostile or empty input', () => {
  it.each([
    ['missing q', '/api/search'],
    ['empty q', '/api/search?q='],
    ['only spaces', '/api/search?q=%20%20%20'],
    ['only blanks', '/api/search?q=%09%0A'],
    ['5,000 characters', `/api/search?q=${'a'.repeat(5000)}`],
    ['101 characters', `/api/search?q=${'a'.repeat(101)}`],
    ['6,000 characters of SQL', `/api/search?q=${encodeURIComponent("' OR 1=1 -- ".repeat(500))}`],
    ['q twice', '/api/search?q=a&q=b'],
  ])('%s → 400 naming q', async (_what, url) => {
    const res = await app.request(url);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_parameter', message: expect.any(String), param: 'q' } });
  });

  it.each(["' OR 1=1 --", "'; DROP TABLE search_index; --", '%', '_', '%%', '%_%', '\\', '"', '$t1', '$code', '\u0000', '*', '.*', '()'])(
    '%j → 200 and nothing (its words match no name, a wildcard is not a word)',
    async (q) => {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(body.q).toBe(q.trim());
      expect(body.results).toEqual([]);
    },
  );

  it('treats LIKE wildcards as nothing: "a%" finds what "a" finds, not everything', async () => {
    const withWildcard = (await search('a%')).body.results;
    expect(withWildcard).toEqual((await search('a')).body.results);
    expect(withWildcard.length).toBeGreaterThan(0);
    expect(withWildcard.length).toBeLessThan(10);
  });

  it('answers a 100-character query of many words', async () => {
    const q = 'saint flour '.repeat(9).slice(0, 100);
    const { status, body } = await search(q);
    expect(status).toBe(200);
    expect(body.results.length).toBeLessThanOrEqual(20);
  });

  it('still works after hostile queries (the table is intact)', async () => {
    await search("'; DROP TABLE search_index; --");
    expect(codes((await search('clermont')).body)[0]).toBe('commune:63113');
  });
});
