// The commune ID rasteriser on hand-made polygons drawn in world pixels of zoom Z (converted to
// lon/lat near 0°, 0°), so that the expected pixels can be counted by hand: pixel (x, y) has its
// centre at (x + 0.5, y + 0.5).
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DisplayFeature } from '../tiles/encode.ts';
import { communeCodes, rasterize, type OverviewRaster } from './rasterize.ts';
import { decodeRows, encodeRows, worldPixels } from './spec.ts';

const Z = 10;
const W = worldPixels(Z);
// world pixels of the origin of the drawings: lon 0, lat 0
const OX = W / 2;
const OY = W / 2;
/** lon/lat of the world pixel (OX + x, OY + y) at zoom Z. */
const P = (x: number, y: number): [number, number] => [((OX + x) / W) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * (OY + y)) / W))) * 180) / Math.PI];
/** A closed ring of the rectangle [x0, x1] × [y0, y1] (drawing pixels). */
const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)];
const polygon = (code: string, ...rings: [number, number][][]): DisplayFeature => ({ type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: rings } });
const multi = (code: string, ...polygons: [number, number][][][]): DisplayFeature => ({ type: 'Feature', properties: { code }, geometry: { type: 'MultiPolygon', coordinates: polygons } });

/** The code at drawing pixel (x, y), '' for none. */
const codeAt = (r: OverviewRaster, x: number, y: number): string => {
  const [c, row] = [OX + x - r.x0, OY + y - r.y0];
  if (c < 0 || row < 0 || c >= r.width || row >= r.height) return '';
  const v = r.ids[row * r.width + c] as number;
  return v ? (r.codes[v - 1] as string) : '';
};
/** Pixels per code. */
const pixelsOf = (r: OverviewRaster): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const v of r.ids) if (v) out[r.codes[v - 1] as string] = (out[r.codes[v - 1] as string] ?? 0) + 1;
  return out;
};
/** Drawing pixels [x, y] holding `code`. */
const where = (r: OverviewRaster, code: string): [number, number][] => {
  const id = r.codes.indexOf(code) + 1;
  const out: [number, number][] = [];
  r.ids.forEach((v, i) => {
    if (v === id) out.push([r.x0 + (i % r.width) - OX, r.y0 + Math.floor(i / r.width) - OY]);
  });
  return out;
};

/** Two pixels at (-5, -5) and (6, 6): room around the sub-pixel communes of a test. */
const FRAME = multi('frame', [rect(-5, -5, -4, -4)], [rect(6, 6, 7, 7)]);

describe('rasterize', () => {
  it('crops to the floor/ceil box of the features in world pixels of the zoom', () => {
    const r = rasterize([polygon('A', rect(10.2, 20.7, 13.6, 22.1))], Z);
    expect([r.x0 - OX, r.y0 - OY, r.width, r.height]).toEqual([10, 20, 4, 3]);
    expect(r.ids.length).toBe(12);
  });

  it('numbers the communes by their codes in plain string order, from 1', () => {
    const r = rasterize([polygon('63113', rect(0, 0, 2, 2)), polygon('2A004', rect(2, 0, 4, 2)), polygon('15014', rect(4, 0, 6, 2))], Z);
    expect(r.codes).toEqual(['15014', '2A004', '63113']);
    expect([0, 2, 4].map((x) => r.ids[x])).toEqual([3, 2, 1]);
  });

  it('gives each pixel to the one of two adjacent squares holding its centre, none to both', () => {
    // the shared edge x = 4.5 goes through the centres of column 4: they go to the square on its right
    const r = rasterize([polygon('A', rect(0, 0, 4.5, 3)), polygon('B', rect(4.5, 0, 7, 3))], Z);
    expect(pixelsOf(r)).toEqual({ A: 12, B: 9 });
    expect([3, 4, 5].map((x) => codeAt(r, x, 1))).toEqual(['A', 'B', 'B']);
    expect(r.ids.every((v) => v !== 0)).toBe(true);
    expect(r.stamped).toBe(0);
  });

  it('takes pixel centres inside a slanted edge only', () => {
    // right triangle (0,0) (4,0) (0,4): centre (x + 0.5, y + 0.5) inside when x + y + 1 < 4
    const r = rasterize([polygon('T', [P(0, 0), P(4, 0), P(0, 4), P(0, 0)])], Z);
    expect(pixelsOf(r)).toEqual({ T: 6 });
    expect(codeAt(r, 2, 0)).toBe('T');
    expect(codeAt(r, 2, 1)).toBe('');
  });

  it('leaves the hole of a polygon empty', () => {
    const r = rasterize([polygon('H', rect(0, 0, 6, 6), rect(2, 2, 4, 4))], Z);
    expect(pixelsOf(r)).toEqual({ H: 32 });
    for (const [x, y] of [[2, 2], [3, 2], [2, 3], [3, 3]] as const) expect(codeAt(r, x, y)).toBe('');
    expect(codeAt(r, 1, 2)).toBe('H');
  });

  it('fills every polygon of a MultiPolygon with the same number', () => {
    const r = rasterize([multi('M', [rect(0, 0, 2, 2)], [rect(5, 5, 7, 7), rect(5.2, 5.2, 5.8, 5.8)]), polygon('N', rect(2, 0, 3, 1))], Z);
    expect(pixelsOf(r)).toEqual({ M: 7, N: 1 });
    expect(codeAt(r, 5, 5)).toBe(''); // the hole of the second polygon holds the centre (5.5, 5.5)
    expect(codeAt(r, 6, 6)).toBe('M');
    expect(codeAt(r, 3, 3)).toBe('');
  });

  it('gives exactly one pixel to a commune holding no pixel centre: the one under its bbox centre', () => {
    const r = rasterize([polygon('big', rect(0, 0, 5, 5)), polygon('tiny', rect(2.1, 3.1, 2.3, 3.4))], Z);
    expect(pixelsOf(r)).toEqual({ big: 24, tiny: 1 });
    expect(where(r, 'tiny')).toEqual([[2, 3]]);
    expect(r.stamped).toBe(1);
  });

  it('gives two sub-pixel communes of the same pixel two different pixels, the second next to the first', () => {
    const r = rasterize([polygon('big', rect(0, 0, 5, 5)), polygon('t1', rect(2.1, 2.1, 2.3, 2.3)), polygon('t2', rect(2.8, 2.6, 2.9, 2.7))], Z);
    expect(pixelsOf(r)).toEqual({ big: 23, t1: 1, t2: 1 });
    const [[a], [b]] = [where(r, 't1'), where(r, 't2')];
    expect(a).toEqual([2, 2]);
    expect(b).not.toEqual(a);
    // t2's bbox centre (2.85, 2.65) is nearest to the centre of pixel (3, 2) in the 3×3 ring
    expect(b).toEqual([3, 2]);
    expect(r.stamped).toBe(2);
  });

  it("never takes a commune's only pixel for a smaller one", () => {
    // 'one' holds the single centre (2.5, 2.5); 'tiny' lies in that pixel and goes to a neighbour
    const r = rasterize([polygon('one', rect(2.2, 2.2, 2.8, 2.8)), polygon('tiny', rect(2.3, 2.3, 2.4, 2.4)), FRAME], Z);
    expect(pixelsOf(r)).toEqual({ frame: 2, one: 1, tiny: 1 });
    expect(where(r, 'one')).toEqual([[2, 2]]);
    expect(where(r, 'tiny')).toEqual([[2, 1]]); // first of the equally near pixels in row order
  });

  it('places sub-pixel communes packed in one pixel within one pixel of it, and leaves the rest out of the level', () => {
    const features = Array.from({ length: 30 }, (_, i) => polygon(`c${String(i).padStart(2, '0')}`, rect(1 + i * 0.01, 1.1, 1.005 + i * 0.01, 1.2)));
    const r = rasterize([...features, FRAME], Z);
    const placed = features.filter((f) => where(r, f.properties.code).length === 1);
    // the centre pixel and its 8 neighbours: never further (they would be drawn, and hovered, away from their place)
    expect(placed).toHaveLength(9);
    expect(r.stamped).toBe(9);
    expect(r.unplaced).toBe(21);
    expect(Math.max(...placed.map((f) => Math.max(...where(r, f.properties.code).map(([x, y]) => Math.max(Math.abs(x - 1), Math.abs(y - 1))))))).toBe(1);
    expect(pixelsOf(r).frame).toBe(2);
  });

  it('leaves a commune out when every pixel near it is some commune’s only one', () => {
    const r = rasterize([polygon('t1', rect(2.1, 2.1, 2.3, 2.3)), polygon('t2', rect(2.6, 2.6, 2.8, 2.9))], Z);
    expect(r.width * r.height).toBe(1);
    expect(pixelsOf(r)).toEqual({ t1: 1 });
    expect(r.stamped).toBe(1);
    expect(r.unplaced).toBe(1);
  });

  it('throws a clear error past the largest commune number', () => {
    const features = ['a', 'b', 'c'].map((c, i) => polygon(c, rect(i, 0, i + 1, 1)));
    expect(() => rasterize(features, Z, { maxCommunes: 2 })).toThrow(/3 communes, more than the 2/);
    expect(() => communeCodes(features, 2)).toThrow(/3 communes, more than the 2/);
    expect(rasterize(features, Z, { maxCommunes: 3 }).codes).toEqual(['a', 'b', 'c']);
  });

  it('survives encode → gzip → gunzip → decode unchanged', () => {
    const r = rasterize([polygon('H', rect(0, 0, 6, 6), rect(2, 2, 4, 4)), polygon('B', rect(6, 0, 9, 4)), polygon('t', rect(7.1, 5.1, 7.2, 5.2))], Z);
    expect(new Set(r.ids).size).toBe(4); // 0, H, B, t: rows that differ from the row above
    const back = decodeRows(gunzipSync(gzipSync(encodeRows(r.ids, r.width, r.height), { level: 9 })), r.width, r.height);
    expect(back).toEqual(r.ids);
  });
});
