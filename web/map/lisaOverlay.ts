/**
 * Draws the LISA clusters of the current view through feature-state `lisa` on the level's vector
 * source (no geometry reloaded): only the codes whose state changed are sent, and a level
 * switched away from (or the overlay switched off) has its states removed.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { MapLevel } from '../state/url.ts';
import { applyDiff, diffColors } from './featureState.ts';
import type { LisaState } from './lisa.ts';
import { STATE } from './style.ts';

/** The clusters to draw for one view. */
export interface LisaOverlay {
  /** identifies the content (indicator, year, level, within) */
  key: string;
  level: MapLevel;
  states: ReadonlyMap<string, LisaState>;
}

/** Applies `overlay` (null: none), removing what was drawn before on any level. */
export function useLisaOverlay(map: maplibregl.Map | null, overlay: LisaOverlay | null): void {
  const applied = useRef({ map, byLevel: new Map<MapLevel, ReadonlyMap<string, LisaState>>() });
  useEffect(() => {
    if (!map) return;
    if (applied.current.map !== map) applied.current = { map, byLevel: new Map() };
    const { byLevel } = applied.current;
    for (const [level, prev] of byLevel) {
      if (overlay?.level === level) continue;
      applyDiff(map, level, STATE.lisa, diffColors(prev, new Map()));
      byLevel.delete(level);
    }
    if (!overlay) return;
    applyDiff(map, overlay.level, STATE.lisa, diffColors(byLevel.get(overlay.level) ?? new Map(), overlay.states));
    byLevel.set(overlay.level, overlay.states);
  }, [map, overlay]);
}
