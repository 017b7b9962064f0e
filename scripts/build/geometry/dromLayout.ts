// DROM insets: moves the five overseas départements (971 Guadeloupe, 972 Martinique, 973 Guyane,
// 974 La Réunion, 976 Mayotte) into boxes in the Atlantic west of Brittany and north of the
// Spanish coast, as INSEE and Observatoire des territoires maps do. Pure, no I/O.
//
// Layout (display lon/lat, two columns between 44.0°N and 49.7°N, all west of -5.5°):
//
//        -12.2   -9.0 -8.8    -5.6        (Brittany's tip ≈ -4.8°, Ouessant -5.14°)
//   49.7 ┌─────────┐ ┌─────────┐
//        │   971   │ │   972   │
//   47.6 └─────────┘ └─────────┘
//   47.4 ┌─────────┐ ┌─────────┐
//        │   974   │ │         │
//   45.8 └─────────┘ │   973   │
//   45.6 ┌─────────┐ │         │
//        │   976   │ │         │
//   44.0 └─────────┘ └─────────┘          (Galicia's north coast ≈ 43.8°)
//
// Each DROM is moved by a similarity (uniform scale + translation) in Web Mercator space, the
// projection MapLibre draws with. Mercator is conformal, so on screen each territory keeps its
// true shape (east-west distances are scaled by cos(lat) exactly as at home); only its size
// changes, chosen per territory to fill its box (Guyane ≈ 1×, Mayotte ≈ 5.6×).

import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A bounding box `[minLon, minLat, maxLon, maxLat]` in degrees. */
export type BBox = [number, number, number, number];

/** One DROM inset: département code, its name and its box on the display map. */
export interface Inset {
  /** INSEE département code (`"971"` … `"976"`). */
  readonly code: string;
  readonly name: string;
  /** The inset box in display coordinates `[minLon, minLat, maxLon, maxLat]`. */
  readonly frame: BBox;
}

interface InsetSpec extends Inset {
  /** The territory's real extent (slightly padded), mapped onto the centre of `frame`. */
  readonly source: BBox;
}

/** Share of the frame the territory fills along its limiting axis (the rest is margin). */
const FILL = 0.88;

const SPECS: readonly InsetSpec[] = [
  { code: '971', name: 'Guadeloupe', frame: [-12.2, 47.6, -9.0, 49.7], source: [-61.85, 15.8, -60.97, 16.54] },
  { code: '972', name: 'Martinique', frame: [-8.8, 47.6, -5.6, 49.7], source: [-61.25, 14.37, -60.79, 14.9] },
  { code: '973', name: 'Guyane', frame: [-8.8, 44.0, -5.6, 47.4], source: [-54.62, 2.09, -51.6, 5.77] },
  { code: '974', name: 'La Réunion', frame: [-12.2, 45.8, -9.0, 47.4], source: [55.2, -21.41, 55.85, -20.85] },
  { code: '976', name: 'Mayotte', frame: [-12.2, 44.0, -9.0, 45.6], source: [45.0, -13.02, 45.32, -12.61] },
];

/** The five DROM insets, north to south, west column first. */
export const INSETS: readonly Inset[] = SPECS.map(({ code, name, frame }) => ({ code, name, frame }));

const RAD = Math.PI / 180;
/** Web Mercator y, in "degrees" so that it is commensurate with longitude. */
const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) / RAD;
const inverseMercatorY = (y: number): number => (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;

interface Similarity {
  readonly scale: number;
  readonly srcX: number;
  readonly srcY: number;
  readonly dstX: number;
  readonly dstY: number;
}

function similarityOf(spec: InsetSpec): Similarity {
  const [sx0, sy0, sx1, sy1] = spec.source;
  const [fx0, fy0, fx1, fy1] = spec.frame;
  const [my0, my1, mf0, mf1] = [mercatorY(sy0), mercatorY(sy1), mercatorY(fy0), mercatorY(fy1)];
  const scale = FILL * Math.min((fx1 - fx0) / (sx1 - sx0), (mf1 - mf0) / (my1 - my0));
  return { scale, srcX: (sx0 + sx1) / 2, srcY: (my0 + my1) / 2, dstX: (fx0 + fx1) / 2, dstY: (mf0 + mf1) / 2 };
}

const SIMILARITIES: ReadonlyMap<string, Similarity> = new Map(SPECS.map((s) => [s.code, similarityOf(s)]));

/** True for the five DROM département codes that are moved into insets. */
export function isInsetDepartement(departementCode: string): boolean {
  return SIMILARITIES.has(departementCode);
}

/** Display scale of a DROM relative to metropolitan France (1 for any other département). */
export function insetScale(departementCode: string): number {
  return SIMILARITIES.get(departementCode)?.scale ?? 1;
}

/**
 * Map coordinates of a real WGS84 position. Identity for metropolitan départements (and any code
 * that is not one of the five DROM); DROM positions are moved into their inset.
 */
export function toDisplay(lon: number, lat: number, departementCode: string): [number, number] {
  const s = SIMILARITIES.get(departementCode);
  if (!s) return [lon, lat];
  const x = s.dstX + s.scale * (lon - s.srcX);
  const y = s.dstY + s.scale * (mercatorY(lat) - s.srcY);
  return [x, inverseMercatorY(y)];
}

/**
 * Display version of a Polygon or MultiPolygon of the given département: a new geometry for a
 * DROM, the same object for any other département (never mutated).
 */
export function transformGeometry(geometry: Polygon, departementCode: string): Polygon;
export function transformGeometry(geometry: MultiPolygon, departementCode: string): MultiPolygon;
export function transformGeometry(geometry: Polygon | MultiPolygon, departementCode: string): Polygon | MultiPolygon;
export function transformGeometry(geometry: Polygon | MultiPolygon, departementCode: string): Polygon | MultiPolygon {
  if (!SIMILARITIES.has(departementCode)) return geometry;
  const ring = (r: Position[]): Position[] => r.map((p) => toDisplay(p[0] ?? NaN, p[1] ?? NaN, departementCode));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

/** The inset frames as a GeoJSON FeatureCollection of Polygons (properties `code`, `name`). */
export function insetFrames(): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: Polygon }[];
} {
  return {
    type: 'FeatureCollection',
    features: INSETS.map(({ code, name, frame: [x0, y0, x1, y1] }) => ({
      type: 'Feature',
      properties: { code, name },
      // Counter-clockwise exterior ring (RFC 7946).
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
    })),
  };
}

/** Real WGS84 position of a display position: the inverse of `toDisplay`. */
export function fromDisplay(x: number, y: number, departementCode: string): [number, number] {
  const s = SIMILARITIES.get(departementCode);
  if (!s) return [x, y];
  const lon = s.srcX + (x - s.dstX) / s.scale;
  const my = s.srcY + (mercatorY(y) - s.dstY) / s.scale;
  return [lon, inverseMercatorY(my)];
}
