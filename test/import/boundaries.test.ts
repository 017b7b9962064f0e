// A new year of commune boundaries (import boundaries <communes.geojson[.gz]>,
// scripts/import/releases/contours.ts): the validation report of good and bad GeoJSON files on
// the small project of real codes (test/import/releaseProject.ts), with or without the year's
// code changes (--movements). A refused file changes nothing served and is logged. The apply
// (a real build) is tested on the mirror: boundaries.mirror.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../scripts/import/audit.ts';
import { createApp } from '../../server/app.ts';
import { openWarehouse } from '../../server/db/warehouse.ts';
import { fileImportKind } from '../../scripts/import/kinds.ts';
import { importContours, vintageFromName, type ContoursOptions } from '../../scripts/import/releases/contours.ts';
import { featureLines, geometryProblem } from '../../scripts/import/releases/contoursValidate.ts';
import type { ImportReport } from '../../scripts/import/report.ts';
import { servedSnapshot, writeInput } from './helpers.ts';
import type { TinyProject } from './project.ts';
import { RELEASE_FIXTURE_VERSION, makeReleaseProject } from './releaseProject.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const GOOD = readFileSync(path.join(FIXTURES, 'boundaries', 'communes-2027-small.geojson'), 'utf8');
const MOVEMENTS = path.join(FIXTURES, 'cog-mouvements-2027.csv');

type FC = { type: string; features: { type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const good = (): FC => JSON.parse(GOOD) as FC;
/** one feature per line, like etalab's files */
const write = (fc: FC) => `{"type": "FeatureCollection", "features": [\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

let p: TinyProject;
beforeEach(async () => {
  p = await makeReleaseProject();
});
afterEach(() => p.remove());

const run = (name: string, content: string | Uint8Array, o: Partial<ContoursOptions> = {}): Promise<ImportReport> =>
  importContours({ dataDir: p.dataDir, file: writeInput(p, name, content), body: 'IGN', actor: 'test', now: () => new Date('2026-11-28T12:00:00Z'), dryRun: true, ...o });

const brief = (r: ImportReport) => r.problems.map((x) => ({ line: x.line, row: x.row, column: x.column, code: x.code, reason: x.reason }));

describe('boundaries import: validation (dry run)', () => {
  it('accepts a good file: counts, the communes without polygon and the vintage, changing nothing', async () => {
    const fc = good();
    fc.features = fc.features.filter((f) => f.properties.code !== '15187');
    const before = await servedSnapshot(p);
    const r = await run('communes-2027-small.geojson', write(fc));
    expect(r.status).toBe('dry_run');
    expect(r.would_apply).toBe(true);
    expect(r.problems_total).toBe(0);
    expect(r.rows).toMatchObject({ total: 4, valid: 4, invalid: 0, ignored: 0 });
    expect(r.release?.counts).toEqual({ features: 4, communes_with_polygon: 4, communes_without_polygon: 1, communes_merged: 0, com_ignored: 0, code_changes: 0 });
    expect(r.release?.details.without_polygon).toEqual(['15187 Saint-Flour']);
    expect(r.release?.source.vintage).toBe('géométrie 2027');
    expect(r.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await servedSnapshot(p)).toEqual(before);
    expect(await readAudit(p.dataDir)).toEqual([]);
  });

  it('reads gzipped files, etalab/IGN property names, ignores COM, and takes --vintage', async () => {
    const fc = good();
    for (const f of fc.features) f.properties = { INSEE_COM: f.properties.code, NOM: f.properties.nom, INSEE_DEP: f.properties.departement };
    fc.features.push({ type: 'Feature', properties: { INSEE_COM: '97501', NOM: 'Miquelon-Langlade' }, geometry: { type: 'Polygon', coordinates: [[[-56.4, 47.0], [-56.3, 47.0], [-56.3, 47.1], [-56.4, 47.0]]] } });
    const r = await run('ADMIN-EXPRESS-COG_communes.geojson.gz', gzipSync(write(fc)), { vintage: 'ADMIN EXPRESS COG 2027' });
    expect(r.would_apply).toBe(true);
    expect(r.rows).toMatchObject({ total: 6, valid: 5, ignored: 1 });
    expect(r.release?.source.vintage).toBe('géométrie ADMIN EXPRESS COG 2027');
  });

  it('with the movements: a merged commune is placed in the commune that absorbed it', async () => {
    const fc = good();
    fc.features = fc.features.filter((f) => f.properties.code !== '15012');
    const r = await run('communes-2027.geojson', write(fc), { movements: MOVEMENTS });
    expect(r.problems).toEqual([]);
    expect(r.would_apply).toBe(true);
    expect(r.release?.counts).toMatchObject({ communes_with_polygon: 4, communes_without_polygon: 0, communes_merged: 1, code_changes: 1 });
    expect(r.release?.details.merged).toEqual(['15012 Arpajon-sur-Cère → 15014']);
    expect(r.release?.source.vintage).toBe('géométrie 2027, COG 2027 (changements jusqu’au 2027-01-01)');
  });

  it('refuses a polygon for a code the movements replace, and a former code of the warehouse', async () => {
    const fc = good();
    fc.features[4] = { ...fc.features[3]!, properties: { code: '15150', nom: 'Pers' } };
    const r = await run('communes-2027.geojson', write(fc), { movements: MOVEMENTS });
    expect(r.would_apply).toBe(false);
    expect(brief(r)).toEqual([
      { line: 3, row: 2, column: 'code', code: 'unknown_commune', reason: "feature #1: commune 15012 is replaced by 15014 (INSEE code changes): its land must be in 15014's polygon" },
      { line: 6, row: 5, column: 'code', code: 'unknown_commune', reason: "feature #4: 15150 is not a current commune: it is a former code of 15268 (Le Rouget-Pers); is the file older than the warehouse's COG, or are the code changes (--movements) missing?" },
    ]);
  });

  it('takes the code changes imported before into account (CSV first, then the GeoJSON)', async () => {
    const csv = await fileImportKind('boundaries')?.run({ dataDir: p.dataDir, file: MOVEMENTS, body: 'Insee', actor: 'test' });
    expect(csv?.status).toBe('applied');
    const fc = good();
    fc.features = fc.features.filter((f) => f.properties.code !== '15012');
    const r = await run('communes-2027.geojson', write(fc));
    expect(r.problems).toEqual([]);
    expect(r.release?.details.merged).toEqual(['15012 Arpajon-sur-Cère → 15014']);
    const again = await run('communes-2027.geojson', GOOD);
    expect(brief(again).map((x) => x.reason)).toEqual(["feature #1: commune 15012 is replaced by 15014 (INSEE code changes): its land must be in 15014's polygon"]);
  });

  it('reports the problems of a bad movements file with the geometry ones', async () => {
    const mv = writeInput(p, 'mvt.csv', 'MOD,DATE_EFF,TYPECOM_AV,COM_AV,TYPECOM_AP,COM_AP\n32,2027-01-01,COM,15012,COM,99999\n');
    const r = await run('communes-2027.geojson', GOOD, { movements: mv });
    expect(r.would_apply).toBe(false);
    expect(r.problems_by_code).toEqual({ unknown_commune: 1 });
    expect(r.problems[0]?.reason).toMatch(/^movements file mvt\.csv: new commune 99999 is not a commune of the warehouse/);
    expect(r.problems[0]?.line).toBe(2);
  });

  describe('bad files, with the exact problems', () => {
    const cases: [string, () => string | Uint8Array, { line?: number; row?: number; column: string | null; code: string; reason: string | RegExp }[]][] = [
      ['not JSON', () => 'code;nom\n15014;Aurillac\n', [{ line: 1, column: null, code: 'file_format', reason: /^not valid JSON at line 1, column 1 \(Unexpected token .*\): a GeoJSON FeatureCollection is expected$/ }]],
      ['NaN written as a bare word (not JSON)', () => GOOD.replace('2.4297, 44.9164]', 'NaN, 44.9164]'), [{ line: 2, column: null, code: 'file_format', reason: /^not valid JSON at line 2, column 144 \(/ }]],
      ['not a FeatureCollection', () => JSON.stringify({ type: 'Feature', properties: {}, geometry: null }), [{ column: null, code: 'file_format', reason: 'not a GeoJSON FeatureCollection (the file holds an object of type "Feature"): {"type": "FeatureCollection", "features": [...]} is expected' }]],
      ['an empty collection', () => '{"type":"FeatureCollection","features":[]}', [{ column: null, code: 'file_empty', reason: 'the FeatureCollection has no feature' }]],
      ['a missing code', () => { const fc = good(); delete fc.features[2]!.properties.code; return write(fc); },
        [{ line: 4, row: 3, column: 'code', code: 'missing_column', reason: 'feature #2: no commune code (property "code", "insee_com", "code_insee", "insee", "codgeo", "com", "code_commune"; case ignored)' }]],
      ['a missing name', () => { const fc = good(); fc.features[0]!.properties.nom = ''; return write(fc); },
        [{ line: 2, row: 1, column: 'nom', code: 'missing_column', reason: 'feature #0: no commune name (property "nom", "nom_com", "name", "libelle", "libgeo", "nom_commune"; case ignored)' }]],
      ['a duplicate code', () => { const fc = good(); fc.features[3]!.properties.code = '15014'; return write(fc); },
        [{ line: 5, row: 4, column: 'code', code: 'duplicate_row', reason: 'feature #3: commune 15014 already has a polygon: feature #0 (line 2)' }]],
      ['an unknown code', () => { const fc = good(); fc.features[4]!.properties.code = '63999'; return write(fc); },
        [{ line: 6, row: 5, column: 'code', code: 'unknown_commune', reason: 'feature #4: 63999 is not a commune of the warehouse: a commune created with a new code is not supported (the communes come from the COG of the build)' }]],
      ['a malformed code', () => { const fc = good(); fc.features[4]!.properties.code = '6311'; fc.features[3]!.properties.code = 'ABCDE'; return write(fc); },
        [{ line: 5, row: 4, column: 'code', code: 'unknown_commune', reason: 'feature #3: "ABCDE" is not a commune code (5 characters: digits, or 2A/2B and 3 digits)' },
          { line: 6, row: 5, column: 'code', code: 'unknown_commune', reason: 'feature #4: 06311 is not a commune of the warehouse: a commune created with a new code is not supported (the communes come from the COG of the build)' }]],
      ['an open ring', () => { const fc = good(); (fc.features[1]!.geometry.coordinates as number[][][])[0]!.pop(); return write(fc); },
        [{ line: 3, row: 2, column: 'geometry', code: 'inconsistent', reason: 'feature #1: ring 1 is not closed: it starts at [2.447, 44.8936] and ends at [2.447, 44.9136]' }]],
      ['a ring of 3 positions', () => { const fc = good(); const r = (fc.features[1]!.geometry.coordinates as number[][][])[0]!; r.splice(1, 2); return write(fc); },
        [{ line: 3, row: 2, column: 'geometry', code: 'inconsistent', reason: 'feature #1: ring 1 has 3 positions: a ring needs at least 4' }]],
      ['NaN coordinates (as strings and null)', () => { const fc = good(); (fc.features[0]!.geometry.coordinates as unknown[][][])[0]![2] = ['NaN', 44.9]; (fc.features[2]!.geometry.coordinates as unknown[][][])[0]![1] = [null, 45]; return write(fc); },
        [{ line: 2, row: 1, column: 'geometry', code: 'not_a_number', reason: 'feature #0: ring 1, position 3: coordinates ["NaN",44.9] are not two finite numbers' },
          { line: 4, row: 3, column: 'geometry', code: 'not_a_number', reason: 'feature #2: ring 1, position 2: coordinates [null,45] are not two finite numbers' }]],
      ['coordinates outside France (Lambert-93)', () => { const fc = good(); fc.features[4]!.geometry.coordinates = [[[706000, 6520000], [707000, 6520000], [707000, 6521000], [706000, 6520000]]]; return write(fc); },
        [{ line: 6, row: 5, column: 'geometry', code: 'outside_france', reason: 'feature #4: the polygon spans [706000, 6520000, 707000, 6521000] (lon/lat WGS84): not inside metropolitan France nor a DROM (is it in Lambert-93 or another projection?)' }]],
      ['a point instead of a polygon', () => { const fc = good(); fc.features[2]!.geometry = { type: 'Point', coordinates: [3.09, 45.03] }; return write(fc); },
        [{ line: 4, row: 3, column: 'geometry', code: 'inconsistent', reason: 'feature #2: the geometry is a Point, not a Polygon or MultiPolygon' }]],
    ];
    for (const [what, content, problems] of cases) {
      it(what, async () => {
        const r = await run('bad.geojson', content());
        expect(r.status).toBe('dry_run');
        expect(r.would_apply).toBe(false);
        expect(r.problems.map((x) => ({ ...(x.line !== undefined ? { line: x.line } : {}), ...(x.row !== undefined ? { row: x.row } : {}), column: x.column, code: x.code, reason: x.reason }))).toEqual(
          problems.map((x) => ({ ...x, reason: typeof x.reason === 'string' ? x.reason : expect.stringMatching(x.reason) })),
        );
      });
    }
  });

  it('refuses for real (no dry run): nothing served changes, the refusal is logged', async () => {
    const before = await servedSnapshot(p);
    const fc = good();
    (fc.features[1]!.geometry.coordinates as number[][][])[0]!.pop();
    const r = await run('open-ring.geojson', write(fc), { dryRun: false });
    expect(r.status).toBe('refused');
    expect(r.message).toBe('refused: 1 problems; fix them, or import the 4 valid polygons with skip_invalid (the others\' communes are left without polygon)');
    expect(r.build).toEqual({ from: RELEASE_FIXTURE_VERSION, to: null });
    expect(await servedSnapshot(p)).toEqual(before);
    const audit = await readAudit(p.dataDir);
    expect(audit.map((a) => [a.kind, a.status, a.file_name, a.problems_total])).toEqual([['boundaries', 'refused', 'open-ring.geojson', 1]]);
  });

  it('kind boundaries routes a GeoJSON to the boundaries import and a CSV to the code changes', async () => {
    const k = fileImportKind('boundaries');
    const geo = await k?.run({ dataDir: p.dataDir, file: writeInput(p, 'c.geojson.gz', gzipSync(GOOD)), body: 'IGN', actor: 'test', dryRun: true });
    expect(geo?.release?.source.id).toBe('contours-communes');
    const csv = await k?.run({ dataDir: p.dataDir, file: MOVEMENTS, body: 'Insee', actor: 'test', dryRun: true });
    expect(csv?.release?.source.id).toBe('cog-changes-2027-01-01');
  });
});

describe('boundaries import: the admin endpoint', () => {
  it('previews a GeoJSON body of kind boundaries (200) and refuses a bad one (422)', async () => {
    const uploads = mkdtempSync(path.join(tmpdir(), 'uploads-'));
    const db = await openWarehouse(path.join(p.dataDir, 'warehouse'));
    try {
      const app = createApp({ db, log: () => {}, admin: { dataDir: p.dataDir, token: 'test-token-0123456789', uploadDir: uploads } });
      const post = (query: string, body: string) =>
        app.request(`/api/admin/imports?${query}`, { method: 'POST', headers: { Authorization: 'Bearer test-token-0123456789', 'Content-Type': 'application/geo+json' }, body });
      const dry = await post('kind=boundaries&dry_run=true&body=IGN&file_name=communes-2027.geojson', GOOD);
      expect(dry.status).toBe(200);
      expect(await dry.json()).toMatchObject({ kind: 'boundaries', status: 'dry_run', would_apply: true, release: { source: { id: 'contours-communes', vintage: 'géométrie 2027' } } });
      const fc = good();
      fc.features[0]!.properties.code = '15012';
      const bad = await post('kind=boundaries&body=IGN&file_name=communes-2027.geojson', write(fc));
      expect(bad.status).toBe(422);
      expect(await bad.json()).toMatchObject({ status: 'refused', problems_by_code: { duplicate_row: 1 } });
    } finally {
      db.close();
      rmSync(uploads, { recursive: true, force: true });
    }
  });
});

describe('boundaries import: the CLI', () => {
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', '..', 'scripts', 'data.ts'), ...args], {
      env: { ...process.env, DATA_DIR: p.dataDir, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('takes --movements and --vintage with a GeoJSON, and refuses them with a CSV', () => {
    const fc = good();
    fc.features = fc.features.filter((f) => f.properties.code !== '15012');
    const file = writeInput(p, 'communes.geojson', write(fc));
    const r = cli(['import', 'boundaries', file, '--movements', MOVEMENTS, '--vintage', 'etalab 2027', '--dry-run', '--json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as ImportReport;
    expect(report.release?.counts).toMatchObject({ communes_merged: 1, code_changes: 1 });
    expect(report.release?.source.vintage).toBe('géométrie etalab 2027, COG 2027 (changements jusqu’au 2027-01-01)');
    const bad = cli(['import', 'boundaries', MOVEMENTS, '--movements', MOVEMENTS, '--dry-run']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--movements and --vintage go with import boundaries <communes.geojson[.gz]>');
  }, 120_000);
});

describe('boundaries import: helpers', () => {
  it('tells the vintage from the file name', () => {
    expect(vintageFromName('communes-2027-100m.geojson.gz')).toBe('2027');
    expect(vintageFromName('ADMIN-EXPRESS-COG_3-2__SHP_2025-04-02.geojson')).toBe('2025');
    expect(vintageFromName('communes.geojson')).toBeNull();
  });

  it('finds the line of each feature, pretty-printed or one per line', () => {
    expect(featureLines(GOOD)).toEqual([2, 3, 4, 5, 6]);
    expect(featureLines(JSON.stringify(good(), null, 2)).length).toBe(5);
    expect(featureLines('{"bbox":[1,2,3,4],"type":"FeatureCollection","features":[{"a":"}{["},{"b":1}]}')).toEqual([1, 1]);
  });

  it('accepts a MultiPolygon with a hole, inside a DROM', () => {
    const sq = (x: number, y: number, d: number) => [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]];
    expect(geometryProblem({ type: 'MultiPolygon', coordinates: [[sq(55.5, -21.1, 0.05), sq(55.5, -21.1, 0.01)], [sq(55.3, -21.0, 0.02)]] })).toBeNull();
    expect(geometryProblem({ type: 'MultiPolygon', coordinates: [[sq(55.5, -21.1, 0.05)], [[[55.3, -21], [55.4, -21], [55.4, -20.9], [55.3, -20.9]]]] })?.reason).toBe(
      'polygon 2, ring 1 is not closed: it starts at [55.3, -21] and ends at [55.3, -20.9]',
    );
  });
});
