import { describe, expect, it } from 'vitest';
import { baseStyle, boundsOf, fillColorExpression, LAYER, TERRITORIES } from './style.ts';
import { NO_DATA_COLOR } from './palette.ts';

describe('fillColorExpression', () => {
  it('matches the class index in feature-state, no data otherwise', () => {
    expect(fillColorExpression(['#aaaaaa', '#bbbbbb'])).toEqual([
      'match',
      ['coalesce', ['feature-state', 'cls'], -1],
      0,
      '#aaaaaa',
      1,
      '#bbbbbb',
      NO_DATA_COLOR,
    ]);
  });

  it('is the no-data colour when there are no classes', () => {
    expect(fillColorExpression([])).toBe(NO_DATA_COLOR);
  });
});

describe('baseStyle', () => {
  const style = baseStyle(['#111111']);

  it('uses only inline GeoJSON sources, no glyphs or sprites', () => {
    expect(Object.values(style.sources).map((s) => s.type)).toEqual(['geojson', 'geojson']);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('promotes `code` to the feature id so feature-state can key on it', () => {
    expect(style.sources[TERRITORIES]).toMatchObject({ promoteId: 'code' });
  });

  it('draws fill under outline and hover', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.fill)).toBeLessThan(ids.indexOf(LAYER.outline));
    expect(ids.indexOf(LAYER.outline)).toBeLessThan(ids.indexOf(LAYER.hover));
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
