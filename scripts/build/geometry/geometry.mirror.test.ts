// Runs the geometry step on the real boundary files of the open-data mirror (OPENDATA_DIR, else
// ../shared/opendata beside the project) and checks counts, sizes and the DROM insets.
// Skipped, with the reason printed, when the mirror is absent.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { INSETS } from './dromLayout.ts';
import { buildGeometry } from './index.ts';
import { readCommunes } from './inputs.ts';
import type { DepartementInfo, GeometryBuild } from './index.ts';
import { isStrictlyInside } from './surface.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const opendata = path.resolve(process.env.OPENDATA_DIR ?? path.join(root, '..', 'shared', 'opendata'));
const boundariesDir = path.join(opendata, 'boundaries');
const collegesCsv = path.join(opendata, 'schools', 'fr-en-adresse-et-geolocalisation-etablissements-colleges.csv');
const present = existsSync(path.join(boundariesDir, 'communes-cog2026-simplified.geojson.gz')) && existsSync(collegesCsv);
if (!present) console.warn(`geometry.mirror.test: skipped, no open-data mirror at ${opendata} (set OPENDATA_DIR)`);

/**
 * The mapping of the test: names and régions from @etalab/decoupage-administratif (COG 2026),
 * académies from the MENJ collèges file (code_departement is padded to 3 characters: "063").
 */
function mapping(): DepartementInfo[] {
  const require = createRequire(import.meta.url);
  const deps = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string; region: string; zone: string }[];
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as { code: string; nom: string }[];
  const regionName = new Map(regions.map((r) => [r.code, r.nom]));
  const lines = readFileSync(collegesCsv, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';');
  const [iDep, iCode, iName] = ['code_departement', 'code_academie', 'libelle_academie'].map((c) => header.indexOf(c));
  const academie = new Map<string, { code: string; name: string }>();
  for (const line of lines.slice(1)) {
    const f = line.split(';');
    const raw = f[iDep ?? -1] ?? '';
    const dep = raw.length === 3 && raw.startsWith('0') ? raw.slice(1) : raw;
    if (dep && !academie.has(dep)) academie.set(dep, { code: f[iCode ?? -1] ?? '', name: f[iName ?? -1] ?? '' });
  }
  return deps
    .filter((d) => d.zone !== 'com')
    .map((d) => ({
      code: d.code,
      name: d.nom,
      academieCode: academie.get(d.code)?.code ?? '',
      academieName: academie.get(d.code)?.name ?? '',
      regionCode: d.region,
      regionName: regionName.get(d.region) ?? d.region,
    }));
}

type Collection = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;

function bbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const ring of polygon) {
      for (const [x = NaN, y = NaN] of ring) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    }
  }
  return b;
}

describe.skipIf(!present)('geometry step on the open-data mirror', () => {
  let outDir = '';
  let result: GeometryBuild;
  const read = async (level: string): Promise<Collection> => JSON.parse(await readFile(path.join(outDir, `${level}.geojson`), 'utf8')) as Collection;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'geometry-'));
    result = await buildGeometry({ boundariesDir, outDir, departements: mapping(), log: () => {} });
  }, 120_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes every level with the expected feature counts and sizes', () => {
    const files = new Map(result.files.map((f) => [f.level, f]));
    expect(files.get('departement')?.features).toBe(101);
    expect(files.get('academie')?.features).toBe(30);
    expect(files.get('region')?.features).toBe(18);
    expect(files.get('commune')?.features).toBe(34_868);
    expect(files.get('insets')?.features).toBe(5);
    expect(files.get('departement')?.bytes).toBeLessThan(400_000);
    expect(files.get('academie')?.bytes).toBeLessThan(250_000);
    expect(files.get('region')?.bytes).toBeLessThan(250_000);
    expect(files.get('commune')?.bytes).toBeLessThan(12_000_000);
  });

  it('names features and keeps only code and name', async () => {
    const academies = await read('academie');
    expect(academies.features.find((f) => f.properties.code === '70')?.properties).toEqual({ code: '70', name: 'Normandie' });
    const communes = await read('commune');
    expect(communes.features.find((f) => f.properties.code === '63113')?.properties).toEqual({ code: '63113', name: 'Clermont-Ferrand' });
  });

  it('draws every DROM feature inside its inset frame, at every level', async () => {
    const frames = new Map(INSETS.map((i) => [i.code, i.frame]));
    const departements = mapping();
    for (const level of ['commune', 'departement', 'region'] as const) {
      const fc = await read(level);
      let seen = 0;
      for (const f of fc.features) {
        const dep = level === 'commune' ? f.properties.code.slice(0, 3) : level === 'region' ? (departements.find((d) => d.regionCode === f.properties.code)?.code ?? '') : f.properties.code;
        const frame = frames.get(dep);
        if (!frame) continue;
        seen++;
        const [x0, y0, x1, y1] = bbox(f.geometry);
        expect(x0 > frame[0] && y0 > frame[1] && x1 < frame[2] && y1 < frame[3], `${level} ${f.properties.code}`).toBe(true);
      }
      expect(seen, level).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives every commune an area and an interior point, and lists the 7 without polygon', async () => {
    expect(result.withoutGeometry.map((c) => c.code)).toEqual(['14666', '15031', '15035', '15047', '15171', '85165', '85212']);
    expect(result.communes.size).toBe(34_868 + 7);
    const clermont = result.communes.get('63113');
    expect(clermont?.areaKm2).toBeGreaterThan(42); // INSEE: 42.67 km²
    expect(clermont?.areaKm2).toBeLessThan(44);
    const communes = await read('commune');
    let outside = 0;
    for (const f of communes.features) {
      const facts = result.communes.get(f.properties.code);
      if (!facts?.hasGeometry || facts.areaKm2 === null || facts.areaKm2 <= 0 || facts.displayLon === null) outside++;
    }
    expect(outside).toBe(0);
    for (const c of result.withoutGeometry) expect(result.communes.get(c.code)?.hasGeometry).toBe(false);
  });

  it('puts every commune point strictly inside its real polygon', async () => {
    const real = await readCommunes(path.join(boundariesDir, 'communes-cog2026-simplified.geojson.gz'));
    const outside = real.filter((c) => {
      const f = result.communes.get(c.code);
      return !isStrictlyInside([f?.lon ?? NaN, f?.lat ?? NaN], c.geometry);
    });
    expect(outside.map((c) => c.code)).toEqual([]);
  });
});
