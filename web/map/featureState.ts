/**
 * Joins values to tiles by code through feature-state. The colour of every territory is kept
 * per source, and a new choropleth only sends the differences: codes whose colour changed
 * (set), and codes no longer in the selection (removed, so they fall back to the "outside"
 * fill). For ~35,000 communes this is one pass over two maps; nothing is re-set when a
 * territory keeps its colour.
 */
import type { MapValue } from '../api/types.ts';
import { classIndex, hasValue } from './classify.ts';
import { NO_DATA_COLOR } from './palette.ts';

/** code → fill colour (`#rrggbb`). */
export type ColorByCode = ReadonlyMap<string, string>;

/** What to change to go from one colouring to the next. */
export interface StateDiff {
  set: [code: string, color: string][];
  remove: string[];
}

/** The colour of each territory: its class colour, or the no-data colour when it has no value. */
export function colorsByCode(
  values: readonly Pick<MapValue, 'code' | 'value'>[],
  thresholds: readonly number[],
  colors: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const color = hasValue(v.value) ? colors[classIndex(thresholds, v.value)] : undefined;
    out.set(v.code, color ?? NO_DATA_COLOR);
  }
  return out;
}

/** The differences between the applied colouring `prev` and the wanted one `next`. */
export function diffColors(prev: ColorByCode, next: ColorByCode): StateDiff {
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const [code, color] of next) if (prev.get(code) !== color) set.push([code, color]);
  for (const code of prev.keys()) if (!next.has(code)) remove.push(code);
  return { set, remove };
}

/** The part of a MapLibre map this module needs (so it is testable without WebGL). */
export interface FeatureStateTarget {
  setFeatureState(feature: { source: string; sourceLayer?: string; id: string }, state: Record<string, unknown>): unknown;
  removeFeatureState(feature: { source: string; sourceLayer?: string; id: string }, key?: string): unknown;
}

/** Sends a diff for one vector source (whose source layer has the same name) under `key`. */
export function applyDiff(map: FeatureStateTarget, source: string, key: string, diff: StateDiff): void {
  for (const [id, color] of diff.set) map.setFeatureState({ source, sourceLayer: source, id }, { [key]: color });
  for (const id of diff.remove) map.removeFeatureState({ source, sourceLayer: source, id }, key);
}
