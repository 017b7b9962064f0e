import { describe, expect, it } from 'vitest';
import { hsl, interpolateYlGnBu, rgb } from 'd3';
import {
  BACKGROUND_COLOR,
  classColors,
  darkerMeans,
  findPalette,
  NO_DATA_COLOR,
  PALETTES,
  sequentialColors,
} from './palette.ts';

const lightness = (c: string) => hsl(c).l;

describe('sequential palettes', () => {
  it('gives k distinct hex colours from light to dark, for every sequential palette', () => {
    for (const p of PALETTES.filter((p) => p.kind === 'sequential')) {
      for (let k = 3; k <= 9; k++) {
        const colors = sequentialColors(k, p.name);
        expect(colors).toHaveLength(k);
        expect(new Set(colors).size).toBe(k);
        for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
        expect(lightness(colors[0]!), p.name).toBeGreaterThan(lightness(colors[k - 1]!));
      }
    }
  });

  it('keeps the original YlGnBu default (darker = higher) for neutral and better-when-higher', () => {
    expect(classColors(5, 'higher_is_better')).toEqual(sequentialColors(5));
    expect(classColors(5, 'neutral')).toEqual(sequentialColors(5));
    expect(sequentialColors(5)[0]).toBe(rgb(interpolateYlGnBu(0.15)).formatHex()); // sampled from 0.15
  });

  it('reverses for higher_is_worse so the lowest (best) class is the darkest', () => {
    const colors = classColors(5, 'higher_is_worse');
    expect(colors).toEqual([...sequentialColors(5)].reverse());
    expect(lightness(colors[0]!)).toBeLessThan(lightness(colors[4]!));
  });

  it('reverses on demand, and the two flips cancel', () => {
    expect(classColors(4, 'higher_is_better', { palette: 'Viridis', reverse: true })).toEqual([...sequentialColors(4, 'Viridis')].reverse());
    expect(classColors(4, 'higher_is_worse', { palette: 'Blues', reverse: true })).toEqual(sequentialColors(4, 'Blues'));
  });

  it('says what darker means', () => {
    expect(darkerMeans('higher_is_better')).toBe('better');
    expect(darkerMeans('higher_is_worse')).toBe('better');
    expect(darkerMeans('neutral')).toBe('higher');
    expect(darkerMeans('higher_is_better', true)).toBe('worse');
    expect(darkerMeans('neutral', true)).toBe('lower');
  });

  it('handles few classes and unknown names', () => {
    expect(sequentialColors(0)).toEqual([]);
    expect(sequentialColors(1)).toHaveLength(1);
    expect(findPalette('Nope').name).toBe('YlGnBu');
  });

  it('keeps no data and background out of the palettes', () => {
    for (const p of PALETTES) {
      const colors = classColors(9, 'neutral', { palette: p.name });
      expect(colors).not.toContain(NO_DATA_COLOR);
      expect(colors).not.toContain(BACKGROUND_COLOR);
    }
  });

  it('marks colour-blind safety (RdYlGn is the one red–green palette offered)', () => {
    expect(PALETTES.filter((p) => !p.colorBlindSafe).map((p) => p.name)).toEqual(['RdYlGn']);
    expect(findPalette('Cividis').colorBlindSafe).toBe(true);
  });
});

describe('diverging palettes', () => {
  const neutral = '#f7f7f7';

  it('gives the class holding the reference the neutral middle colour', () => {
    const colors = classColors(5, 'higher_is_better', { palette: 'RdBu', centre: { kind: 'inside', index: 1 } });
    expect(colors).toHaveLength(5);
    // RdBu's middle is a light grey; the centre class is the lightest of all
    const l = colors.map(lightness);
    expect(Math.max(...l)).toBe(l[1]);
    expect(hsl(colors[1]!).l).toBeCloseTo(hsl(neutral).l, 1);
    // higher (better) values on the blue side, lower on the red side
    expect(hsl(colors[4]!).h).toBeGreaterThan(180);
    expect(hsl(colors[0]!).h).toBeLessThan(30);
  });

  it('puts the favourable side on the palette’s high end, flipped for higher_is_worse', () => {
    const better = classColors(5, 'higher_is_better', { palette: 'RdBu', centre: { kind: 'inside', index: 2 } });
    const worse = classColors(5, 'higher_is_worse', { palette: 'RdBu', centre: { kind: 'inside', index: 2 } });
    expect(worse).toEqual([...better].reverse());
  });
});
