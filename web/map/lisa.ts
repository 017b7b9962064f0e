/**
 * LISA clusters on the map, pure parts: when the overlay applies (a level the equity API
 * analyses, an indicator with a direction), which cluster is the underserved one for the
 * indicator's direction (the API's low-low means low values: for a `higher_is_worse` indicator
 * the "zones blanches" are its high-high clusters), and the feature state of each territory
 * (`under` = underserved cluster, `well` = well-served cluster; spatial outliers are not drawn).
 */
import type { EquityUnit, LisaCluster, LisaEntry } from '../api/equity.ts';
import type { Direction } from '../../server/indicators/catalog.ts';
import type { MapLevel } from '../state/url.ts';

export type LisaState = 'under' | 'well';

/** The `by` of the equity request for a map level, or null when the level has no LISA (regions). */
export function lisaUnit(level: MapLevel): EquityUnit | null {
  return level === 'region' ? null : level;
}

/** Whether the overlay applies: a level below France the API analyses, an indicator with a direction. */
export function lisaAvailable(level: MapLevel, direction: Direction): boolean {
  return lisaUnit(level) !== null && direction !== 'neutral';
}

/** The API cluster of the underserved ("zones blanches") and the well-served territories. */
export function lisaKinds(direction: Direction): { under: LisaCluster; well: LisaCluster } | null {
  if (direction === 'higher_is_better') return { under: 'low-low', well: 'high-high' };
  if (direction === 'higher_is_worse') return { under: 'high-high', well: 'low-low' };
  return null;
}

/** code → feature state for the significant clusters (outliers and neutral indicators: none). */
export function lisaStates(clusters: readonly Pick<LisaEntry, 'code' | 'cluster'>[], direction: Direction): Map<string, LisaState> {
  const out = new Map<string, LisaState>();
  const kinds = lisaKinds(direction);
  if (!kinds) return out;
  for (const c of clusters) {
    if (c.cluster === kinds.under) out.set(c.code, 'under');
    else if (c.cluster === kinds.well) out.set(c.code, 'well');
  }
  return out;
}

/** The key's message for each drawn state: which end of the values it is, by direction. */
export function lisaLegendKeys(direction: Direction) {
  return direction === 'higher_is_worse'
    ? ({ under: 'lisa.under.high', well: 'lisa.well.low' } as const)
    : ({ under: 'lisa.under.low', well: 'lisa.well.high' } as const);
}
