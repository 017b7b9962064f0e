// The tile builder on two hand-made 1° squares (test/fixtures/tiny-tiles.ts):
// which tiles exist, what a decoded tile holds, the TileJSON, and the tile arithmetic.
import { VectorTile } from '@mapbox/vector-tile';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTinyTiles } from '../../../test/fixtures/tiny-tiles.ts';
import { encodeLevel, type DisplayFeature } from './encode.ts';
import type { TilesResult } from './index.ts';
import { fitView, tilesCovering, type Bounds } from './spec.ts';

let dir: string;
let results: TilesResult[];
const tilesDir = () => path.join(dir, 'tiles');
const zooms = (folder: string) => readdirSync(folder).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
const decode = (level: string, z: number, x: number, y: number) =>
  new VectorTile(new PbfReader(gunzipSync(readFileSync(path.join(tilesDir(), level, String(z), String(x), `${y}.pbf`)))));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tiles-unit-'));
  results = await addTinyTiles(dir, ['departement', 'commune']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildTiles', () => {
  it('writes every non-empty tile of the zoom range, and only those', () => {
    const dep = path.join(tilesDir(), 'departement');
    expect(zooms(dep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(existsSync(path.join(dep, '0', '0', '0.pbf'))).toBe(true);
    expect(existsSync(path.join(dep, '5', '16', '11.pbf'))).toBe(true); // 2–4° E, 45–46° N at z5
    expect(readdirSync(path.join(dep, '5'))).toEqual(['16']);
    // z8: x 129.4–130.8, y 91.1–92.1 → a 2 × 2 block
    const z8 = readdirSync(path.join(dep, '8')).flatMap((x) => readdirSync(path.join(dep, '8', x)).map((y) => `${x}/${y}`));
    expect(z8.sort()).toEqual(['129/91.pbf', '129/92.pbf', '130/91.pbf', '130/92.pbf']);
    expect(zooms(path.join(tilesDir(), 'commune'))).toEqual([4, 5, 6, 7, 8, 9, 10]); // none below the commune minzoom
    expect(existsSync(path.join(tilesDir(), 'commune', 'tilejson.json'))).toBe(true);
  });

  it('encodes one source layer named after the level, with code and name', () => {
    const tile = decode('departement', 8, 130, 91); // holds the east edge of the west square and the east square
    expect(Object.keys(tile.layers)).toEqual(['departement']);
    const layer = tile.layers.departement;
    expect(layer?.length).toBe(2);
    expect(layer?.extent).toBe(4096);
    const props = [0, 1].map((i) => layer?.feature(i).properties);
    expect(props).toEqual(expect.arrayContaining([{ code: '15', name: 'Cantal' }, { code: '63', name: 'Puy-de-Dôme' }]));
    expect(layer?.feature(0).type).toBe(3); // polygon
    const west = decode('departement', 8, 129, 91).layers.departement;
    expect(west?.length).toBe(1);
    expect(west?.feature(0).properties.code).toBe('15');
  });

  it('keeps only the code of communes', () => {
    const layer = decode('commune', 5, 16, 11).layers.commune;
    expect(layer?.length).toBe(2);
    expect([0, 1].map((i) => layer?.feature(i).properties).sort((a, b) => String(a?.code).localeCompare(String(b?.code)))).toEqual([{ code: '15014' }, { code: '63113' }]);
  });

  it('writes a TileJSON 3.0.0 per level', () => {
    const tj = JSON.parse(readFileSync(path.join(tilesDir(), 'commune', 'tilejson.json'), 'utf8'));
    expect(tj).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['/tiles/commune/{z}/{x}/{y}.pbf'],
      minzoom: 4,
      maxzoom: 10,
      bounds: [2, 45, 4, 46],
      vector_layers: [{ id: 'commune', minzoom: 4, maxzoom: 10, fields: { code: expect.any(String) } }],
    });
  });

  it('reports tiles, gzipped bytes and time per level', () => {
    const dep = results.find((r) => r.level === 'departement');
    expect(dep).toMatchObject({ level: 'departement', minzoom: 0, maxzoom: 8 });
    expect(dep?.tiles).toBeGreaterThan(9);
    expect(dep?.bytes).toBeGreaterThan(dep?.tiles ?? 0);
    expect(dep?.seconds).toBeGreaterThan(0);
  });
});

describe('encodeLevel', () => {
  /** A square commune of `side` degrees with its south-west corner at (lon, 45° N). */
  const square = (code: string, lon: number, side: number): DisplayFeature => ({
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: [[[lon, 45], [lon + side, 45], [lon + side, 45 + side], [lon, 45 + side], [lon, 45]]] },
  });
  const codesAt = (features: DisplayFeature[], zoom: number) => {
    const codes = new Set<string>(); // a commune crossing tiles is in each
    for (const t of encodeLevel(features, { level: 'commune', minzoom: 4, maxzoom: 10, tolerance: 4, fields: ['code'] })) {
      if (t.z !== zoom) continue;
      const layer = new VectorTile(new PbfReader(t.data)).layers.commune;
      for (let i = 0; i < (layer?.length ?? 0); i++) codes.add(String(layer?.feature(i).properties.code));
    }
    return [...codes].sort();
  };

  it('keeps a commune smaller than the tolerance at every zoom, where geojson-vt alone drops it', () => {
    // 0.005° ≈ 550 m: at z4 (≈ 600 m per tile unit) its area is under tolerance² (16 units²)
    const features = [square('63001', 2, 1), square('63002', 3.5, 0.005)];
    for (const z of [4, 5, 6, 10]) expect(codesAt(features, z)).toEqual(['63001', '63002']);
  });

  it('tiles a level made only of communes too small for its low zooms', () => {
    // every tile from z0 to z4 has all its features dropped by geojson-vt: the walk must go on
    expect(codesAt([square('63002', 3.5, 0.005)], 4)).toEqual(['63002']);
  });
});

describe('tile arithmetic', () => {
  /** France with the DROM insets, as the display geometry spans it. */
  const FRANCE: Bounds = [-12.2, 41.3, 9.6, 51.1];

  it('fits France in a 1280×800 viewport at z ≈ 5.3, loading six z5 tiles', () => {
    const view = fitView(FRANCE, 1280, 800);
    expect(view.zoom).toBeCloseTo(5.35, 1);
    expect(view.tileZoom).toBe(5);
    expect(tilesCovering(view.viewport, 5)).toHaveLength(6);
  });
  it('narrows to z4 when side panels leave a 900 px map', () => {
    expect(fitView(FRANCE, 900, 800).tileZoom).toBe(4);
  });
  it('lists the tiles a box intersects', () => {
    expect(tilesCovering([2, 45, 4, 46], 8).map((t) => `${t.x}/${t.y}`)).toEqual(['129/91', '129/92', '130/91', '130/92']);
    expect(tilesCovering([-180, -85, 180, 85], 1)).toHaveLength(4);
  });
});
