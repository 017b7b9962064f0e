// The admin API (POST /api/admin/imports, GET /api/admin/imports, POST /api/admin/rollback) and the
// server following the served version: in-process on a tiny project, the app over
// followWarehouse like server/index.ts. Bearer token, size limit on a streamed 200 MB body, the
// report and status codes, templates that round-trip, and a request in flight finishing on the old
// version while new ones see the new one.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { followWarehouse, type FollowingWarehouse } from '../../server/db/warehouse.ts';
import { rollback } from '../../scripts/import/rollback.ts';
import { byCode, servedSnapshot } from '../import/helpers.ts';
import { FIXTURE_VERSION, makeTinyProject, type TinyProject } from '../import/project.ts';

const TOKEN = 'test-token-0123456789';
let p: TinyProject;
let db: FollowingWarehouse;
let app: ReturnType<typeof createApp>;
let uploads: string;

beforeEach(async () => {
  p = await makeTinyProject();
  uploads = mkdtempSync(path.join(tmpdir(), 'uploads-'));
  db = await followWarehouse(path.join(p.dataDir, 'warehouse'), { pollMs: 50, log: () => {} });
  app = createApp({ db, log: () => {}, admin: { dataDir: p.dataDir, token: TOKEN, uploadDir: uploads, onPublished: () => db.refresh() } });
});
afterEach(() => {
  db.close();
  p.remove();
  rmSync(uploads, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const post = (query: string, body: BodyInit | null, headers: Record<string, string> = auth) =>
  app.request(`/api/admin/imports?${query}`, { method: 'POST', headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const get = async (url: string) => json(await app.request(url));
const CSV = 'uai,year,measure,value\n0150001A,2025,bandwidth_measured_mbps,45\n';

describe('admin API access', () => {
  it('answers 503 when no token is configured, 401 without or with a wrong token; never cached', async () => {
    const closed = createApp({ db, log: () => {} });
    const off = await closed.request('/api/admin/imports?kind=measures&body=x', { method: 'POST', headers: auth, body: CSV });
    expect(off.status).toBe(503);
    expect(await json(off)).toMatchObject({ error: { code: 'imports_disabled' } });
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong' }, { Authorization: `Basic ${TOKEN}` }, { Authorization: `Bearer ${TOKEN}x` }]) {
      const res = await post('kind=measures&body=x', CSV, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="admin"');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
    const list = await app.request('/api/admin/imports', { headers: auth });
    expect(list.headers.get('Cache-Control')).toBe('no-store');
  });
  it('validates the query', async () => {
    const res = await post('kind=inventories&body=x', CSV);
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { param: 'kind' } });
    expect((await post('kind=measures', CSV)).status).toBe(400);
    expect((await post('kind=measures&body=x', null)).status).toBe(400);
    const form = new FormData();
    form.append('file', new Blob([CSV]), 'mesures.csv');
    const multipart = await app.request('/api/admin/imports?kind=measures&body=x', { method: 'POST', headers: auth, body: form });
    expect(multipart.status).toBe(415);
  });
});

describe('POST /api/admin/imports', () => {
  it('previews with dry_run=true (200), changing nothing', async () => {
    const before = await servedSnapshot(p);
    const res = await post('kind=measures&dry_run=true&body=DANE', CSV);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'dry_run', would_apply: true, rows: { valid: 1 }, actor: 'http:local' });
    expect(await servedSnapshot(p)).toEqual(before);
  });

  it('applies (201) and the server answers from the new version at once, with a new ETag', async () => {
    const url = '/api/map?indicator=bandwidth_mean&level=departement&year=2025';
    const first = await app.request(url);
    const etag = first.headers.get('ETag');
    const res = await post('kind=measures&body=R%C3%A9gion&file_name=mesures.csv', CSV);
    expect(res.status).toBe(201);
    const report = await json(res);
    expect(report).toMatchObject({ status: 'applied', body: 'Région', file: { name: 'mesures.csv' }, rows: { imported: 1 }, build: { from: FIXTURE_VERSION } });
    expect((await get('/api/health')).build).toMatchObject({ id: (report.build as { to: string }).to });
    const again = await app.request(url, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).not.toBe(etag);
    const body = (await again.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ provenance: 'mixed' });
    expect(byCode(body)['15']).toMatchObject({ value: (45 + 300) / 2, imported_share: 0.5 });
    const exported = await (await app.request(`/api/export?kind=map&indicator=bandwidth_mean&level=departement&year=2025&format=csv`)).text();
    expect(exported).toMatch(/\r\ndepartement,15,Cantal,.*,mixed,données en partie fictives.*,0\.5\r\n/);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('refuses a file with problems (422) with the report, and the served data does not change', async () => {
    const before = await servedSnapshot(p);
    const res = await post('kind=measures&body=DANE', 'uai,year,measure,value\n0150001A,2025,devices,-1\n0630001J,2025,devices,2\n');
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({
      status: 'refused',
      problems: [
        { line: 2, column: 'value', code: 'out_of_range' },
        { line: 3, column: 'uai', code: 'unknown_uai' },
      ],
    });
    expect(await servedSnapshot(p)).toEqual(before);
    const skipped = await post('kind=measures&body=DANE&skip_invalid=true', 'uai,year,measure,value\n0150001A,2025,devices,-1\n0150002B,2025,devices,2\n');
    expect(skipped.status).toBe(201);
    expect(await json(skipped)).toMatchObject({ status: 'applied', rows: { imported: 1, skipped: 1 } });
  });

  it('answers 413 at once on a declared size above the limit', async () => {
    const res = await post('kind=measures&body=DANE', CSV, { ...auth, 'Content-Length': String(200e6) });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ error: { code: 'file_too_large' } });
  });

  it('stops reading a streamed 200 MB body past the limit (413), without holding it in memory', async () => {
    const before = await servedSnapshot(p);
    const chunk = new Uint8Array(1 << 20).fill(0x31);
    let produced = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (produced >= 200e6) return controller.close();
        produced += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const heap = process.memoryUsage().rss;
    const res = await post('kind=measures&body=DANE', stream);
    expect(res.status).toBe(413);
    expect(produced).toBeLessThan(110e6); // the client was stopped soon after the 100 MB limit
    expect(process.memoryUsage().rss - heap).toBeLessThan(80e6); // streamed to disk, not buffered
    expect(readdirSync(uploads)).toEqual([]);
    expect(await servedSnapshot(p)).toEqual(before);
  });

  it('answers 409 while another import holds the data lock', async () => {
    writeFileSync(path.join(p.dataDir, '.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), what: 'import measures other.csv', since: 'now' }));
    const res = await post('kind=measures&body=DANE', CSV);
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: 'import_in_progress', message: expect.stringContaining('other.csv') } });
  });
});

describe('audit log, rollback and templates', () => {
  it('lists imports and rolls back over HTTP', async () => {
    await post('kind=measures&body=DANE', CSV);
    const res = await app.request('/api/admin/rollback', { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ to: FIXTURE_VERSION });
    expect((await get('/api/health')).build).toMatchObject({ id: 'tiny-fixture' });
    const log = await json(await app.request('/api/admin/imports', { headers: auth }));
    expect((log.entries as { action: string; status: string }[]).map((e) => `${e.action} ${e.status}`)).toEqual(['import applied', 'rollback done']);
    const none = await app.request('/api/admin/rollback', { method: 'POST', headers: auth });
    expect(none.status).toBe(409);
  });

  it('serves a template per theme that imports back once filled in', async () => {
    const res = await app.request('/api/templates/equipment.csv?within=departement:15&year=2024');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="copaneeta_modele_equipment_2024_departement-15.csv"');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('uai,year,measure,value,date,source,name');
    expect(lines).toHaveLength(1 + 2 * 4); // two schools × four equipment measures
    expect(lines[1]).toBe('0150001A,2024-2025,devices,,,,École 0150001A');
    const filled = lines.map((l, i) => (i === 1 ? l.replace('devices,,', 'devices,25,') : l)).join('\r\n');
    const imported = await post('kind=measures&body=DANE', `\uFEFF${filled}\r\n`);
    expect(await json(imported)).toMatchObject({ status: 'applied', rows: { total: 8, imported: 1, empty: 7 } });
    expect((await app.request('/api/templates/weather.csv')).status).toBe(404);
    expect(await get('/api/templates')).toMatchObject({ themes: [{ theme: 'connectivity' }, { theme: 'equipment' }, { theme: 'usage' }] });
  });
});

describe('following the served version', () => {
  it('finishes a request in flight on the old version while new requests see the new one', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sql = `SELECT sum(num)::DOUBLE AS mbps FROM facts WHERE indicator = 'bandwidth_mean' AND year = 2025`;
    const inflight = db.pin(async () => {
      const before = await db.query(sql);
      await gate;
      const after = await db.query(sql);
      return { before: before[0]?.mbps, after: after[0]?.mbps, build: db.buildId };
    });
    expect((await post('kind=measures&body=DANE', CSV)).status).toBe(201);
    expect((await db.query(sql))[0]?.mbps).toBe(45 + 300 + 500 + 900);
    expect((await get('/api/health')).build).not.toMatchObject({ id: 'tiny-fixture' });
    open();
    expect(await inflight).toEqual({ before: 8 + 300 + 500 + 900, after: 8 + 300 + 500 + 900, build: 'tiny-fixture' });
    expect((await db.query(sql))[0]?.mbps).toBe(45 + 300 + 500 + 900);
  });

  it('follows a swap made by another process (the link is polled)', async () => {
    expect((await post('kind=measures&body=DANE', CSV)).status).toBe(201);
    await rollback({ dataDir: p.dataDir, actor: 'other process' }); // no onPublished: only the link changes
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get('/api/health')).build).toMatchObject({ id: 'tiny-fixture' });
  });
});
