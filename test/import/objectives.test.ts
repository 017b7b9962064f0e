// Importing convention objectives (scripts/import/objectives.ts) into a tiny project
// (test/import/project.ts, a throw-away data folder): a good file becomes a new version whose
// /api/objectives serves the partner's objectives beside the shipped examples (and replaces the
// example of the same id); bad files are refused with each problem's line, field and reason and
// change nothing; a dry run changes nothing; rollback serves the previous objectives; the CLI
// and the admin endpoint give the same report. The files are written inline (origin: this test).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeWarehouse } from '../../scripts/build/warehouse.ts';
import { readAudit } from '../../scripts/import/audit.ts';
import { DEMO, SCHOOLS, SCHOOL_YEARS, TERRITORIES } from '../fixtures/tiny-warehouse.ts';
import { importObjectives, type ObjectivesImportReport } from '../../scripts/import/objectives.ts';
import { rollback } from '../../scripts/import/rollback.ts';
import { createApp } from '../../server/app.ts';
import { followWarehouse } from '../../server/db/warehouse.ts';
import { servedJson, servedSnapshot, servedText, writeInput } from './helpers.ts';
import { FIXTURE_VERSION, makeTinyProject, type TinyProject } from './project.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let p: TinyProject;
beforeEach(async () => {
  p = await makeTinyProject();
});
afterEach(() => p.remove());

const objective = (over: Record<string, unknown> = {}) => ({
  id: 'cantal-thd-2027',
  title: { fr: 'Toutes les écoles du Cantal à 30 Mbit/s', en: 'Every school of Cantal at 30 Mbit/s' },
  convention: { id: 'convention-application-15', title: 'Convention d’application Cantal' },
  partner: { id: 'departement-15', name: 'Conseil départemental du Cantal', kind: 'departement' },
  indicator: 'bandwidth_mean',
  scope: { territory: 'departement:15' },
  judged_by: 'share_of_schools',
  threshold: { op: '>=', value: 30 },
  target: { op: '>=', value: 100 },
  baseline_year: 2019,
  deadline: 2027,
  example: false,
  ...over,
});
const file = (...objectives: unknown[]) => `${JSON.stringify({ version: 1, objectives }, null, 2)}\n`;
/** The 1-based line of the first line of `text` holding `needle` (after `from`). */
const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const run = (name: string, text: string, over: Partial<Parameters<typeof importObjectives>[0]> = {}): Promise<ObjectivesImportReport> =>
  importObjectives({ dataDir: p.dataDir, file: writeInput(p, name, text), body: 'Conseil départemental du Cantal', actor: 'test', ...over });
const link = () => readlinkSync(path.join(p.dataDir, 'warehouse'));

describe('a good objectives file', () => {
  it('is served from a new version beside the shipped examples, with its provenance, and replaces the example of the same id', async () => {
    const before = (await servedJson(p, '/api/objectives')) as Body;
    const examples = before.objectives.length as number;
    expect(before.objectives.every((o: Body) => o.example === true && o.origin === 'shipped' && o.imported === null)).toBe(true);

    // a new objective, and one taking over the id of a shipped example
    const text = file(objective(), objective({ id: 'cantal-colleges-equipement', title: { fr: 'Équipement des collèges du Cantal', en: 'Equipment of Cantal collèges' }, scope: { territory: 'departement:15', school_type: 'college' } }));
    const r = await run('objectifs-cantal.json', text);
    expect(r).toMatchObject({ kind: 'objectives', status: 'applied', problems: [], rows: { total: 2, valid: 2, invalid: 0, imported: 2 } });
    expect(r.objectives).toEqual({
      ids: ['cantal-thd-2027', 'cantal-colleges-equipement'], added: ['cantal-thd-2027'], replaces_imported: [], replaces_example: ['cantal-colleges-equipement'],
      partners: ['departement-15'], conventions: ['convention-application-15'],
    });
    expect(r.file).toMatchObject({ name: 'objectifs-cantal.json', format: 'json', encoding: 'utf-8', sha256: createHash('sha256').update(text).digest('hex') });
    expect(link()).toBe(path.join('builds', r.build.to ?? ''));
    expect(r.build.from).toBe(FIXTURE_VERSION);

    const after = (await servedJson(p, '/api/objectives')) as Body;
    // one example replaced, one objective added
    expect(after.count).toBe(examples + 1);
    const imported = after.objectives.filter((o: Body) => o.origin === 'imported');
    expect(imported.map((o: Body) => o.id)).toEqual(['cantal-thd-2027', 'cantal-colleges-equipement']);
    expect(imported[0]).toMatchObject({
      example: false, partner: { id: 'departement-15' }, scope: { territory_name: 'Cantal' },
      imported: { import_id: r.import_id, file_name: 'objectifs-cantal.json', body: 'Conseil départemental du Cantal', imported_at: r.at, checksum_sha256: r.file.sha256 },
    });
    expect(imported[0].example_notice).toBeUndefined();
    // the left-behind download names where the objective comes from
    const csv = await servedText(p, '/api/objectives/cantal-thd-2027/left-behind.csv');
    expect(csv.split('\r\n')[1]).toContain(`importé par Conseil départemental du Cantal le ${r.at.slice(0, 10)} (objectifs-cantal.json)`);
    expect(imported[1].title.fr).toBe('Équipement des collèges du Cantal');
    const shipped = after.objectives.filter((o: Body) => o.origin === 'shipped');
    expect(shipped.length).toBe(examples - 1);
    expect(shipped.every((o: Body) => o.example === true && /exemple fictif/.test(o.example_notice))).toBe(true);
    // the detail page computes the imported objective: 1 of the 2 Cantal schools has a value ≥ 30 Mbit/s or not, whatever: it has a series and a status
    const one = (await servedJson(p, '/api/objectives/cantal-thd-2027')) as Body;
    expect(one).toMatchObject({ id: 'cantal-thd-2027', origin: 'imported', example: false });
    expect(one.series.length).toBeGreaterThan(0);
    // examples=false: the partners' objectives only
    const real = (await servedJson(p, '/api/objectives?examples=false')) as Body;
    expect(real.objectives.map((o: Body) => o.id)).toEqual(['cantal-thd-2027', 'cantal-colleges-equipement']);

    // the audit log and build.json record it
    const audit = await readAudit(p.dataDir);
    expect(audit.map((e) => [e.kind, e.status, e.rows_imported, e.body])).toEqual([['objectives', 'applied', 2, 'Conseil départemental du Cantal']]);
    const build = JSON.parse(readFileSync(path.join(p.dataDir, 'builds', r.build.to ?? '', 'build.json'), 'utf8')) as Body;
    expect(build).toMatchObject({ id: r.build.to, parent: FIXTURE_VERSION, imports: [{ import_id: r.import_id, kind: 'objectives', file: 'objectifs-cantal.json' }] });

    // a second import of the same id replaces it; rollback serves the first import again
    const r2 = await run('objectifs-cantal-v2.json', file(objective({ target: { op: '>=', value: 90 } })));
    expect(r2.status).toBe('applied');
    expect(r2.objectives).toMatchObject({ added: [], replaces_imported: ['cantal-thd-2027'] });
    expect(((await servedJson(p, '/api/objectives/cantal-thd-2027')) as Body).target.value).toBe(90);
    await rollback({ dataDir: p.dataDir, actor: 'test' });
    expect(link()).toBe(path.join('builds', r.build.to ?? ''));
    expect(((await servedJson(p, '/api/objectives/cantal-thd-2027')) as Body).target.value).toBe(100);
  });
});

describe('bad objectives files', () => {
  it('are refused whole, each problem with its line, field, code and reason, and change nothing', async () => {
    const before = await servedSnapshot(p);
    const beforeList = await servedJson(p, '/api/objectives');

    // a wrong type, an unknown field, an unknown territory (the schema passes), a syntax error
    const typed = file(objective(), objective({ id: 'o2', target: { op: '>=', value: 'toutes' } }));
    const r1 = await run('typed.json', typed);
    expect(r1.status).toBe('refused');
    expect(r1.problems).toEqual([
      { line: lineOf(typed, '"toutes"'), row: 2, column: 'objectives[1].target.value', field: 'objectives[1].target.value', value: '"toutes"', code: 'wrong_type', reason: 'expected a number' },
    ]);
    expect(r1.rows).toMatchObject({ total: 2, valid: 1, invalid: 1, imported: 0 });
    expect(r1.message).toMatch(/^refused: 1 problems in 1 objectives; nothing was changed/);

    const extra = file({ ...objective(), colour: 'red' }, objective({ id: 'o2', deadline: 'next year', partner: { id: 'departement-15', name: 'Cantal', kind: 'commune' } }));
    const r2 = await run('extra.json', extra);
    expect(r2.problems.map((x) => [x.line, x.field, x.code])).toEqual([
      [lineOf(extra, '"colour"'), 'objectives[0].colour', 'unknown_field'],
      [lineOf(extra, '"kind": "commune"'), 'objectives[1].partner.kind', 'unknown_value'],
      [lineOf(extra, '"next year"'), 'objectives[1].deadline', 'invalid_format'],
    ]);
    expect(r2.problems[1]?.reason).toBe('must be one of rectorat, region, departement');

    const nowhere = file(objective({ scope: { territory: 'departement:99' } }));
    const r3 = await run('nowhere.json', nowhere);
    expect(r3.problems).toEqual([
      { line: lineOf(nowhere, 'departement:99'), row: 1, column: 'objectives[0].scope.territory', field: 'objectives[0].scope.territory', value: '"departement:99"', code: 'unknown_territory', reason: 'no territory departement:99 in the served warehouse (see /api/territories)' },
    ]);

    const broken = file(objective()).replace('"indicator": "bandwidth_mean",', '"indicator": "bandwidth_mean"');
    const r4 = await run('broken.json', broken);
    expect(r4.problems).toMatchObject([{ line: lineOf(broken, '"scope"'), field: '(file)', code: 'file_format', reason: expect.stringMatching(/^not valid JSON/) }]);

    const dup = file(objective(), objective({ indicator: 'nope' }));
    const r5 = await run('dup.json', dup);
    expect(r5.problems.map((x) => [x.line, x.field, x.code])).toEqual([
      [lineOf(dup, '"id"', lineOf(dup, '"example"')), 'objectives[1].id', 'duplicate_id'],
      [lineOf(dup, '"nope"'), 'objectives[1].indicator', 'unknown_indicator'],
    ]);

    expect((await run('empty.json', '  \n')).problems).toMatchObject([{ code: 'file_empty' }]);
    expect((await run('latin1.json', Buffer.from([0x7b, 0xe9, 0x7d]) as unknown as string)).problems).toMatchObject([{ code: 'file_format', reason: expect.stringMatching(/not UTF-8/) }]);

    // nothing changed: same link, same versions, same answers; every refusal is in the audit log
    for (const r of [r1, r2, r3, r4, r5]) expect([r.status, r.build.to]).toEqual(['refused', null]);
    const after = await servedSnapshot(p);
    expect(after).toEqual(before);
    expect(await servedJson(p, '/api/objectives')).toEqual(beforeList);
    expect((await readAudit(p.dataDir)).map((e) => e.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused']);
  });
});

describe('a dry run', () => {
  it('reports what would happen and changes nothing, not even the audit log', async () => {
    const before = await servedSnapshot(p);
    const good = await run('good.json', file(objective()), { dryRun: true });
    expect(good).toMatchObject({ status: 'dry_run', would_apply: true, rows: { total: 1, valid: 1, imported: 0 }, objectives: { added: ['cantal-thd-2027'] }, build: { to: null } });
    expect(good.message).toMatch(/nothing was changed/);
    const bad = await run('bad.json', file(objective({ baseline_year: 1990 })), { dryRun: true });
    expect(bad).toMatchObject({ status: 'dry_run', would_apply: false, problems: [{ field: 'objectives[0].baseline_year', code: 'inconsistent' }] });
    expect(await servedSnapshot(p)).toEqual(before);
    expect(readdirSync(path.join(p.dataDir, 'builds'))).toEqual([FIXTURE_VERSION]);
    expect(await readAudit(p.dataDir)).toEqual([]);
    expect(existsSync(path.join(p.dataDir, '.lock'))).toBe(false);
  });
});

describe('the admin endpoint and the CLI', () => {
  it('POST /api/admin/imports?kind=objectives: 200 dry run, 422 refused, 201 applied and served at once; skip_invalid is a 400', async () => {
    const db = await followWarehouse(path.join(p.dataDir, 'warehouse'), { pollMs: 50, log: () => {} });
    try {
      const app = createApp({ db, log: () => {}, admin: { dataDir: p.dataDir, token: 'tok-0123456789', uploadDir: p.root, onPublished: () => db.refresh() } });
      const post = (q: string, body: string) => app.request(`/api/admin/imports?${q}`, { method: 'POST', headers: { Authorization: 'Bearer tok-0123456789', 'Content-Type': 'application/json' }, body });
      const dry = await post('kind=objectives&body=DANE&dry_run=true', file(objective()));
      expect(dry.status).toBe(200);
      expect(await dry.json()).toMatchObject({ kind: 'objectives', status: 'dry_run', would_apply: true });
      const badText = file(objective({ judged_by: 'territory_value' }));
      const bad = await post('kind=objectives&body=DANE&file_name=objectifs.json', badText);
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as Body).problems).toEqual([
        expect.objectContaining({ line: lineOf(badText, '"threshold"'), field: 'objectives[0].threshold', code: 'inconsistent', reason: expect.stringMatching(/only for judged_by share_of_schools/) }),
      ]);
      expect((await post('kind=objectives&body=DANE&skip_invalid=true', file(objective()))).status).toBe(400);
      const ok = await post('kind=objectives&body=DANE&file_name=objectifs.json', file(objective()));
      expect(ok.status).toBe(201);
      const list = (await (await app.request('/api/objectives?partner=departement-15&examples=false')).json()) as Body;
      expect(list.objectives.map((o: Body) => [o.id, o.imported.body, o.imported.file_name])).toEqual([['cantal-thd-2027', 'DANE', 'objectifs.json']]);
    } finally {
      db.close();
    }
  });

  it('npm run data -- import objectives: exit 0 applied, 1 refused with "line N, field …", 2 for --skip-invalid', async () => {
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'data.ts'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: p.dataDir, NO_COLOR: '1' } });
        let out = '';
        let err = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const badText = file(objective({ target: { op: '>=', value: 'toutes' } }));
    const bad = await cli(['import', 'objectives', writeInput(p, 'bad.json', badText)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`line ${lineOf(badText, '"toutes"')}, field objectives[0].target.value: expected a number ["toutes"] (wrong_type)`);
    const good = await cli(['import', 'objectives', writeInput(p, 'good.json', file(objective())), '--body', 'Rectorat', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ status: 'applied', body: 'Rectorat', objectives: { added: ['cantal-thd-2027'] } });
    expect((await cli(['import', 'objectives', writeInput(p, 'x.json', file(objective())), '--skip-invalid'])).code).toBe(2);
  }, 60_000);
});

describe('a rebuild after an objectives import', () => {
  it('carries the imported objectives over from the served warehouse', async () => {
    const r = await run('objectifs-cantal.json', file(objective()));
    expect(r.status).toBe('applied');
    const rebuilt = path.join(p.root, 'rebuilt.duckdb');
    await writeWarehouse(rebuilt, {
      territories: TERRITORIES, withoutGeometry: [], aliases: new Map(), schools: SCHOOLS, schoolYears: SCHOOL_YEARS, demo: DEMO,
      ftth: [], meta: { build_id: 'rebuilt' }, carryImportsFrom: path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'),
    });
    const db = await DuckDBInstance.create(rebuilt, { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll('SELECT id, body, checksum_sha256 FROM objectives')).getRowObjectsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([{ id: 'cantal-thd-2027', body: 'Conseil départemental du Cantal', checksum_sha256: r.file.sha256 }]);
  });
});
