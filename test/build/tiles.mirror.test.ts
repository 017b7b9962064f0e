// The vector tiles of the real build (`npm run data:build`; skipped when there is no warehouse):
// every level has its TileJSON, the whole-France commune view in a 1280×800 viewport is fully
// tiled and stays within the page budget, and no commune is lost at the overview zooms: the
// commune tiles, cut again by the current code from the build's display geometry, hold every
// commune with a geometry in the tiles covering France at z4 (the commune minzoom, what the
// explorer shows when side panels narrow the map, as in the benchmark) and z5 (1280×800).
import { VectorTile } from '@mapbox/vector-tile';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../../server/indicators/catalog.ts';
import { buildTiles } from '../../scripts/build/tiles/index.ts';
import { fitView, tilesCovering, type Bounds } from '../../scripts/build/tiles/spec.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tilesDir = path.join(root, 'data', 'warehouse', 'tiles');
const tileJson = (level: string) => JSON.parse(readFileSync(path.join(tilesDir, level, 'tilejson.json'), 'utf8')) as { bounds: Bounds; minzoom: number; maxzoom: number };

describe.skipIf(!existsSync(path.join(root, 'data', 'warehouse', 'warehouse.duckdb')))('vector tiles of the real build', () => {
  it('has a TileJSON per level with its zoom range', () => {
    for (const level of LEVELS) {
      expect(tileJson(level)).toMatchObject(level === 'commune' ? { minzoom: 4, maxzoom: 10 } : { minzoom: 0, maxzoom: 8 });
    }
  });

  it('tiles the whole-France commune view at 1280×800 in six z5 tiles, under 1 MB gzipped', () => {
    const { bounds } = tileJson('commune');
    const view = fitView(bounds, 1280, 800);
    expect(view.tileZoom).toBe(5);
    const files = viewFiles(tilesDir, bounds, view.tileZoom);
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(`whole-France commune view: ${files.length} z${view.tileZoom} tiles, ${(bytes / 1024).toFixed(0)} KB gzipped`);
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  describe('no commune lost at the overview zooms', () => {
    let dir: string;
    let expected: Set<string>;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'tiles-mirror-'));
      const geoDir = path.join(root, 'data', 'warehouse', 'geo');
      await buildTiles({ geoDir, outDir: dir, levels: ['commune'], log: () => {} });
      const fc = JSON.parse(readFileSync(path.join(geoDir, 'commune.geojson'), 'utf8')) as { features: { properties: { code: string }; geometry: unknown }[] };
      expected = new Set(fc.features.filter((f) => f.geometry).map((f) => f.properties.code));
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    for (const z of [4, 5]) {
      it(`holds every commune with a geometry in the z${z} tiles covering France`, () => {
        const { bounds } = tileJson('commune');
        const codes = new Set<string>();
        for (const f of viewFiles(dir, bounds, z)) {
          if (!existsSync(f)) continue;
          const layer = new VectorTile(new PbfReader(gunzipSync(readFileSync(f)))).layers.commune;
          for (let i = 0; i < (layer?.length ?? 0); i++) codes.add(String(layer?.feature(i).properties.code));
        }
        expect(expected.size).toBeGreaterThan(34_000);
        expect([...expected].filter((c) => !codes.has(c))).toEqual([]);
        expect(codes.has('97411')).toBe(true); // Saint-Denis (La Réunion), in its inset
      });
    }
  });
});

/** The files of the commune tiles of zoom z covering the box. */
function viewFiles(folder: string, bounds: Bounds, z: number): string[] {
  return tilesCovering(bounds, z).map((t) => path.join(folder, 'commune', String(t.z), String(t.x), `${t.y}.pbf`));
}
