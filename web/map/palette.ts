/**
 * Colours of the choropleth. A sequential ColorBrewer palette (YlGnBu, colour-blind safe) from
 * d3-scale-chromatic, sampled so its lightest class still stands out from the background, and
 * oriented so that darker always means "better" when the indicator has a direction.
 */
import { color, interpolateYlGnBu } from 'd3';
import type { Direction } from '../../server/indicators/catalog.ts';

/** Fill of territories without a value: a neutral grey outside the palette's hues. */
export const NO_DATA_COLOR = '#c4c8ce';
/** Map background (sea and around). */
export const BACKGROUND_COLOR = '#f4f6f9';

/** Lightest and darkest points sampled on the interpolator. */
const LIGHT = 0.15;
const DARK = 0.95;

/** What a darker colour means on the map, for the legend. */
export type DarkerMeans = 'better' | 'higher';

/** `k` colours, light to dark, as `#rrggbb`. */
export function sequentialColors(k: number): string[] {
  if (k <= 0) return [];
  if (k === 1) return [toHex(interpolateYlGnBu((LIGHT + DARK) / 2))];
  return Array.from({ length: k }, (_, i) => toHex(interpolateYlGnBu(LIGHT + ((DARK - LIGHT) * i) / (k - 1))));
}

/**
 * Colours of `k` classes in ascending order of value: index 0 is the class of the lowest values.
 * Reversed for `higher_is_worse`, so the best class is always the darkest.
 */
export function classColors(k: number, direction: Direction): string[] {
  const colors = sequentialColors(k);
  return direction === 'higher_is_worse' ? colors.reverse() : colors;
}

/** What darker means for an indicator of this direction. */
export function darkerMeans(direction: Direction): DarkerMeans {
  return direction === 'neutral' ? 'higher' : 'better';
}

function toHex(css: string): string {
  const c = color(css);
  if (!c) throw new Error(`not a colour: ${css}`);
  return c.formatHex();
}
