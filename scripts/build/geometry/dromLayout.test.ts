// Unit tests for the DROM inset layout: identity for metropolitan France, each DROM inside its
// frame with its shape kept, frames disjoint from each other and from metropolitan France.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { INSETS, insetFrames, isInsetDepartement, toDisplay, transformGeometry } from './dromLayout.ts';
import type { BBox } from './dromLayout.ts';

/** Bounding box of metropolitan France in the commune file (Ouessant to Corsica). */
const METRO: BBox = [-5.1373, 41.3371, 9.56, 51.0884];

/** Real extents of each DROM in the COG 2026 commune file, and one town in it. */
const REAL: Record<string, { bbox: BBox; town: [number, number] }> = {
  '971': { bbox: [-61.8096, 15.8321, -61.0021, 16.5116], town: [-61.53, 16.24] },
  '972': { bbox: [-61.2293, 14.3946, -60.8106, 14.8788], town: [-61.07, 14.6] },
  '973': { bbox: [-54.6015, 2.1113, -51.6191, 5.7482], town: [-52.33, 4.94] },
  '974': { bbox: [55.2165, -21.3891, 55.8367, -20.8717], town: [55.45, -20.88] },
  '976': { bbox: [45.0203, -12.9995, 45.298, -12.6366], town: [45.23, -12.78] },
};

const inside = ([x, y]: [number, number], [x0, y0, x1, y1]: BBox): boolean => x > x0 && x < x1 && y > y0 && y < y1;
const disjoint = (a: BBox, b: BBox): boolean => a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
const mercY = (lat: number): number => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;

describe('toDisplay', () => {
  it('is the identity for metropolitan départements and non-DROM codes', () => {
    expect(toDisplay(3.08, 45.78, '63')).toEqual([3.08, 45.78]);
    expect(toDisplay(9.1, 42.1, '2B')).toEqual([9.1, 42.1]);
    expect(toDisplay(-56.2, 46.8, '975')).toEqual([-56.2, 46.8]);
    expect(isInsetDepartement('63')).toBe(false);
    expect(isInsetDepartement('974')).toBe(true);
  });

  it('moves every corner and a town of each DROM inside its frame', () => {
    expect(INSETS.map((i) => i.code)).toEqual(['971', '972', '973', '974', '976']);
    for (const { code, frame } of INSETS) {
      const real = REAL[code];
      if (!real) throw new Error(`no reference for ${code}`);
      const [x0, y0, x1, y1] = real.bbox;
      for (const [lon, lat] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1], real.town] as [number, number][]) {
        expect(inside(toDisplay(lon, lat, code), frame), `${code} ${lon},${lat}`).toBe(true);
      }
    }
  });

  it('keeps each DROM undistorted on a Mercator map (equal ground lengths stay equal)', () => {
    for (const { code } of INSETS) {
      const [lon, lat] = REAL[code]?.town ?? [0, 0];
      const d = 0.05; // degrees of latitude ≈ 5.6 km
      const east = toDisplay(lon + d / Math.cos((lat * Math.PI) / 180), lat, code);
      const north = toDisplay(lon, lat + d, code);
      const origin = toDisplay(lon, lat, code);
      const ew = Math.abs(east[0] - origin[0]);
      const ns = Math.abs(mercY(north[1]) - mercY(origin[1]));
      expect(ew / ns, code).toBeCloseTo(1, 2);
    }
  });

  it('draws Guyane larger than Mayotte', () => {
    const width = (code: string): number => {
      const [x0, y0, x1] = REAL[code]?.bbox ?? [0, 0, 0];
      return toDisplay(x1, y0, code)[0] - toDisplay(x0, y0, code)[0];
    };
    expect(width('973')).toBeGreaterThan(width('976'));
  });
});

describe('INSETS', () => {
  it('has frames disjoint from each other', () => {
    for (const a of INSETS) for (const b of INSETS) if (a !== b) expect(disjoint(a.frame, b.frame), `${a.code}/${b.code}`).toBe(true);
  });

  it('places every frame west of metropolitan France, in the Atlantic north of Spain', () => {
    for (const { code, frame } of INSETS) {
      expect(disjoint(frame, METRO), code).toBe(true);
      expect(frame[2], code).toBeLessThan(METRO[0]);
      expect(frame[1], code).toBeGreaterThan(43.8); // Galicia's north coast
      expect(frame[3], code).toBeLessThan(49.8); // Isles of Scilly
      expect(frame[0], code).toBeGreaterThan(-13);
    }
  });

  it('exports the frames as closed counter-clockwise polygons', () => {
    const fc = insetFrames();
    expect(fc.features).toHaveLength(5);
    const ring = fc.features[0]?.geometry.coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i] ?? [], ring[i + 1] ?? []];
      twiceArea += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
    }
    expect(twiceArea).toBeGreaterThan(0);
  });
});

describe('transformGeometry', () => {
  const square: Polygon = { type: 'Polygon', coordinates: [[[55.4, -21], [55.5, -21], [55.5, -20.9], [55.4, -20.9], [55.4, -21]]] };

  it('returns metropolitan geometry untouched', () => {
    expect(transformGeometry(square, '63')).toBe(square);
  });

  it('moves a DROM polygon into its frame without mutating the input', () => {
    const moved = transformGeometry(square, '974');
    expect(square.coordinates[0]?.[0]).toEqual([55.4, -21]);
    const frame = INSETS.find((i) => i.code === '974')?.frame ?? METRO;
    for (const p of moved.coordinates[0] ?? []) expect(inside([p[0] ?? NaN, p[1] ?? NaN], frame)).toBe(true);
    expect(moved.coordinates[0]?.[0]).toEqual(moved.coordinates[0]?.[4]);
  });

  it('transforms every part of a MultiPolygon', () => {
    const multi = transformGeometry({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] }, '974');
    expect(multi.type).toBe('MultiPolygon');
    expect(multi.coordinates).toHaveLength(2);
    expect(multi.coordinates[1]?.[0]?.[2]).toEqual(toDisplay(55.5, -20.9, '974'));
  });
});

describe('fromDisplay', () => {
  it('inverts toDisplay for every DROM and is the identity elsewhere', async () => {
    const { fromDisplay, toDisplay } = await import('./dromLayout.ts');
    for (const [dep, lon, lat] of [['971', -61.5, 16.2], ['973', -53.2, 3.9], ['974', 55.5, -21.1], ['976', 45.15, -12.8], ['63', 3.08, 45.78]] as const) {
      const [x, y] = toDisplay(lon, lat, dep);
      const [lon2, lat2] = fromDisplay(x, y, dep);
      expect(lon2).toBeCloseTo(lon, 9);
      expect(lat2).toBeCloseTo(lat, 9);
    }
  });
});
