/**
 * The map's first frame of the commune overview, drawn in a plain 2D canvas before MapLibre
 * exists. A first view of all France's communes needs nothing MapLibre alone can draw: the
 * overview raster (a commune number per pixel), the colour table and the départements' table are
 * what the overview layer's shader reads (overviewLayer.ts). Computing the same pixels here shows
 * the coloured map as soon as its data is in, while MapLibre (~1 MB of script, its painter, style
 * and worker) starts after that first paint and takes over, same camera, same pixels; then pan,
 * zoom, hover and click work. Pure functions (camera, pixels) are unit-tested; the hand-over is
 * checked pixel by pixel in the browser tests.
 */
import { worldPixels } from '../../../scripts/build/overview/spec.ts';
import { mercX, mercY } from '../../../scripts/build/tiles/spec.ts';
import type { Camera } from '../../state/url.ts';
import type { Bounds } from '../style.ts';
import { BACKGROUND_COLOR } from '../palette.ts';
import { BORDER_COLOR, type ColorTable, type DepartementTable } from './overviewColors.ts';
import type { OverviewRaster } from './overviewData.ts';

/** What the overview layer draws with (the same objects it holds). */
export interface OverviewPicture {
  raster: OverviewRaster;
  table: ColorTable;
  departements: DepartementTable;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const lngOf = (x: number): number => x * 360 - 180;
const latOf = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The camera MapLibre's `cameraForBounds(bounds, { padding })` gives on a `width` × `height` map
 * (no rotation, 512-pixel world at zoom 0), raised to `minZoom` around the same centre: the view
 * the map opens on without a camera in the URL. Null when the map has no size.
 */
export function fitCamera(width: number, height: number, bounds: Bounds, padding: Padding, minZoom = 0): Camera | null {
  const [west, south, east, north] = bounds;
  const x0 = mercX(west);
  const x1 = mercX(east);
  const y0 = mercY(north);
  const y1 = mercY(south);
  const availableW = width - padding.left - padding.right;
  const availableH = height - padding.top - padding.bottom;
  if (availableW <= 0 || availableH <= 0 || x1 <= x0 || y1 <= y0) return null;
  const fit = Math.log2(Math.min(availableW / ((x1 - x0) * 512), availableH / ((y1 - y0) * 512)));
  // the padding moves the bounds' centre off the map's centre by half its imbalance, in pixels at the fitted zoom
  const world = worldPixels(fit);
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / world;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / world;
  return { zoom: Math.max(fit, minZoom), lon: lngOf(cx), lat: latOf(cy) };
}

/** The screen point (CSS pixels) of a longitude/latitude under `camera` on a `width` × `height` map. */
export function project(camera: Camera, width: number, height: number, lon: number, lat: number): { x: number; y: number } {
  const world = worldPixels(camera.zoom);
  return {
    x: (mercX(lon) - mercX(camera.lon)) * world + width / 2,
    y: (mercY(lat) - mercY(camera.lat)) * world + height / 2,
  };
}

/** An opaque CSS hex colour (#rrggbb) as the 32-bit word of its R, G, B, A bytes in memory. */
function word(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return new Uint32Array(new Uint8Array([(n >> 16) & 255, (n >> 8) & 255, n & 255, 255]).buffer)[0] as number;
}

/**
 * The overview's pixels for `camera` into `out` (RGBA words, `pixelsW` × `pixelsH` device pixels,
 * `ratio` device pixels per CSS pixel), as the overview shader computes them: each pixel's centre
 * reads its commune number (nearest raster pixel); a pixel whose département differs from the one
 * a device pixel right or below is a border; a pixel without commune or colour shows the
 * background; the others their commune's colour.
 */
export function paintOverview(
  out: Uint32Array,
  pixelsW: number,
  pixelsH: number,
  ratio: number,
  camera: Camera,
  picture: OverviewPicture,
  colors: { background: string; border: string },
): void {
  const { raster, table, departements } = picture;
  const { ids, width: rw, height: rh } = raster;
  const lut = new Uint32Array(table.rgba.buffer, table.rgba.byteOffset, table.rgba.byteLength >> 2);
  const alpha = table.rgba;
  const dep = departements.bytes;
  const background = word(colors.background);
  const border = word(colors.border);
  // raster pixels per device pixel, and the raster position of the map's top-left corner
  const step = worldPixels(raster.z) / worldPixels(camera.zoom) / ratio;
  const left = mercX(camera.lon) * worldPixels(raster.z) - (pixelsW / 2) * step - raster.x0;
  const top = mercY(camera.lat) * worldPixels(raster.z) - (pixelsH / 2) * step - raster.y0;
  // the raster column (-1: outside) of each device column's centre, and of the centre one device pixel right
  const column = (offset: number): Int32Array =>
    Int32Array.from({ length: pixelsW }, (_, px) => {
      const x = Math.floor(left + (px + 0.5) * step + offset);
      return x >= 0 && x < rw ? x : -1;
    });
  const here = column(0);
  const right = column(step);
  const rowStart = (y: number): number => {
    const j = Math.floor(y);
    return j >= 0 && j < rh ? j * rw : -1;
  };
  for (let py = 0; py < pixelsH; py++) {
    const y = top + (py + 0.5) * step;
    const row = rowStart(y);
    const below = rowStart(y + step);
    let i = py * pixelsW;
    for (let px = 0; px < pixelsW; px++, i++) {
      const col = here[px] as number;
      const next = right[px] as number;
      const id = row < 0 || col < 0 ? 0 : (ids[row + col] as number);
      const d = dep[id];
      if (d !== dep[row < 0 || next < 0 ? 0 : (ids[row + next] as number)] || d !== dep[below < 0 || col < 0 ? 0 : (ids[below + col] as number)]) out[i] = border;
      // no commune, or never coloured (alpha 0): the background shows, as where the shader discards
      else out[i] = id === 0 || alpha[id * 4 + 3] === 0 ? background : (lut[id] as number);
    }
  }
}

/** An overseas inset: its name and frame (display coordinates), drawn as insetLabels.ts does in the DOM. */
export interface InsetFrame {
  name: string;
  bounds: Bounds;
}

/** The look of the map's parts the first frame draws (the CSS of .inset-frame and .inset-label). */
export const FIRST_FRAME_STYLE = {
  background: BACKGROUND_COLOR,
  border: BORDER_COLOR,
  insetFrame: '#7b8794',
  insetLabel: '#4a5563',
} as const;

/**
 * Draws the first frame into `canvas` for a `cssW` × `cssH` map: the overview's pixels, then each
 * inset's dashed frame and its name above it (hidden when the frame is narrower than the name).
 */
export function drawFirstFrame(
  canvas: HTMLCanvasElement,
  cssW: number,
  cssH: number,
  ratio: number,
  camera: Camera,
  picture: OverviewPicture,
  insets: readonly InsetFrame[],
  font: string,
): void {
  const pixelsW = Math.floor(cssW * ratio);
  const pixelsH = Math.floor(cssH * ratio);
  canvas.width = pixelsW;
  canvas.height = pixelsH;
  const ctx = canvas.getContext('2d');
  if (!ctx || pixelsW === 0 || pixelsH === 0) return;
  const image = ctx.createImageData(pixelsW, pixelsH);
  paintOverview(new Uint32Array(image.data.buffer), pixelsW, pixelsH, ratio, camera, picture, FIRST_FRAME_STYLE);
  ctx.putImageData(image, 0, 0);
  ctx.scale(ratio, ratio);
  ctx.lineWidth = 1;
  ctx.font = font;
  ctx.textBaseline = 'bottom';
  for (const { name, bounds } of insets) {
    const nw = project(camera, cssW, cssH, bounds[0], bounds[3]);
    const se = project(camera, cssW, cssH, bounds[2], bounds[1]);
    const x = Math.round(nw.x);
    const y = Math.round(nw.y);
    const w = Math.round(se.x - nw.x);
    const h = Math.round(se.y - nw.y);
    ctx.strokeStyle = FIRST_FRAME_STYLE.insetFrame;
    ctx.setLineDash([3, 3]);
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    if (ctx.measureText(name).width + 2 <= se.x - nw.x) {
      ctx.fillStyle = FIRST_FRAME_STYLE.insetLabel;
      ctx.fillText(name, x + 2, y - 2);
    }
  }
}
