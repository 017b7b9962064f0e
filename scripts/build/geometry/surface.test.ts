// Unit tests for commune surface facts: geodesic area and the interior point.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaKm2, isStrictlyInside, pointOnSurface, ringArea, scanLinePoint } from './surface.ts';

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

/** A "U": its vertex centroid (≈ 2, 1.6) lies in the notch, outside the polygon. */
const U: Polygon = {
  type: 'Polygon',
  coordinates: [[[0, 0], [4, 0], [4, 4], [3, 4], [3, 1], [1, 1], [1, 4], [0, 4], [0, 0]]],
};

describe('areaKm2', () => {
  it('gives ≈ 12,364 km² for a 1°×1° square at the equator', () => {
    expect(areaKm2(square(0, 0, 1))).toBeGreaterThan(12_300);
    expect(areaKm2(square(0, 0, 1))).toBeLessThan(12_420);
  });

  it('shrinks with latitude (cos φ) and subtracts holes', () => {
    expect(areaKm2(square(0, 60, 1)) / areaKm2(square(0, 0, 1))).toBeCloseTo(0.5, 1);
    const holed: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1).coordinates[0] ?? [], [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]]] };
    expect(areaKm2(holed) / areaKm2(square(0, 0, 1))).toBeCloseTo(0.75, 2);
  });
});

describe('pointOnSurface', () => {
  it('returns an interior point of a convex polygon', () => {
    const p = pointOnSurface(square(2, 45, 0.1));
    expect(p).not.toBeNull();
    expect(isStrictlyInside(p ?? [0, 0], square(2, 45, 0.1))).toBe(true);
  });

  it('stays inside a U-shaped polygon whose centroid is outside', () => {
    const p = pointOnSurface(U) ?? [NaN, NaN];
    expect(isStrictlyInside(p, U)).toBe(true);
  });

  it('avoids a hole that contains the centroid', () => {
    const ring = square(0, 0, 1).coordinates[0] ?? [];
    const holed: Polygon = { type: 'Polygon', coordinates: [ring, [[0.1, 0.1], [0.1, 0.9], [0.9, 0.9], [0.9, 0.1], [0.1, 0.1]]] };
    const p = pointOnSurface(holed) ?? [NaN, NaN];
    expect(isStrictlyInside(p, holed)).toBe(true);
  });

  it('picks a point inside one part of a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.1).coordinates, square(5, 5, 1).coordinates] };
    const p = pointOnSurface(multi) ?? [NaN, NaN];
    expect(isStrictlyInside(p, multi)).toBe(true);
  });
});

describe('scanLinePoint and ringArea', () => {
  it('finds the widest interior span of a U', () => {
    const [x, y] = scanLinePoint(U.coordinates) ?? [NaN, NaN];
    expect(y).toBeGreaterThan(1); // between the vertex latitudes 1 and 4 around the middle (2)
    expect(x === 0.5 || x === 3.5).toBe(true);
  });

  it('signs ring area by orientation', () => {
    const ccw = square(0, 0, 2).coordinates[0] ?? [];
    expect(ringArea(ccw)).toBe(4);
    expect(ringArea([...ccw].reverse())).toBe(-4);
  });
});
