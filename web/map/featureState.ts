/**
 * Joins values to tiles by code through feature-state. The colour of every territory is kept
 * per source, and a new choropleth only sends the differences: codes whose colour changed
 * (set), and codes no longer in the selection (removed, so they fall back to the "outside"
 * fill). For ~35,000 communes applyColors does it in one pass over the values; nothing is re-set
 * when a territory keeps its colour. colorsByCode / diffColors / applyDiff do the same in steps
 * (for other states, and for exports).
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

/**
 * Colours `values` on a vector source in one pass: each territory's colour is compared with the
 * one `applied` holds for it (what the source has), and only changes are sent and recorded;
 * codes in `applied` that are not among the values lose their colour (a second pass, run only
 * when there are such codes). The feature and state objects are shared between calls (MapLibre
 * copies what it keeps), so ~35,000 communes allocate nothing per commune. Returns the number of
 * states sent.
 */
export function applyColors(
  map: FeatureStateTarget,
  source: string,
  key: string,
  applied: Map<string, string>,
  values: readonly Pick<MapValue, 'code' | 'value'>[],
  thresholds: readonly number[],
  colors: readonly string[],
): number {
  const feature = { source, sourceLayer: source, id: '' };
  const states = new Map<string, Record<string, string>>();
  const stateOf = (color: string) => states.get(color) ?? (states.set(color, { [key]: color }).get(color) as Record<string, string>);
  const before = applied.size;
  let kept = 0;
  let sent = 0;
  for (const v of values) {
    const color = (hasValue(v.value) ? colors[classIndex(thresholds, v.value)] : undefined) ?? NO_DATA_COLOR;
    const prev = applied.get(v.code);
    if (prev !== undefined) kept++;
    if (prev === color) continue;
    feature.id = v.code;
    map.setFeatureState(feature, stateOf(color));
    applied.set(v.code, color);
    sent++;
  }
  if (kept < before) {
    const current = new Set(values.map((v) => v.code));
    for (const code of [...applied.keys()]) {
      if (current.has(code)) continue;
      feature.id = code;
      map.removeFeatureState(feature, key);
      applied.delete(code);
      sent++;
    }
  }
  return sent;
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
