/**
 * Diverging palettes centred on a reference value (France, the parent territory, or the mean of
 * the territories shown). The class holding the reference is neutral (t = 0.5); classes on each
 * side step towards the ends by the same amount per class, so the side with fewer classes does
 * not reach the darkest colour and equal distances in classes look equally intense. When the
 * reference is exactly a class threshold there is no neutral class. Pure, no DOM.
 */
import { classIndex } from './classify.ts';

/** Where the reference sits: inside class `index`, or on the threshold below class `index`. */
export type CentrePosition = { kind: 'inside'; index: number } | { kind: 'boundary'; index: number };

/** Half the interpolator's span used: ends at t = 0.06 and 0.94 (not the near-black extremes). */
const SPAN = 0.44;

/** The position of `reference` among classes with these thresholds. */
export function centrePosition(thresholds: readonly number[], reference: number): CentrePosition {
  const on = thresholds.findIndex((t) => Math.abs(t - reference) <= 1e-9 * Math.max(1, Math.abs(t)));
  if (on >= 0) return { kind: 'boundary', index: on + 1 };
  return { kind: 'inside', index: classIndex(thresholds, reference) };
}

/** Interpolator positions (0..1, 0.5 neutral) of `k` classes in ascending order. */
export function divergingPositions(k: number, centre: CentrePosition): number[] {
  if (k <= 0) return [];
  if (centre.kind === 'inside') {
    const c = Math.min(Math.max(centre.index, 0), k - 1);
    const m = Math.max(c, k - 1 - c);
    return Array.from({ length: k }, (_, i) => (m === 0 ? 0.5 : 0.5 + (SPAN * (i - c)) / m));
  }
  // `below` classes under the threshold, k - below above it; distances 1, 2, … from it
  const below = Math.min(Math.max(centre.index, 0), k);
  const m = Math.max(below, k - below);
  return Array.from({ length: k }, (_, i) => (i < below ? 0.5 - (SPAN * (below - i)) / m : 0.5 + (SPAN * (i - below + 1)) / m));
}
