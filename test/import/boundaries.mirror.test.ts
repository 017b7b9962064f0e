// A new year of commune boundaries applied for real (scripts/import/releases/contours.ts), on the
// open-data mirror: a copy of the mirror's communes file where Arpajon-sur-Cère (15012) is merged
// into its neighbour Aurillac (15014) — one polygon, the union of both — with the INSEE movement
// of the same (hypothetical) merger (fixtures/cog-mouvements-2027.csv). The import runs the whole
// data build with that file into a temp project whose served version is a copy of the project's
// warehouse, and every geometry product follows: display geometry, tiles, areas, contiguity; the
// movement is applied to the older data; build.json, /api/health and the audit log name the file;
// a later build keeps the imported geometry; a rollback serves the previous version again.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build/index.ts';
import { swapLink } from '../../scripts/build/publish.ts';
import { readAudit } from '../../scripts/import/audit.ts';
import { importContours } from '../../scripts/import/releases/contours.ts';
import { rollback } from '../../scripts/import/rollback.ts';
import type { ImportReport } from '../../scripts/import/report.ts';
import { resolveMirrorDir } from '../../scripts/sources/fetch.ts';
import { servedJson } from './helpers.ts';
import type { TinyProject } from './project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mirror = resolveMirrorDir(root);
const live = path.join(root, 'data', 'warehouse');
const MOVEMENTS = path.join(import.meta.dirname, 'fixtures', 'cog-mouvements-2027.csv');

type Commune = Feature<Polygon | MultiPolygon, { code: string; nom: string }>;

let p: TinyProject;
let liveId = '';
let report: ImportReport;
const logs: string[] = [];
let seconds = 0;

async function query(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(path.join(dir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe.skipIf(!mirror || !existsSync(path.join(live, 'warehouse.duckdb')))('boundaries import on the mirror', () => {
  beforeAll(async () => {
    const rootDir = mkdtempSync(path.join(tmpdir(), 'boundaries-mirror-'));
    const dataDir = path.join(rootDir, 'data');
    // the served version: a copy of the project's warehouse (read only here, never written)
    liveId = path.basename(readlinkSync(live));
    mkdirSync(path.join(dataDir, 'builds', liveId), { recursive: true });
    for (const f of ['warehouse.duckdb', 'build.json']) copyFileSync(path.join(live, f), path.join(dataDir, 'builds', liveId, f));
    symlinkSync(path.join('builds', liveId), path.join(dataDir, 'warehouse'));
    p = { root: rootDir, dataDir, buildId: liveId, remove: () => rmSync(rootDir, { recursive: true, force: true }) };

    // the mirror's communes, Arpajon-sur-Cère merged into Aurillac
    const fc = JSON.parse(gunzipSync(readFileSync(path.join(mirror ?? '', 'boundaries', 'communes-cog2026-simplified.geojson.gz'))).toString('utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;
    const pair = fc.features.filter((f) => f.properties.code === '15012' || f.properties.code === '15014') as Commune[];
    expect(pair).toHaveLength(2);
    const topo = topology({ c: { type: 'FeatureCollection', features: pair } as FeatureCollection });
    const union = merge(topo, (topo.objects.c as unknown as { geometries: Parameters<typeof merge>[1] }).geometries);
    const features = fc.features
      .filter((f) => f.properties.code !== '15012')
      .map((f) => (f.properties.code === '15014' ? { ...f, geometry: union } : f));
    const file = path.join(rootDir, 'communes-2027.geojson.gz');
    writeFileSync(file, gzipSync(JSON.stringify({ type: 'FeatureCollection', features })));

    const t0 = performance.now();
    report = await importContours({ dataDir, file, movements: MOVEMENTS, body: 'IGN', actor: 'test', log: (l) => logs.push(l) });
    seconds = (performance.now() - t0) / 1000;
  }, 240_000);
  afterAll(() => p?.remove());

  it('builds and serves a new version with the new geometry', async () => {
    expect(report.status, report.message).toBe('applied');
    expect(report.problems_total).toBe(0);
    expect(report.release?.counts).toMatchObject({ communes_with_polygon: 34867, communes_merged: 1, code_changes: 1, communes_without_polygon: 7 });
    expect(report.build.from).toBe(liveId);
    expect(readlinkSync(path.join(p.dataDir, 'warehouse'))).toBe(path.join('builds', report.build.to ?? ''));
    expect(readdirSync(path.join(p.dataDir, 'builds')).sort()).toEqual([liveId, report.build.to].sort());
    console.log(`boundaries import on the mirror: ${seconds.toFixed(1)} s (${report.seconds.read_validate.toFixed(1)} s validation)`);
  });

  it('rebuilt every geometry product from the file', async () => {
    const dir = path.join(p.dataDir, 'warehouse');
    const geo = JSON.parse(readFileSync(path.join(dir, 'geo', 'commune.geojson'), 'utf8')) as FeatureCollection;
    const codes = new Set(geo.features.map((f) => String(f.properties?.code ?? f.id)));
    expect(codes.has('15014')).toBe(true);
    expect(codes.has('15012')).toBe(false);
    expect(existsSync(path.join(dir, 'tiles', 'commune'))).toBe(true);
    const sql = `SELECT code, area_km2, population, density, has_geometry FROM territories WHERE level = 'commune' AND code IN ('15012', '15014')`;
    const before = Object.fromEntries((await query(path.join(p.dataDir, 'builds', liveId), sql)).map((r) => [r.code, r]));
    const after = Object.fromEntries((await query(dir, sql)).map((r) => [r.code, r]));
    // the union's area is the sum of both (to 0.5 km²); the merged commune is folded into Aurillac
    const sum = (k: string) => Number(before['15012']?.[k]) + Number(before['15014']?.[k]);
    expect(Number(after['15014']?.area_km2)).toBeCloseTo(sum('area_km2'), 0);
    expect(after['15014']).toMatchObject({ population: sum('population'), has_geometry: true });
    expect(Number(after['15014']?.density)).toBeCloseTo(sum('population') / Number(after['15014']?.area_km2), 6);
    expect(after['15012']).toBeUndefined();
    expect(await query(dir, `SELECT code FROM communes_without_geometry ORDER BY code`)).toEqual(['14666', '15031', '15035', '15047', '15171', '85165', '85212'].map((code) => ({ code })));
    // the département's figures do not change
    const dep = `SELECT population, round(area_km2, 1) AS area FROM territories WHERE level = 'departement' AND code = '15'`;
    expect(await query(dir, dep)).toEqual(await query(path.join(p.dataDir, 'builds', liveId), dep));
    // contiguity: 15012 has no neighbour left; its former neighbours now touch 15014
    const nb = async (d: string, code: string) => (await query(d, `SELECT neighbor FROM commune_neighbors WHERE code = '${code}' ORDER BY 1`)).map((r) => String(r.neighbor));
    expect(await nb(dir, '15012')).toEqual([]);
    const formerOf12 = (await nb(path.join(p.dataDir, 'builds', liveId), '15012')).filter((c) => c !== '15014');
    expect(formerOf12.length).toBeGreaterThan(0);
    expect(await nb(dir, '15014')).toEqual(expect.arrayContaining(formerOf12));
  });

  it('applied the movement to the older data and carried the imports over', async () => {
    const dir = path.join(p.dataDir, 'warehouse');
    const live = path.join(p.dataDir, 'builds', liveId);
    const schoolsOf = `SELECT count(*)::INTEGER AS n FROM schools WHERE commune_code IN ('15012', '15014')`;
    expect(Number((await query(live, `SELECT count(*)::INTEGER AS n FROM schools WHERE commune_code = '15012'`))[0]?.n)).toBeGreaterThan(0);
    expect(await query(dir, `SELECT count(*)::INTEGER AS n FROM schools WHERE commune_code = '15012'`)).toEqual([{ n: 0 }]);
    expect(await query(dir, `SELECT count(*)::INTEGER AS n FROM schools WHERE commune_code = '15014'`)).toEqual(await query(live, schoolsOf));
    expect(await query(dir, `SELECT code, kind FROM commune_aliases WHERE alias_code = '15012'`)).toEqual([{ code: '15014', kind: 'ancien' }]);
    // FttH rows of the two communes summed
    const ftth = (code: string) => `SELECT quarter, sum(premises_total)::DOUBLE AS total FROM commune_ftth WHERE code IN (${code}) GROUP BY ALL ORDER BY ALL`;
    expect(await query(dir, ftth(`'15012', '15014'`))).toEqual(await query(live, ftth(`'15012', '15014'`)));
    expect(await query(dir, `SELECT count(*)::INTEGER AS n FROM commune_ftth WHERE code = '15012'`)).toEqual([{ n: 0 }]);
    const imports = await query(dir, `SELECT import_id, kind, file_name, build_from, build_to FROM imports ORDER BY imported_at`);
    expect(imports.at(-1)).toMatchObject({ import_id: report.import_id, kind: 'boundaries', file_name: 'communes-2027.geojson.gz', build_from: liveId, build_to: report.build.to });
    const liveImports = await query(path.join(p.dataDir, 'builds', liveId), `SELECT count(*)::INTEGER AS n FROM imports`);
    expect(imports.length).toBe(Number(liveImports[0]?.n) + 1);
  });

  it('records the boundaries source in build.json, /api/health and the audit log', async () => {
    const info = JSON.parse(readFileSync(path.join(p.dataDir, 'warehouse', 'build.json'), 'utf8')) as Record<string, unknown> & { sources: Record<string, unknown>[] };
    expect(info.parent).toBe(liveId);
    expect(info.boundaries).toMatchObject({ file: 'communes-2027.geojson.gz', sha256: report.file.sha256, vintage: 'géométrie 2027, COG 2027 (changements jusqu’au 2027-01-01)', import_id: report.import_id });
    expect(info.sources.filter((s) => s.id === 'contours-communes')).toEqual([expect.objectContaining({ origin: 'import', file: 'communes-2027.geojson.gz', sha256: report.file.sha256 })]);
    expect(info.sources.find((s) => s.id === 'cog-changes-2027-01-01')).toMatchObject({ origin: 'import' });
    const health = await servedJson(p, '/api/health');
    expect((health.sources as { id: string; vintage: string }[]).find((s) => s.id === 'contours-communes')).toMatchObject({ vintage: 'géométrie 2027, COG 2027 (changements jusqu’au 2027-01-01)' });
    expect((health.imports as { import_id: string }[]).map((i) => i.import_id)).toContain(report.import_id);
    const audit = await readAudit(p.dataDir);
    expect(audit.at(-1)).toMatchObject({ action: 'import', status: 'applied', kind: 'boundaries', file_name: 'communes-2027.geojson.gz', checksum_sha256: report.file.sha256, build_from: liveId, build_to: report.build.to });
  });

  it('a rollback serves the previous version again; a later build keeps the imported geometry', async () => {
    const imported = report.build.to ?? '';
    const back = await rollback({ dataDir: p.dataDir, actor: 'test' });
    expect(back).toMatchObject({ from: imported, to: liveId });
    expect(await query(path.join(p.dataDir, 'warehouse'), `SELECT has_geometry FROM territories WHERE level = 'commune' AND code = '15012'`)).toEqual([{ has_geometry: true }]);
    // serve the import again, then rebuild on it
    await swapLink(p.dataDir, imported);
    const rebuilt = await build({ root, dataDir: p.dataDir, log: () => {} });
    const info = JSON.parse(readFileSync(path.join(p.dataDir, 'warehouse', 'build.json'), 'utf8')) as { boundaries?: { sha256: string }; sources: { id: string; origin: string }[] };
    expect(info.boundaries?.sha256).toBe(report.file.sha256);
    expect(info.sources.filter((s) => s.id === 'contours-communes').map((s) => s.origin)).toEqual(['import']);
    const dir = path.join(p.dataDir, 'warehouse');
    expect(await query(dir, `SELECT code FROM territories WHERE level = 'commune' AND code IN ('15012', '15014')`)).toEqual([{ code: '15014' }]);
    expect(await query(dir, `SELECT count(*)::INTEGER AS n FROM schools WHERE commune_code = '15012'`)).toEqual([{ n: 0 }]);
    expect(existsSync(path.join(dir, 'boundaries', 'communes.geojson.gz'))).toBe(true);
    expect(rebuilt.id).not.toBe(imported);
  }, 240_000);
});
