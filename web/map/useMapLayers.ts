/**
 * The parts of the map that follow the view besides colours: which levels' layers are visible
 * (a hidden source loads no tiles), the outline of the selected and drilled territories
 * (feature-state, no re-parse), and the school points (one GeoJSON source).
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { TerritoryRef } from '../state/url.ts';
import type { SchoolPoints } from './schools.ts';
import { EMPTY_COLLECTION, SCHOOL_LAYERS, SCHOOLS, STATE, levelLayers } from './style.ts';
import { MAP_LEVELS } from '../state/url.ts';

/** Shows exactly the layers in `visible` among the territory and school layers. */
export function useVisibleLayers(map: maplibregl.Map | null, visible: ReadonlySet<string>): void {
  useEffect(() => {
    if (!map) return;
    const ids = [...MAP_LEVELS.flatMap((l) => Object.values(levelLayers(l))), ...Object.values(SCHOOL_LAYERS)];
    for (const id of ids) {
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

/** Puts the school points on the map, or clears them (nothing is sent while there never were any). */
export function useSchoolPoints(map: maplibregl.Map | null, points: SchoolPoints | null): void {
  const sent = useRef(false);
  useEffect(() => {
    if (!map || (!points && !sent.current)) return;
    map.getSource<maplibregl.GeoJSONSource>(SCHOOLS)?.setData(points?.data ?? EMPTY_COLLECTION);
    sent.current = points !== null;
  }, [map, points]);
}
