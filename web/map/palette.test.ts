import { describe, expect, it } from 'vitest';
import { hsl } from 'd3';
import { BACKGROUND_COLOR, classColors, darkerMeans, NO_DATA_COLOR, sequentialColors } from './palette.ts';

const lightness = (c: string) => hsl(c).l;

describe('palette', () => {
  it('gives k distinct hex colours from light to dark', () => {
    const colors = sequentialColors(5);
    expect(colors).toHaveLength(5);
    expect(new Set(colors).size).toBe(5);
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    for (let i = 1; i < colors.length; i++) {
      expect(lightness(colors[i]!)).toBeLessThan(lightness(colors[i - 1]!));
    }
  });

  it('keeps the same colours for higher_is_better and neutral (darker = higher)', () => {
    expect(classColors(5, 'higher_is_better')).toEqual(sequentialColors(5));
    expect(classColors(5, 'neutral')).toEqual(sequentialColors(5));
  });

  it('reverses for higher_is_worse so the lowest (best) class is the darkest', () => {
    const colors = classColors(5, 'higher_is_worse');
    expect(colors).toEqual([...sequentialColors(5)].reverse());
    expect(lightness(colors[0]!)).toBeLessThan(lightness(colors[4]!));
  });

  it('says what darker means', () => {
    expect(darkerMeans('higher_is_better')).toBe('better');
    expect(darkerMeans('higher_is_worse')).toBe('better');
    expect(darkerMeans('neutral')).toBe('higher');
  });

  it('handles few classes', () => {
    expect(sequentialColors(0)).toEqual([]);
    expect(sequentialColors(1)).toHaveLength(1);
    expect(sequentialColors(2)).toHaveLength(2);
  });

  it('keeps no data and background out of the palette', () => {
    const colors = sequentialColors(5);
    expect(colors).not.toContain(NO_DATA_COLOR);
    expect(colors).not.toContain(BACKGROUND_COLOR);
  });
});
