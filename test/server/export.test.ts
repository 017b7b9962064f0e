// In-process tests of /api/export (CSV, GeoJSON, Parquet) on the tiny fixture warehouse, and of
// the OpenAPI document and reference page generated from the validation schemas.
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, SCHOOL_TYPES } from '../../server/indicators/catalog.ts';
import { useTinyApi } from './helpers.ts';

const api = useTinyApi();
const fetchRaw = (url: string) => api.app().request(url);

describe('GET /api/export', () => {
  it('exports a map selection as CSV named after the view, with provenance columns', async () => {
    const res = await fetchRaw('/api/export?kind=map&indicator=thd_share&level=departement&year=2025&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="copaneeta_departements_thd_share_2025.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('level,code,name,indicator,label,year,value,unit,n_schools,low_n,numerator,denominator,school_type,sector,provenance,notice,source,vintage,licence,imported_share');
    expect(lines[1]).toMatch(/^departement,15,Cantal,thd_share,Écoles en très haut débit,2025,50,%,2,true,1,2,,,synthetic,données fictives/);
    expect(lines).toHaveLength(3);
  });

  it('exports schools as GeoJSON points at their real position', async () => {
    const res = await fetchRaw('/api/export?kind=schools&indicator=ips&year=2022&within=departement:63&format=geojson');
    const fc = (await res.json()) as { features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(fc.features.map((f) => [f.properties.uai, f.properties.value, f.geometry.type, f.geometry.coordinates])).toEqual([
      ['0630001C', 100, 'Point', [3, 45]],
      ['0630002D', 120, 'Point', [3, 45]],
    ]);
    expect(fc.features[0]?.properties).toMatchObject({ provenance: 'open-data', source: expect.stringContaining('DEPP') });
  });

  it('exports Parquet that DuckDB reads back with the same values', async () => {
    const res = await fetchRaw('/api/export?kind=map&indicator=ips&level=departement&year=2022&format=parquet');
    expect(res.status).toBe(200);
    const file = path.join(tmpdir(), `export-test-${process.pid}.parquet`);
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    try {
      const db = await DuckDBInstance.create(':memory:');
      const conn = await db.connect();
      const rows = (await conn.runAndReadAll(`SELECT code, value, provenance FROM read_parquet('${file}') ORDER BY code`)).getRowObjectsJS();
      expect(rows).toEqual([
        { code: '15', value: 105, provenance: 'open-data' },
        { code: '63', value: 116, provenance: 'open-data' },
      ]);
      conn.closeSync();
      db.closeSync();
    } finally {
      rmSync(file, { force: true });
    }
  });

  it.each([
    ['/api/export?kind=map&indicator=ips&format=csv', 'level'],
    ['/api/export?kind=map&indicator=ips&level=departement&format=xlsx', 'format'],
    ['/api/export?kind=schools&indicator=density&format=csv', 'indicator'],
    ['/api/export?kind=map&indicator=ips&level=departement&within=commune:63113', 'within'],
  ])('%s → 400 naming %s', async (url, param) => {
    const res = await api.get(url);
    expect(res.status).toBe(400);
    expect((res.body.error as { param: string }).param).toBe(param);
  });
});

describe('OpenAPI and reference page', () => {
  it('documents every endpoint with parameters generated from the validation schemas', async () => {
    const { status, body } = await api.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, { get: { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[] } }>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/indicators', '/api/map', '/api/territories', '/api/territories/{level}/{code}', '/api/search', '/api/schools', '/api/series', '/api/compare', '/api/export']),
    );
    const params = Object.fromEntries(paths['/api/map']?.get.parameters.map((p) => [p.name, p]) ?? []);
    expect(params.indicator).toMatchObject({ required: true, schema: { type: 'string', pattern: '^[a-z0-9_]+$' } });
    expect(params.level?.schema.enum).toEqual([...LEVELS]);
    expect(params.school_type).toMatchObject({ required: false, schema: { enum: [...SCHOOL_TYPES] } });
  });
  it('serves a readable HTML reference', async () => {
    const res = await fetchRaw('/api/docs');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<code>GET /api/map</code>');
    expect(html).toContain('id="donnees-fictives"');
  });
});
