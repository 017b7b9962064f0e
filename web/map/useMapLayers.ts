/**
 * The parts of the map that follow the view besides colours: which levels' layers are visible
 * (a hidden source loads no tiles), the outline of the selected and drilled territories
 * (feature-state, no re-parse), and the school points (one GeoJSON source).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { TerritoryRef } from '../state/url.ts';
import type { SchoolPoints } from './schools.ts';
import { EMPTY_COLLECTION, SCHOOL_LAYERS, SCHOOLS, STATE, levelLayers, schoolLayers } from './style.ts';
import { MAP_LEVELS } from '../state/url.ts';

/** Shows exactly the layers in `visible` among the territory and school layers. */
export function useVisibleLayers(map: maplibregl.Map | null, visible: ReadonlySet<string>): void {
  useEffect(() => {
    if (!map) return;
    const ids = [...MAP_LEVELS.flatMap((l) => Object.values(levelLayers(l))), ...Object.values(SCHOOL_LAYERS)];
    for (const id of ids) {
      if (!map.getLayer(id)) continue; // the school layers exist once points were shown
      const value = visible.has(id) ? 'visible' : 'none';
      // setLayoutProperty skips equal values, so unchanged layers cost nothing
      if (map.getLayoutProperty(id, 'visibility') !== value) map.setLayoutProperty(id, 'visibility', value);
    }
  }, [map, visible]);
}

/** Outlines the territories in `refs` (selected, drilled), removing the previous outlines. */
export function useOutlined(map: maplibregl.Map | null, refs: readonly (TerritoryRef | null)[]): void {
  const key = refs.map((r) => (r ? `${r.level}:${r.code}` : '')).join('|');
  const shown = useRef<TerritoryRef[]>([]);
  useEffect(() => {
    if (!map) return;
    const next = key
      .split('|')
      .filter(Boolean)
      .map((s) => {
        const [level, code] = s.split(':') as [TerritoryRef['level'], string];
        return { level, code };
      });
    const target = (r: TerritoryRef) => ({ source: r.level, sourceLayer: r.level, id: r.code });
    for (const r of shown.current) map.setFeatureState(target(r), { [STATE.selected]: false });
    for (const r of next) map.setFeatureState(target(r), { [STATE.selected]: true });
    shown.current = next;
  }, [map, key]);
}

/**
 * Puts the school points on the map, or clears them. Their source and layers are added on top of
 * the map the first time points are shown (none before: see style.ts), visible; later,
 * useVisibleLayers shows and hides them.
 */
export function useSchoolPoints(map: maplibregl.Map | null, points: SchoolPoints | null): void {
  // a layout effect: the layers exist before useVisibleLayers' effect of the same commit
  useLayoutEffect(() => {
    if (!map) return;
    const source = map.getSource<maplibregl.GeoJSONSource>(SCHOOLS);
    if (source) {
      source.setData(points?.data ?? EMPTY_COLLECTION);
      return;
    }
    if (!points) return;
    map.addSource(SCHOOLS, { type: 'geojson', data: points.data, buffer: 8 });
    for (const layer of schoolLayers()) map.addLayer(layer);
  }, [map, points]);
}
