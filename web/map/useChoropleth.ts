/**
 * Colours the territories of the map level from values, through feature-state (only the codes
 * whose colour changed are sent, in one pass: see featureState.ts), and says when the map is
 * ready: the choropleth (and school points, when shown) of the current view applied and the map
 * idle, every tile drawn.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type * as maplibregl from 'maplibre-gl';
import type { MapValue } from '../api/types.ts';
import { MAP_LEVELS, type MapLevel } from '../state/url.ts';
import { applyColors } from './featureState.ts';
import { levelLayers, STATE } from './style.ts';

/** Everything needed to colour the map for one view state. */
export interface Choropleth {
  /** identifies the content (indicator, level, year, parent, filters, classes, colours) */
  key: string;
  level: MapLevel;
  values: readonly Pick<MapValue, 'code' | 'value'>[];
  thresholds: readonly number[];
  colors: readonly string[];
}

/**
 * Applies `choropleth` to its level's source (unless `drawnElsewhere`: the commune overview draws
 * it, see overview/), and sets each level's fill opacity: 0 until the
 * level has been coloured once (nothing grey is drawn, or rasterised, while values load), faded
 * while school points show. The states are set in layout effects, before the readiness effect
 * of the same render (useReadyKey) waits for idle.
 */
export function useChoropleth(map: maplibregl.Map | null, choropleth: Choropleth | undefined, faded: boolean, drawnElsewhere = false): void {
  // what each level's source holds, for the map instance it was sent to
  const applied = useRef({ map, byLevel: new Map<MapLevel, Map<string, string>>() });
  // layout effects: the states are sent in the commit itself, so the map's next frame draws them
  useLayoutEffect(() => {
    // (the commune overview draws this view: the ~35,000 states are sent once the tiles draw)
    if (!map || !choropleth || drawnElsewhere) return;
    if (applied.current.map !== map) applied.current = { map, byLevel: new Map() };
    const { byLevel } = applied.current;
    const { level, values, thresholds, colors } = choropleth;
    const colours = byLevel.get(level) ?? new Map<string, string>();
    applyColors(map, level, STATE.color, colours, values, thresholds, colors);
    byLevel.set(level, colours);
  }, [map, choropleth, drawnElsewhere]);

  useLayoutEffect(() => {
    if (!map) return;
    const coloured = applied.current.map === map ? applied.current.byLevel : new Map();
    for (const level of MAP_LEVELS) {
      // constant opacities: changing them re-parses nothing; but every setPaintProperty call
      // repaints the map (a full frame), so only real changes are sent
      const id = levelLayers(level).fill;
      const opacity = coloured.has(level) ? (faded ? 0.45 : 1) : 0;
      if (map.getPaintProperty(id, 'fill-opacity') !== opacity) map.setPaintProperty(id, 'fill-opacity', opacity);
    }
  }, [map, faded, choropleth, drawnElsewhere]);
}

/**
 * The key of the last view fully drawn: once `key` is non-null and the map goes idle after it
 * (tiles loaded, states applied, no camera move), it is returned. The update is flushed at once,
 * in MapLibre's `idle` handler: scheduled like any update, it would wait behind the page's next
 * compositing, which in software WebGL first finishes rasterising the frame (~100 ms), so the
 * moment `data-state` turns ready would depend on the renderer rather than on the map.
 */
export function useReadyKey(map: maplibregl.Map | null, key: string | null): string | null {
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    if (!map || !key) return;
    const onIdle = () => flushSync(() => setReady(key));
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, key]);
  return ready;
}
