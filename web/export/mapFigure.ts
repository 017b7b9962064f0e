/**
 * The map of an export as SVG paths: the display geometry of the level (`/geo/{level}.geojson`,
 * DROM in their insets, as the tiles) projected in Web Mercator exactly as MapLibre draws it
 * (512-pixel world at zoom 0, no rotation, no pitch), for the camera of the view (`map=` in the
 * URL, on a map of the size shown) or, without one, fitted to the territories coloured. Each
 * territory is one path filled with its class colour (no-data and outside colours as on screen),
 * with white borders; rings are thinned to what a pixel can show. Pure.
 */
import type { Geometry, Position } from 'geojson';

export interface MapShape {
  code: string;
  geometry: Geometry | null;
}

/** A web-mercator view: the centre (in mercator units 0..1) and pixels per mercator unit. */
export interface MercatorView {
  cx: number;
  cy: number;
  scale: number;
  width: number;
  height: number;
}

const TILE = 512;

/** Longitude/latitude → mercator units (0..1, y down), as MapLibre. */
export function mercator(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-85.051129, Math.min(85.051129, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** The view of a MapLibre camera on a map `mapWidth` CSS pixels wide, drawn `width`×`height`. */
export function cameraView(camera: { zoom: number; lat: number; lon: number }, mapWidth: number, width: number, height: number): MercatorView {
  const [cx, cy] = mercator(camera.lon, camera.lat);
  return { cx, cy, scale: TILE * 2 ** camera.zoom * (width / mapWidth), width, height };
}

/** The view fitting `bounds` ([west, south, east, north]) into width×height with `padding` pixels. */
export function fitView(bounds: readonly [number, number, number, number], width: number, height: number, padding = 12): MercatorView {
  const [x0, y1] = mercator(bounds[0], bounds[1]);
  const [x1, y0] = mercator(bounds[2], bounds[3]);
  const scale = Math.min((width - 2 * padding) / Math.max(1e-9, x1 - x0), (height - 2 * padding) / Math.max(1e-9, y1 - y0));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale, width, height };
}

/**
 * A size for a map fitted to `bounds` at `width` pixels: the height follows the bounds' shape
 * (plus padding), within [minHeight, maxHeight], so a figure has no empty bands.
 */
export function fitSize(bounds: readonly [number, number, number, number], width: number, padding = 12, minHeight = 300, maxHeight = 1100): { width: number; height: number } {
  const [x0, y1] = mercator(bounds[0], bounds[1]);
  const [x1, y0] = mercator(bounds[2], bounds[3]);
  const aspect = (y1 - y0) / Math.max(1e-9, x1 - x0);
  return { width, height: Math.round(Math.max(minHeight, Math.min(maxHeight, (width - 2 * padding) * aspect + 2 * padding))) };
}

/** The MapLibre zoom a view corresponds to (512-pixel tiles). */
export const zoomOf = (view: MercatorView): number => Math.log2(view.scale / TILE);

/** Projects one position into the view's pixels. */
export function project(view: MercatorView, lon: number, lat: number): [number, number] {
  const [x, y] = mercator(lon, lat);
  return [(x - view.cx) * view.scale + view.width / 2, (y - view.cy) * view.scale + view.height / 2];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The SVG path data of a ring, thinned (points under `tolerance` px from the last kept are dropped). */
function ringPath(view: MercatorView, ring: readonly Position[], tolerance: number): string {
  let d = '';
  let last: [number, number] | null = null;
  let kept = 0;
  const first = ring[0];
  const last0 = ring[ring.length - 1];
  // a closed ring repeats its first position: `Z` closes it
  const end = first && last0 && first[0] === last0[0] && first[1] === last0[1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < end; i++) {
    const pos = ring[i] as Position;
    const p = project(view, pos[0] as number, pos[1] as number);
    if (last && Math.abs(p[0] - last[0]) < tolerance && Math.abs(p[1] - last[1]) < tolerance) continue;
    d += `${kept === 0 ? 'M' : 'L'}${r1(p[0])},${r1(p[1])}`;
    last = p;
    kept++;
  }
  return kept >= 3 ? `${d}Z` : '';
}

function polygons(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}

/** [west, south, east, north] of a geometry's polygons (null when empty). */
export function geometryBounds(g: Geometry | null): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (const [lon, lat] of ring as [number, number][]) {
        if (!b) b = [lon, lat, lon, lat];
        else {
          if (lon < b[0]) b[0] = lon;
          if (lat < b[1]) b[1] = lat;
          if (lon > b[2]) b[2] = lon;
          if (lat > b[3]) b[3] = lat;
        }
      }
    }
  }
  return b;
}

/** Union of bounds (null when none). */
export function unionBounds(all: readonly ([number, number, number, number] | null)[]): [number, number, number, number] | null {
  const some = all.filter((b): b is [number, number, number, number] => b !== null);
  if (!some.length) return null;
  return [Math.min(...some.map((b) => b[0])), Math.min(...some.map((b) => b[1])), Math.max(...some.map((b) => b[2])), Math.max(...some.map((b) => b[3]))];
}

/** The path data of a shape in the view, or '' when it lies outside it or is under a pixel. */
export function shapePath(view: MercatorView, g: Geometry | null, tolerance = 0.4): string {
  const b = geometryBounds(g);
  if (!b) return '';
  const [x0, y1] = project(view, b[0], b[1]);
  const [x1, y0] = project(view, b[2], b[3]);
  if (x1 < 0 || y1 < 0 || x0 > view.width || y0 > view.height) return '';
  if (x1 - x0 < 0.3 && y1 - y0 < 0.3) return '';
  return polygons(g)
    .map((poly) => poly.map((ring) => ringPath(view, ring, tolerance)).join(''))
    .join('');
}

/** A school: solid at its exact position, hollow at its commune's centre. */
export interface MapPoint {
  lon: number;
  lat: number;
  color: string;
  exact: boolean;
}

/** The radius of school points at a zoom (web/map/layers.ts: 1.7 px at z4, 3.2 at z8, 6.5 at z12). */
export function pointRadius(zoom: number): number {
  const stops: [number, number][] = [[4, 1.7], [8, 3.2], [12, 6.5]];
  if (zoom <= 4) return 1.7;
  if (zoom >= 12) return 6.5;
  const i = zoom < 8 ? 0 : 1;
  const [z0, r0] = stops[i] as [number, number];
  const [z1, r1v] = stops[i + 1] as [number, number];
  return r0 + ((zoom - z0) / (z1 - z0)) * (r1v - r0);
}

export interface MapSvgInput {
  view: MercatorView;
  shapes: readonly MapShape[];
  /** code → fill colour; shapes not in it take `outside` */
  colors: ReadonlyMap<string, string>;
  outside: string;
  background: string;
  /** border width (px of the view); 0: no borders (each shape is outlined in its own colour, so no seams show) */
  border: number;
  /** outlines drawn over the fills (context borders: départements over communes) */
  context?: readonly MapShape[];
  /** dashed frames (the DROM insets) */
  frames?: readonly MapShape[];
  /** the parent territory of the view, outlined in dark as on screen */
  outline?: MapShape | null;
  /** LISA clusters outlined as on screen: code → state, the widths of the line and its white casing, each state's colour */
  lisa?: { states: ReadonlyMap<string, 'under' | 'well'>; width: number; casing: number; colors: Readonly<Record<'under' | 'well', string>> } | null;
  /** school points (the territories are then faded, as on screen) */
  points?: readonly MapPoint[];
  /** the text alternative of the map */
  label: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The map as an `<svg>` of paths, `view.width`×`view.height`, to be scaled into a figure. */
export function mapSvg(input: MapSvgInput, box: { width: number; height: number }): string {
  const { view } = input;
  const out: string[] = [
    `<svg x="0" y="0" width="${r1(box.width)}" height="${r1(box.height)}" viewBox="0 0 ${r1(view.width)} ${r1(view.height)}" overflow="hidden" role="img" aria-label="${esc(input.label)}">`,
    `<rect width="${r1(view.width)}" height="${r1(view.height)}" fill="${input.background}"/>`,
    `<g class="territories" stroke="#ffffff" stroke-width="${input.border || 0.35}" stroke-linejoin="round" fill-rule="evenodd"${input.points?.length ? ' fill-opacity="0.45"' : ''}>`,
  ];
  for (const s of input.shapes) {
    const d = shapePath(view, s.geometry);
    const fill = input.colors.get(s.code) ?? input.outside;
    if (d) out.push(`<path data-code="${esc(s.code)}" fill="${fill}"${input.border ? '' : ` stroke="${fill}"`} d="${d}"/>`);
  }
  out.push('</g>');
  if (input.context?.length) {
    out.push(`<g class="context" fill="none" stroke="#4b5563" stroke-width="0.9" stroke-linejoin="round">`);
    for (const s of input.context) {
      const d = shapePath(view, s.geometry, 0.6);
      if (d) out.push(`<path d="${d}"/>`);
    }
    out.push('</g>');
  }
  if (input.lisa && input.lisa.states.size > 0) {
    // a white casing under each cluster's outline, as the map's lisa-casing and lisa layers
    const { states, width, casing, colors } = input.lisa;
    const paths = input.shapes.flatMap((s) => {
      const state = states.get(s.code);
      const d = state ? shapePath(view, s.geometry, 0.3) : null;
      return state && d ? [{ state, d }] : [];
    });
    out.push(`<g class="lisa" fill="none" stroke-linejoin="round">`);
    for (const { d } of paths) out.push(`<path stroke="#ffffff" stroke-opacity="0.9" stroke-width="${r1(casing)}" d="${d}"/>`);
    for (const { state, d } of paths) out.push(`<path data-lisa="${state}" stroke="${colors[state]}" stroke-width="${r1(width)}" d="${d}"/>`);
    out.push('</g>');
  }
  if (input.outline) {
    const d = shapePath(view, input.outline.geometry, 0.3);
    if (d) out.push(`<path class="outline" fill="none" stroke="#ffffff" stroke-width="4" stroke-opacity="0.9" stroke-linejoin="round" d="${d}"/><path class="outline" fill="none" stroke="#0b1320" stroke-width="2" stroke-linejoin="round" d="${d}"/>`);
  }
  if (input.points?.length) {
    const r = r1(pointRadius(zoomOf(view)));
    out.push(`<g class="schools">`);
    for (const p of input.points) {
      const [x, y] = project(view, p.lon, p.lat);
      if (x < -r || y < -r || x > view.width + r || y > view.height + r) continue;
      out.push(
        p.exact
          ? `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="${p.color}" stroke="#1f2933" stroke-width="0.7"/>`
          : `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="#ffffff" stroke="${p.color}" stroke-width="1.8"/>`,
      );
    }
    out.push('</g>');
  }
  if (input.frames?.length) {
    out.push(`<g class="insets" fill="none" stroke="#7b8794" stroke-width="1" stroke-dasharray="3 2">`);
    for (const s of input.frames) {
      const d = shapePath(view, s.geometry, 0.2);
      if (d) out.push(`<path d="${d}"/>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
