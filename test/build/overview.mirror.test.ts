// The commune overview rasters of the real build (`npm run data:build`; skipped when there is no
// warehouse): the meta file numbers exactly the communes of geo/commune.geojson, every level
// decodes to its declared size and gives every commune a pixel (but where communes outnumber the
// pixels of z4, and a handful at z5), and the pixel under a
// point well inside a known commune (a pixel whose corners all lie inside it) is that commune's,
// in metropolitan France and in an inset (La Réunion). Logs the gzipped size of each level.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDisplay } from '../../scripts/build/geometry/dromLayout.ts';
import { decodeRows, OVERVIEW_LEVELS, worldPixels, type OverviewMeta } from '../../scripts/build/overview/spec.ts';
import { mercX, mercY } from '../../scripts/build/tiles/spec.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const warehouse = path.join(root, 'data', 'warehouse');
const overviewDir = path.join(warehouse, 'overview', 'commune');

type Geometry = Polygon | MultiPolygon;

/** Even-odd point in polygon over all rings. */
function inside(g: Geometry, x: number, y: number): boolean {
  let c = false;
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
    }
  }
  return c;
}
const lonOf = (px: number, z: number) => (px / worldPixels(z)) * 360 - 180;
const latOf = (py: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / worldPixels(z)))) * 180) / Math.PI;

/** Real positions (WGS84) well inside communes, and the levels where their pixel lies wholly inside. */
const POINTS: { code: string; name: string; departement: string; lon: number; lat: number; levels: number[] }[] = [
  { code: '63113', name: 'Clermont-Ferrand', departement: '63', lon: 3.0863, lat: 45.7772, levels: [4, 5, 6] },
  { code: '15014', name: 'Aurillac', departement: '15', lon: 2.4446, lat: 44.9264, levels: [5, 6] },
  { code: '75056', name: 'Paris', departement: '75', lon: 2.35, lat: 48.86, levels: [5, 6] },
  { code: '97411', name: 'Saint-Denis (La Réunion)', departement: '974', lon: 55.4504, lat: -20.8823, levels: [5, 6] },
];

describe.skipIf(!existsSync(path.join(warehouse, 'warehouse.duckdb')))('commune overview rasters of the real build', () => {
  let meta: OverviewMeta;
  let geometry: Map<string, Geometry>;
  const rasters = new Map<number, Uint16Array>();
  beforeAll(() => {
    if (!existsSync(path.join(overviewDir, 'meta.json'))) throw new Error(`no ${path.relative(root, overviewDir)}/meta.json: the warehouse predates the overview, run \`npm run data:build\``);
    meta = JSON.parse(readFileSync(path.join(overviewDir, 'meta.json'), 'utf8')) as OverviewMeta;
    const fc = JSON.parse(readFileSync(path.join(warehouse, 'geo', 'commune.geojson'), 'utf8')) as { features: { properties: { code: string }; geometry: Geometry | null }[] };
    geometry = new Map(fc.features.flatMap((f) => (f.geometry ? [[f.properties.code, f.geometry] as const] : [])));
    for (const l of meta.levels) rasters.set(l.z, decodeRows(gunzipSync(readFileSync(path.join(overviewDir, `${l.z}.bin`))), l.width, l.height));
  }, 60_000);

  it('numbers exactly the communes with a geometry, in code order', () => {
    expect(meta.version).toBe(1);
    expect(meta.codes.length).toBeGreaterThan(34_000);
    expect(meta.codes).toEqual([...geometry.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('has every level, each file of its declared gzipped size', () => {
    expect(meta.levels.map((l) => l.z)).toEqual([...OVERVIEW_LEVELS]);
    for (const l of meta.levels) {
      expect(statSync(path.join(overviewDir, `${l.z}.bin`)).size).toBe(l.bytes);
      console.log(`commune overview z${l.z}: ${l.width}×${l.height} px at (${l.x0}, ${l.y0}), ${(l.bytes / 1024).toFixed(0)} KB gzipped`);
    }
    // France and the insets at zoom 6 fit in about 2000 × 1300 pixels
    const z6 = meta.levels.find((l) => l.z === 6);
    expect(z6?.width).toBeLessThan(2500);
    expect(z6?.height).toBeLessThan(1600);
  });

  /** Codes with no pixel at level z. */
  const missingAt = (z: number): string[] => {
    const pixels = new Uint32Array(meta.codes.length + 1);
    for (const v of rasters.get(z) ?? []) pixels[v] = (pixels[v] ?? 0) + 1;
    return meta.codes.filter((_, i) => pixels[i + 1] === 0);
  };

  it('gives every commune at least one pixel at z6, all but a handful at z5', () => {
    expect(missingAt(6)).toEqual([]);
    expect(missingAt(5).length).toBeLessThanOrEqual(10);
    for (const z of OVERVIEW_LEVELS) expect((rasters.get(z) ?? []).every((v) => v <= meta.codes.length)).toBe(true);
  });

  it('leaves out at z4 only communes denser than its pixels (under 10 %), all drawn from z5 or z6', () => {
    // at z4 a pixel is about 10 km²: Île-de-France has more communes than pixels there, and a
    // commune is never moved more than one pixel away to be drawn (rasterize.ts)
    const missing = missingAt(4);
    console.log(`commune overview z4: ${missing.length} communes without a pixel`);
    expect(missing.length).toBeLessThan(meta.codes.length / 10);
    const at5 = new Set(missingAt(5));
    expect(missing.filter((c) => at5.has(c)).length).toBeLessThanOrEqual(10);
  });

  for (const p of POINTS) {
    it.each(p.levels)(`draws ${p.name} (${p.code}) under a point well inside it at z%i`, (z) => {
      const l = meta.levels.find((x) => x.z === z);
      const g = geometry.get(p.code);
      if (!l || !g) throw new Error(`no level ${z} or no geometry for ${p.code}`);
      const [lon, lat] = toDisplay(p.lon, p.lat, p.departement);
      expect(inside(g, lon, lat)).toBe(true);
      const [px, py] = [Math.floor(mercX(lon) * worldPixels(z)), Math.floor(mercY(lat) * worldPixels(z))];
      // the whole pixel lies in the commune: its centre does
      for (const [x, y] of [[px, py], [px + 1, py], [px, py + 1], [px + 1, py + 1]] as const) expect(inside(g, lonOf(x, z), latOf(y, z))).toBe(true);
      const v = rasters.get(z)?.[(py - l.y0) * l.width + (px - l.x0)] ?? 0;
      expect(meta.codes[v - 1]).toBe(p.code);
    });
  }
});
