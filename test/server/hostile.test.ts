// Bad and hostile input on every endpoint: unknown ids, wrong types, huge values, SQL fragments,
// path traversal and very long strings get a 4xx JSON error naming the parameter, never a 500
// nor a stack trace.
import { describe, expect, it } from 'vitest';
import { useTinyApi } from './helpers.ts';

const api = useTinyApi();
const LONG = 'x'.repeat(10_000);
const SQL = encodeURIComponent("15' OR '1'='1'; DROP TABLE facts; --");

const cases: [string, string][] = [
  [`/api/map?indicator=ips&level=departement&within=departement:${SQL}`, 'within'],
  [`/api/map?indicator=${SQL}&level=departement`, 'indicator'],
  [`/api/map?indicator=ips&level=${LONG}`, 'level'],
  ['/api/map?indicator=ips&level=departement&year=99999999999', 'year'],
  ['/api/map?indicator=ips&level=departement&year=-1', 'year'],
  ['/api/map?indicator=ips&level=departement&school_type=universite', 'school_type'],
  ['/api/map?indicator=ips&level=departement&sector=1', 'sector'],
  [`/api/territories?level=commune&within=${LONG}`, 'within'],
  ['/api/territories/departement/..%2F..%2Fetc%2Fpasswd', 'code'],
  ['/api/territories/pays/FR', 'level'],
  [`/api/territories/departement/15?year=${LONG}`, 'year'],
  [`/api/schools?indicator=ips&within=${SQL}`, 'within'],
  ['/api/schools?indicator=ips&year=2022.5', 'year'],
  [`/api/series?indicator=ips&territory=${LONG}`, 'territory'],
  [`/api/compare?territories=${LONG}`, 'territories'],
  [`/api/compare?territories=departement:15&indicators=${SQL}`, 'indicators'],
  [`/api/export?indicator=ips&level=departement&format=${SQL}`, 'format'],
  [`/api/export?kind=${LONG}&indicator=ips`, 'kind'],
];

describe('hostile input', () => {
  it.each(cases)('%s → 4xx naming %s', async (url, param) => {
    const res = await api.get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String), param } });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|DROP TABLE|Error:/);
  });

  it('still answers normally after all of that (nothing was dropped)', async () => {
    const res = await api.get('/api/map?indicator=ips&level=departement&year=2022');
    expect(res.status).toBe(200);
    expect((res.body.values as unknown[]).length).toBe(2);
  });

  it('answers a POST on a GET route with a JSON 404', async () => {
    const res = await api.app().request('/api/map', { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
