/**
 * The overseas inset frames and their labels, in the DOM over the map (no glyph server: text is
 * HTML). A label is a MapLibre marker at its frame's top-left corner, hidden when the frame is
 * drawn narrower than the label; a frame is a dashed box placed on the projected corners at every
 * move. (As a MapLibre GeoJSON layer the five rectangles cost a round trip through the map's
 * worker, which the first view waited for.) Decorative for assistive technology: the map's
 * aria-label carries the meaning.
 */
import { useEffect } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { TerritoryCollection } from '../api/types.ts';
import { loadedMapLibre } from './maplibre.ts';
import { boundsOf } from './style.ts';

export function useInsetLabels(map: maplibregl.Map | null, insets: TerritoryCollection | undefined): void {
  useEffect(() => {
    // (a map exists only once MapLibre is loaded)
    const maplibre = loadedMapLibre();
    if (!map || !insets || !maplibre) return;
    const labels = insets.features.flatMap((f) => {
      const b = boundsOf({ type: 'FeatureCollection', features: [f] });
      if (!b) return [];
      const el = document.createElement('div');
      el.className = 'inset-label';
      el.textContent = f.properties.name;
      const marker = new maplibre.Marker({ element: el, anchor: 'bottom-left' }).setLngLat([b[0], b[3]]).addTo(map);
      const node = marker.getElement();
      node.setAttribute('aria-hidden', 'true');
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      return [{ marker, el, bounds: b }];
    });
    const frames = labels.map(({ bounds }) => {
      const el = document.createElement('div');
      el.className = 'inset-frame';
      el.setAttribute('aria-hidden', 'true');
      map.getCanvasContainer().appendChild(el);
      return { el, bounds };
    });
    const place = () => {
      for (const { el, bounds } of frames) {
        const nw = map.project([bounds[0], bounds[3]]);
        const se = map.project([bounds[2], bounds[1]]);
        el.style.transform = `translate(${Math.round(nw.x)}px, ${Math.round(nw.y)}px)`;
        el.style.width = `${Math.round(se.x - nw.x)}px`;
        el.style.height = `${Math.round(se.y - nw.y)}px`;
      }
    };
    place();
    map.on('move', place);
    map.on('resize', place);
    // Label widths never change: read them once, all together, in the next frame (reading
    // offsetWidth right after React rendered the page would force a layout of the whole page).
    let widths: number[] | null = null;
    const fit = () => {
      if (!widths) return;
      labels.forEach(({ el, bounds }, i) => {
        const width = map.project([bounds[2], bounds[1]]).x - map.project([bounds[0], bounds[1]]).x;
        el.style.visibility = width >= (widths?.[i] ?? 0) ? 'visible' : 'hidden';
      });
    };
    const frame = requestAnimationFrame(() => {
      widths = labels.map(({ el }) => el.offsetWidth);
      fit();
    });
    map.on('moveend', fit);
    map.on('resize', fit);
    return () => {
      cancelAnimationFrame(frame);
      map.off('moveend', fit);
      map.off('resize', fit);
      map.off('move', place);
      map.off('resize', place);
      for (const { marker } of labels) marker.remove();
      for (const { el } of frames) el.remove();
    };
  }, [map, insets]);
}
