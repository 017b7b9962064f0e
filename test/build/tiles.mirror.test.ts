// The vector tiles of the real build (`npm run data:build`; skipped when there is no warehouse):
// every level has its TileJSON, and the whole-France commune view in a 1280×800 viewport is
// fully tiled, holds every commune and stays within the page budget.
import { VectorTile } from '@mapbox/vector-tile';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../server/indicators/catalog.ts';
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

  it('tiles the whole-France commune view at 1280×800 in six z5 tiles, under 1 MB gzipped, with every commune', () => {
    const { bounds } = tileJson('commune');
    const view = fitView(bounds, 1280, 800);
    expect(view.tileZoom).toBe(5);
    const tiles = tilesCovering(view.viewport, view.tileZoom);
    const files = tiles.map((t) => path.join(tilesDir, 'commune', String(t.z), String(t.x), `${t.y}.pbf`));
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(`whole-France commune view: ${files.length} z${view.tileZoom} tiles, ${(bytes / 1024).toFixed(0)} KB gzipped`);
    expect(bytes).toBeLessThan(1024 * 1024);

    const codes = new Set<string>();
    for (const f of files) {
      const layer = new VectorTile(new PbfReader(gunzipSync(readFileSync(f)))).layers.commune;
      for (let i = 0; i < (layer?.length ?? 0); i++) codes.add(String(layer?.feature(i).properties.code));
    }
    // the 34,868 commune polygons less those under a quarter of a pixel at z5 (49 in the 2026 build)
    expect(codes.size).toBeGreaterThan(34_700);
    expect(codes.has('63113')).toBe(true); // Clermont-Ferrand
    expect(codes.has('97411')).toBe(true); // Saint-Denis (La Réunion), in its inset
  });
});
