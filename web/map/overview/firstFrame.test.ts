import { describe, expect, it } from 'vitest';
import { worldPixels } from '../../../scripts/build/overview/spec.ts';
import { FRANCE_BOUNDS } from '../style.ts';
import { fitCamera, FIRST_FRAME_STYLE, paintOverview, project, type OverviewPicture } from './firstFrame.ts';
import { LUT_WIDTH } from './overviewColors.ts';

const PADDING = { top: 16, right: 52, bottom: 44, left: 16 };

describe('fitCamera', () => {
  it('fits the bounds inside the padded map, touching it on one axis', () => {
    const [w, h] = [534, 522];
    const camera = fitCamera(w, h, FRANCE_BOUNDS, PADDING);
    if (!camera) throw new Error('no camera');
    const nw = project(camera, w, h, FRANCE_BOUNDS[0], FRANCE_BOUNDS[3]);
    const se = project(camera, w, h, FRANCE_BOUNDS[2], FRANCE_BOUNDS[1]);
    expect(nw.x).toBeGreaterThanOrEqual(PADDING.left - 1e-6);
    expect(nw.y).toBeGreaterThanOrEqual(PADDING.top - 1e-6);
    expect(se.x).toBeLessThanOrEqual(w - PADDING.right + 1e-6);
    expect(se.y).toBeLessThanOrEqual(h - PADDING.bottom + 1e-6);
    const touchesX = Math.abs(nw.x - PADDING.left) < 1e-6 && Math.abs(se.x - (w - PADDING.right)) < 1e-6;
    const touchesY = Math.abs(nw.y - PADDING.top) < 1e-6 && Math.abs(se.y - (h - PADDING.bottom)) < 1e-6;
    expect(touchesX || touchesY).toBe(true);
  });

  it('raises the zoom to the minimum around the same centre, and gives up on a map without room', () => {
    const fitted = fitCamera(400, 300, FRANCE_BOUNDS, PADDING);
    const raised = fitCamera(400, 300, FRANCE_BOUNDS, PADDING, 5);
    expect(fitted?.zoom).toBeLessThan(5);
    expect(raised?.zoom).toBe(5);
    expect(raised?.lon).toBeCloseTo(fitted?.lon ?? NaN, 9);
    expect(raised?.lat).toBeCloseTo(fitted?.lat ?? NaN, 9);
    expect(fitCamera(60, 40, FRANCE_BOUNDS, PADDING)).toBeNull();
  });
});

describe('paintOverview', () => {
  // commune numbers of a 4 × 4 raster at zoom 4; communes 1 and 2 in one département, 3 in another
  const ids = new Uint16Array([1, 1, 2, 0, 1, 1, 2, 0, 3, 3, 0, 0, 3, 3, 0, 0]);
  const raster = { z: 4 as const, x0: 4000, y0: 2800, width: 4, height: 4, bytes: 0, ids };
  const rgba = new Uint8Array(LUT_WIDTH * 4);
  rgba.set([255, 0, 0, 255], 4); // commune 1: red
  rgba.set([0, 255, 0, 255], 8); // commune 2: green
  // commune 3 never coloured (alpha 0): the background shows, as where the shader discards
  const departements = new Uint8Array(LUT_WIDTH);
  departements.set([0, 1, 1, 2]);
  const picture: OverviewPicture = { raster, table: { width: LUT_WIDTH, height: 1, rgba }, departements: { width: LUT_WIDTH, height: 1, bytes: departements } };
  // the camera whose map of `size` CSS pixels starts at the raster's top-left corner, at the raster's zoom
  const cameraOver = (size: number) => {
    const world = worldPixels(4);
    const x = (raster.x0 + size / 2) / world;
    const y = (raster.y0 + size / 2) / world;
    return { zoom: 4, lon: x * 360 - 180, lat: (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI };
  };
  const bytes = (out: Uint32Array, i: number) => [...new Uint8Array(out.buffer, i * 4, 3)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const names = (out: Uint32Array, w: number) => {
    const key: Record<string, string> = { ff0000: 'R', '00ff00': 'G', [FIRST_FRAME_STYLE.background.slice(1)]: '.', [FIRST_FRAME_STYLE.border.slice(1)]: '#' };
    return Array.from({ length: out.length / w }, (_, y) => Array.from({ length: w }, (_, x) => key[bytes(out, y * w + x)] ?? '?').join(''));
  };

  it('draws each pixel from its commune, borders where the next pixel right or below is in another département', () => {
    const out = new Uint32Array(16);
    paintOverview(out, 4, 4, 1, cameraOver(4), picture, FIRST_FRAME_STYLE);
    expect(names(out, 4)).toEqual([
      'RR#.', // commune 2 meets "no commune" on its right
      '###.', // communes 1 and 2 above commune 3 (another département)
      '.#..', // commune 3 uncoloured: background, but its edge with nothing is a border
      '##..', // the raster's last row: below it, nothing
    ]);
  });

  it('draws borders one device pixel wide on a high-density screen', () => {
    const out = new Uint32Array(64);
    paintOverview(out, 8, 8, 2, cameraOver(4), picture, FIRST_FRAME_STYLE);
    const rows = names(out, 8);
    expect(rows[0]).toBe('RRRRG#..');
    expect(rows[2]).toBe('RRRRG#..');
    expect(rows[3]).toBe('######..');
  });
});
