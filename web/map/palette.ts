/**
 * Colours of the choropleth, from d3-scale-chromatic (re-exported by d3). Sequential palettes are
 * sampled light to dark (the lightest class still stands out from the background); diverging ones
 * are centred on a reference value (diverging.ts). Orientation rule: darker (sequential) or the
 * palette's high end (diverging) goes to the favourable side when the indicator has a direction,
 * to the higher values when it is neutral; `reverse` flips it. `colorBlindSafe` follows ColorBrewer's flags (viridis and
 * cividis are designed for colour-vision deficiencies).
 */
import {
  color,
  interpolateBlues,
  interpolateBrBG,
  interpolateCividis,
  interpolateGreens,
  interpolateOranges,
  interpolatePiYG,
  interpolatePuOr,
  interpolatePurples,
  interpolateRdBu,
  interpolateRdYlBu,
  interpolateRdYlGn,
  interpolateViridis,
  interpolateYlGnBu,
  interpolateYlOrRd,
} from 'd3';
import type { Direction } from '../../server/indicators/catalog.ts';
import { DEFAULT_PALETTE } from '../state/url.ts';
import { divergingPositions, type CentrePosition } from './diverging.ts';

/** Fill of territories without a value: a neutral grey outside the palettes' hues. */
export const NO_DATA_COLOR = '#c4c8ce';
/** Map background (sea and around). */
export const BACKGROUND_COLOR = '#f4f6f9';

export type PaletteKind = 'sequential' | 'diverging';

export interface Palette {
  /** d3-scale-chromatic scheme name, as in the URL (`palette=Viridis`) */
  name: string;
  kind: PaletteKind;
  colorBlindSafe: boolean;
  interpolate: (t: number) => string;
  /** sequential: the interpolator's t at the light and the dark end */
  light: number;
  dark: number;
  /** diverging: colour names of the low (t = 0) and high (t = 1) ends */
  ends: { fr: [string, string]; en: [string, string] } | null;
}

const seq = (name: string, interpolate: (t: number) => string, light = 0.15, dark = 0.95): Palette => ({
  name, kind: 'sequential', colorBlindSafe: true, interpolate, light, dark, ends: null,
});
const div = (name: string, interpolate: (t: number) => string, fr: [string, string], en: [string, string], colorBlindSafe = true): Palette => ({
  name, kind: 'diverging', colorBlindSafe, interpolate, light: 0.5, dark: 0.06, ends: { fr, en },
});

/** Palettes offered in the picker, sequential first. */
export const PALETTES: readonly Palette[] = [
  seq('YlGnBu', interpolateYlGnBu),
  seq('Viridis', interpolateViridis, 0.97, 0.03),
  seq('Cividis', interpolateCividis, 0.97, 0.03),
  seq('Blues', interpolateBlues),
  seq('Greens', interpolateGreens),
  seq('Oranges', interpolateOranges),
  seq('Purples', interpolatePurples),
  seq('YlOrRd', interpolateYlOrRd),
  div('RdBu', interpolateRdBu, ['rouge', 'bleu'], ['red', 'blue']),
  div('PuOr', interpolatePuOr, ['violet', 'orange'], ['purple', 'orange']),
  div('BrBG', interpolateBrBG, ['brun', 'vert-bleu'], ['brown', 'blue-green']),
  div('PiYG', interpolatePiYG, ['rose', 'vert'], ['pink', 'green']),
  div('RdYlBu', interpolateRdYlBu, ['rouge', 'bleu'], ['red', 'blue']),
  div('RdYlGn', interpolateRdYlGn, ['rouge', 'vert'], ['red', 'green'], false),
];

/** The palette of this name, or the default one. */
export function findPalette(name: string | undefined): Palette {
  return PALETTES.find((p) => p.name === name) ?? (PALETTES.find((p) => p.name === DEFAULT_PALETTE) as Palette);
}

/** True when the palette runs the other way: `higher_is_worse` and `reverse` each flip it. */
export function isFlipped(direction: Direction, reverse = false): boolean {
  return (direction === 'higher_is_worse') !== reverse;
}

/** `k` colours of a sequential palette, light to dark, as `#rrggbb`. */
export function sequentialColors(k: number, name: string = DEFAULT_PALETTE): string[] {
  const p = findPalette(name);
  const at = (u: number) => toHex(p.interpolate(p.light + (p.dark - p.light) * u));
  if (k <= 0) return [];
  if (k === 1) return [at(0.5)];
  return Array.from({ length: k }, (_, i) => at(i / (k - 1)));
}

export interface ColorOptions {
  palette?: string;
  reverse?: boolean;
  /** diverging palettes: where the reference value falls among the classes */
  centre?: CentrePosition;
}

/**
 * Colours of `k` classes in ascending order of value: index 0 is the class of the lowest values.
 * Sequential: darker = better (reversed for `higher_is_worse`), darker = higher when neutral.
 * Diverging: the class holding the reference value is neutral, the favourable side takes the
 * palette's high end. `reverse` flips either.
 */
export function classColors(k: number, direction: Direction, options: ColorOptions = {}): string[] {
  const p = findPalette(options.palette);
  const flip = isFlipped(direction, options.reverse);
  if (p.kind === 'sequential') {
    const colors = sequentialColors(k, p.name);
    return flip ? colors.reverse() : colors;
  }
  const positions = divergingPositions(k, options.centre ?? { kind: 'inside', index: Math.floor((k - 1) / 2) });
  return positions.map((t) => toHex(p.interpolate(flip ? 1 - t : t)));
}

/** What a darker colour means on a sequential map, for the legend. */
export type DarkerMeans = 'better' | 'worse' | 'higher' | 'lower';

/** What darker means for an indicator of this direction (and palette reversal). */
export function darkerMeans(direction: Direction, reverse = false): DarkerMeans {
  if (direction === 'neutral') return reverse ? 'lower' : 'higher';
  return reverse ? 'worse' : 'better';
}

function toHex(css: string): string {
  const c = color(css);
  if (!c) throw new Error(`not a colour: ${css}`);
  return c.formatHex();
}
