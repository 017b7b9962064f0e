/**
 * "Worst inequities first": which key figures a profile opens with. A figure's gap is how far the
 * territory is behind what it is compared with (its parent, France for a région), in the
 * indicator's direction: 100 − index when higher is better, index − 100 when higher is worse.
 * Context indicators (population, density, IPS…) and neutral ones describe the territory, they
 * are not a service left behind: they are never ranked. Historical values (ARCEP 2018) are not
 * ranked either: "is the gap closing?" needs current data. Pure.
 */
import type { ProfileEntry } from '../api/territory.ts';

type Entry = Pick<ProfileEntry, 'indicator' | 'theme' | 'direction' | 'index' | 'value' | 'provenance'>;

/** Gaps smaller than this (in index points) do not count as "behind". */
export const BEHIND_MIN = 1;
/** How many figures open the profile. */
export const WORST_COUNT = 3;

/** The gap of a figure (positive: behind, negative: ahead), or null when it is not ranked. */
export function gapScore(entry: Entry): number | null {
  if (entry.theme === 'context' || entry.direction === 'neutral') return null;
  if (entry.provenance === 'historical') return null;
  if (entry.index === null || entry.value === null || !Number.isFinite(entry.index)) return null;
  return entry.direction === 'higher_is_worse' ? entry.index - 100 : 100 - entry.index;
}

export interface WorstFirst<E> {
  /** up to WORST_COUNT figures where the territory is behind, the largest gap first */
  worst: E[];
  /** every other figure, in the catalog's order */
  rest: E[];
}

/** Splits a profile into the largest gaps and the rest. */
export function worstFirst<E extends Entry>(profile: readonly E[], count = WORST_COUNT): WorstFirst<E> {
  const scored = profile
    .map((entry, order) => ({ entry, order, score: gapScore(entry) }))
    .filter((s): s is { entry: E; order: number; score: number } => s.score !== null && s.score >= BEHIND_MIN)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const worst = scored.slice(0, count).map((s) => s.entry);
  return { worst, rest: profile.filter((e) => !worst.includes(e)) };
}

/** The indicator a profile focuses on when the URL names none: its largest gap, else a default. */
export function defaultIndicator(profile: readonly Entry[], fallback = 'thd_share'): string {
  return worstFirst(profile).worst[0]?.indicator ?? fallback;
}
