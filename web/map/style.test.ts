import { describe, expect, it } from 'vitest';
import { baseStyle, boundsOf, levelLayers, OUTSIDE_COLOR, SCHOOL_LAYERS, schoolLayers, STATE, visibleLayers } from './style.ts';
import { MAP_LEVELS } from '../state/url.ts';

describe('baseStyle', () => {
  const style = baseStyle('http://example.test', visibleLayers('commune', null, null));
  const layer = (id: string) => style.layers.find((l) => l.id === id);

  it('uses our own vector tiles per level, no glyphs, sprites or symbol layers', () => {
    for (const level of MAP_LEVELS) {
      expect(style.sources[level]).toMatchObject({ type: 'vector', tiles: [`http://example.test/tiles/${level}/{z}/{x}/{y}.pbf`], promoteId: 'code' });
    }
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('takes each level’s zoom range from the tile spec (communes from z4)', () => {
    expect(style.sources.commune).toMatchObject({ minzoom: 4, maxzoom: 10 });
    expect(style.sources.region).toMatchObject({ minzoom: 0, maxzoom: 8 });
  });

  it('colours territories from feature-state, so new values never change the paint', () => {
    const fill = layer(levelLayers('commune').fill);
    expect(fill).toMatchObject({ source: 'commune', 'source-layer': 'commune' });
    expect(fill && 'paint' in fill ? fill.paint : null).toEqual({
      'fill-color': ['to-color', ['coalesce', ['feature-state', STATE.color], OUTSIDE_COLOR]],
      'fill-opacity': 0,
      'fill-antialias': false, // a second pass over every commune edge, for nothing visible
    });
  });

  it('builds no commune line geometry at the scale of France', () => {
    for (const role of ['line', 'hover', 'casing', 'outline'] as const) {
      expect(layer(levelLayers('commune')[role])?.minzoom).toBeGreaterThanOrEqual(5.5);
    }
  });

  it('shows only the layers asked for', () => {
    expect(layer(levelLayers('commune').fill)?.layout).toEqual({ visibility: 'visible' });
    expect(layer(levelLayers('departement').fill)?.layout).toEqual({ visibility: 'none' });
    expect(layer(levelLayers('departement').context)?.layout).toEqual({ visibility: 'visible' });
  });

  it('draws fills, then borders, then hover and outlines; school points come later, on top (useSchoolPoints)', () => {
    const ids = style.layers.map((l) => l.id);
    // no school source or layer until points are shown: an empty GeoJSON source would delay the first idle
    expect(Object.keys(style.sources)).toEqual(['region', 'academie', 'departement', 'commune']);
    expect(ids.filter((id) => id.startsWith('schools'))).toEqual([]);
    ids.push(...schoolLayers().map((l) => l.id));
    const last = (role: keyof ReturnType<typeof levelLayers>) => Math.max(...MAP_LEVELS.map((l) => ids.indexOf(levelLayers(l)[role])));
    const first = (role: keyof ReturnType<typeof levelLayers>) => Math.min(...MAP_LEVELS.map((l) => ids.indexOf(levelLayers(l)[role])));
    expect(last('fill')).toBeLessThan(first('line'));
    expect(last('context')).toBeLessThan(first('hover'));
    expect(last('outline')).toBeLessThan(ids.indexOf(SCHOOL_LAYERS.approx));
    expect(ids.indexOf(SCHOOL_LAYERS.approx)).toBeLessThan(ids.indexOf(SCHOOL_LAYERS.exact));
  });
});

describe('visibleLayers', () => {
  it('shows the level, the borders of its parent level and the drilled territory outline', () => {
    const ids = visibleLayers('commune', { level: 'departement', code: '15' }, { level: 'commune', code: '15014' });
    expect(ids).toContain(levelLayers('commune').fill);
    expect(ids).toContain(levelLayers('departement').context);
    expect(ids).toContain(levelLayers('departement').outline);
    expect(ids).toContain(levelLayers('commune').outline);
    expect(ids).not.toContain(levelLayers('departement').fill);
    expect(ids).not.toContain(levelLayers('region').fill);
  });

  it('never loads a finer level for an outline', () => {
    const ids = visibleLayers('departement', null, { level: 'commune', code: '15014' });
    expect([...ids].some((id) => id.startsWith('commune-'))).toBe(false);
  });
});

describe('boundsOf', () => {
  it('spans every coordinate of every collection', () => {
    const square = (x: number, y: number) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y]]] },
    });
    expect(
      boundsOf(
        { type: 'FeatureCollection', features: [square(0, 40)] },
        { type: 'FeatureCollection', features: [square(-8, 44)] },
      ),
    ).toEqual([-8, 40, 1, 45]);
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
