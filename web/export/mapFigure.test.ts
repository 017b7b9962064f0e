import { describe, expect, it } from 'vitest';
import { cameraView, fitSize, fitView, mapSvg, mercator, pointRadius, project, shapePath, zoomOf } from './mapFigure.ts';

const square = (x: number, y: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

describe('map export projection', () => {
  it('projects as MapLibre: the camera centre lands in the middle, one zoom step doubles distances', () => {
    const v = cameraView({ zoom: 5, lat: 45, lon: 3 }, 800, 800, 600);
    const [x, y] = project(v, 3, 45);
    expect([x, y]).toEqual([400, 300]);
    const a = project(v, 4, 45)[0] - 400;
    const b = project(cameraView({ zoom: 6, lat: 45, lon: 3 }, 800, 800, 600), 4, 45)[0] - 400;
    expect(b / a).toBeCloseTo(2);
    // 512-pixel world at zoom 0: one degree of longitude at zoom 5 is 512·32/360 px
    expect(a).toBeCloseTo((512 * 32) / 360);
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
  });

  it('sizes a fitted map to the shape of its bounds, and knows its zoom', () => {
    const wide = fitSize([-5, 45, 10, 46], 900);
    const tall = fitSize([2, 40, 3, 50], 900);
    expect(wide).toEqual({ width: 900, height: 300 });
    expect(tall.height).toBe(1100);
    const mid = fitSize([2, 44, 4, 46], 900);
    const v = fitView([2, 44, 4, 46], mid.width, mid.height);
    expect(project(v, 2, 46)[1]).toBeCloseTo(12, 0);
    expect(zoomOf(cameraView({ zoom: 6.5, lat: 45, lon: 3 }, 800, 800, 600))).toBeCloseTo(6.5);
  });

  it('fits bounds inside the box with padding', () => {
    const v = fitView([2, 44, 4, 46], 400, 300, 10);
    const [x0, y1] = project(v, 2, 44);
    const [x1, y0] = project(v, 4, 46);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(9.99);
    expect(Math.max(x1 - 400, y1 - 300)).toBeLessThanOrEqual(-9.99 + 1e-9);
  });

  it('draws shapes in view as paths with their colours, culls the rest', () => {
    const v = fitView([2, 44, 4, 46], 400, 300);
    expect(shapePath(v, square(2, 44, 1))).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}Z$/);
    expect(shapePath(v, square(40, 10, 1))).toBe('');
    const svg = mapSvg(
      { view: v, shapes: [{ code: 'a', geometry: square(2, 44, 1) }, { code: 'b', geometry: square(3, 45, 1) }, { code: 'far', geometry: square(60, 10, 1) }], colors: new Map([['a', '#ff0000']]), outside: '#eeeeee', background: '#f4f6f9', border: 0.7, label: 'Carte <test>' },
      { width: 800, height: 600 },
    );
    expect(svg).toContain('data-code="a" fill="#ff0000"');
    expect(svg).toContain('data-code="b" fill="#eeeeee"');
    expect(svg).not.toContain('data-code="far"');
    expect(svg).toContain('aria-label="Carte &lt;test&gt;"');
    expect(svg).toContain('viewBox="0 0 400 300"');
    const outlined = mapSvg({ view: v, shapes: [], colors: new Map(), outside: '#eee', background: '#fff', border: 0, outline: { code: 'p', geometry: square(2, 44, 2) }, label: '' }, { width: 400, height: 300 });
    expect(outlined.match(/class="outline"/g)).toHaveLength(2);
    const points = mapSvg(
      { view: v, shapes: [{ code: 'a', geometry: square(2, 44, 1) }], colors: new Map(), outside: '#eee', background: '#fff', border: 0.7, label: '', points: [{ lon: 3, lat: 45, color: '#123456', exact: true }, { lon: 2.5, lat: 44.5, color: '#654321', exact: false }, { lon: 50, lat: 10, color: '#000000', exact: true }] },
      { width: 400, height: 300 },
    );
    expect(points).toContain('fill-opacity="0.45"');
    expect(points.match(/<circle /g)).toHaveLength(2);
    expect(points).toContain('fill="#123456" stroke="#1f2933"');
    expect(points).toContain('fill="#ffffff" stroke="#654321"');
    expect([pointRadius(2), pointRadius(6), pointRadius(8), pointRadius(10), pointRadius(20)]).toEqual([1.7, 2.45, 3.2, 4.85, 6.5]);
  });

  it('outlines the LISA clusters over the fills, each on a white casing, and only them', () => {
    const v = fitView([2, 44, 4, 46], 400, 300);
    const shapes = [{ code: 'a', geometry: square(2, 44, 1) }, { code: 'b', geometry: square(3, 45, 1) }, { code: 'c', geometry: square(2, 45, 1) }];
    const svg = mapSvg(
      {
        view: v, shapes, colors: new Map(), outside: '#eee', background: '#fff', border: 0.7, label: '',
        lisa: { states: new Map([['a', 'under'], ['b', 'well']]), width: 2.4, casing: 4.5, colors: { under: '#c51b7d', well: '#e66101' } },
      },
      { width: 400, height: 300 },
    );
    const lisa = svg.slice(svg.indexOf('<g class="lisa"'), svg.indexOf('</g>', svg.indexOf('<g class="lisa"')));
    expect(lisa.match(/stroke="#ffffff" stroke-opacity="0.9" stroke-width="4.5"/g)).toHaveLength(2);
    expect(lisa).toContain('data-lisa="under" stroke="#c51b7d" stroke-width="2.4"');
    expect(lisa).toContain('data-lisa="well" stroke="#e66101" stroke-width="2.4"');
    expect(lisa.match(/<path /g)).toHaveLength(4);
    // after the territories, so the outlines are on top
    expect(svg.indexOf('<g class="lisa"')).toBeGreaterThan(svg.indexOf('data-code="c"'));
    expect(mapSvg({ view: v, shapes, colors: new Map(), outside: '#eee', background: '#fff', border: 0.7, label: '' }, { width: 400, height: 300 })).not.toContain('class="lisa"');
  });
});
