/**
 * Layout of the small static map of a profile: the territory filled, its neighbours of the same
 * level in grey around it (only those in view), and optional points (its schools, on their map
 * positions), on a conformal conic projection (Lambert-like, as French maps are drawn) fitted to
 * the territory with a margin. The display geometry follows RFC 7946 (counter-clockwise outer
 * rings); d3-geo wants the reverse, so polygons are rewound first. Pure: paths are SVG strings.
 */
import { geoArea, geoBounds, geoConicConformal, geoPath } from 'd3';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { r1 } from './scales.ts';

export interface MapFeature {
  code: string;
  name: string;
  geometry: Geometry;
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  highlight?: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  /** neighbours first, the territory last (drawn on top) */
  shapes: { code: string; name: string; d: string; target: boolean }[];
  points: { id: string; x: number; y: number; highlight: boolean }[];
  /** a circle around all the points (a commune's schools in its département), or null */
  ring: { x: number; y: number; r: number } | null;
}

const rewindRings = (rings: Position[][]): Position[][] => {
  const poly: Polygon = { type: 'Polygon', coordinates: rings };
  return geoArea(poly) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
};

/** The geometry with every polygon wound the way d3-geo expects (clockwise outer rings). */
export function rewind(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: rewindRings(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindRings) } as MultiPolygon;
  return geometry;
}

const asFeature = (f: MapFeature): Feature => ({ type: 'Feature', properties: { code: f.code }, geometry: f.geometry });

export interface MapInput {
  features: readonly MapFeature[];
  /** the feature filled in the accent colour */
  target: string | null;
  points?: readonly MapPoint[];
  /** circle the points (where a commune is, in its département) */
  ring?: boolean;
  width?: number;
  height?: number;
  margin?: number;
}

/** Degrees around points that the view always shows (one school must not fill the map). */
const MIN_SPAN = 0.12;

/** A rectangle around the points, at least MIN_SPAN wide and high, clockwise for d3-geo. */
function pointsBox(points: readonly MapPoint[]): Feature {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const cx = (Math.min(...lons) + Math.max(...lons)) / 2;
  const cy = (Math.min(...lats) + Math.max(...lats)) / 2;
  const hw = Math.max(MIN_SPAN, Math.max(...lons) - Math.min(...lons)) / 2;
  const hh = Math.max(MIN_SPAN * 0.7, Math.max(...lats) - Math.min(...lats)) / 2;
  const ring = [[cx - hw, cy - hh], [cx - hw, cy + hh], [cx + hw, cy + hh], [cx + hw, cy - hh], [cx - hw, cy - hh]];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * Fits the map on the target (on the points, or on everything, without one) and draws the
 * features whose bounds meet the view, the target on top.
 */
export function mapLayout({ features, target: targetCode, points = [], ring = false, width = 240, height = 200, margin = 12 }: MapInput): MapLayout {
  const wound = features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  const target = wound.find((f) => f.code === targetCode) ?? null;
  const fitOn: Feature | { type: 'FeatureCollection'; features: Feature[] } =
    target
      ? asFeature(target)
      : points.length > 0
        ? pointsBox(points)
        : { type: 'FeatureCollection', features: wound.map(asFeature) };
  const projection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitExtent([[margin, margin], [width - margin, height - margin]], fitOn);
  const path = geoPath(projection);
  // the view in degrees, with room around it, to leave out features far away
  const [[w, s], [e, n]] = geoBounds(fitOn);
  const padX = Math.max(0.5, (e - w) * 0.8);
  const padY = Math.max(0.4, (n - s) * 0.8);
  const inView = (f: MapFeature) => {
    const [[fw, fs], [fe, fn]] = geoBounds(asFeature(f));
    return fe >= w - padX && fw <= e + padX && fn >= s - padY && fs <= n + padY;
  };
  const shapes = wound
    .filter((f) => f.code === targetCode || inView(f))
    .sort((a, b) => Number(a.code === targetCode) - Number(b.code === targetCode))
    .map((f) => ({ code: f.code, name: f.name, d: roundPath(path(asFeature(f)) ?? ''), target: f.code === targetCode }))
    .filter((s) => s.d !== '');
  const laid = points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ id: p.id, x: r1(xy[0]), y: r1(xy[1]), highlight: p.highlight ?? false }] : [];
  });
  // the highlighted point on top
  laid.sort((a, b) => Number(a.highlight) - Number(b.highlight));
  let circle: MapLayout['ring'] = null;
  if (ring && laid.length > 0) {
    const cx = laid.reduce((s, p) => s + p.x, 0) / laid.length;
    const cy = laid.reduce((s, p) => s + p.y, 0) / laid.length;
    const r = Math.max(...laid.map((p) => Math.hypot(p.x - cx, p.y - cy)));
    circle = { x: r1(cx), y: r1(cy), r: r1(r + 7) };
  }
  return { width, height, shapes, points: laid, ring: circle };
}

/** Rounds every number of a path to 0.1 px (much shorter strings, stable snapshots). */
export const roundPath = (d: string): string => d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(r1(Number(n))));
