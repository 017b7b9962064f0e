/**
 * DOM labels for the overseas inset frames (no glyph server: text is HTML, placed with
 * MapLibre markers at each frame's top-left corner), hidden when the frame is drawn narrower
 * than its label; also sets the frames as the `insets` source's data. Decorative for assistive
 * technology: the map's aria-label carries the meaning.
 */
import { useEffect } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { TerritoryCollection } from '../api/types.ts';
import { boundsOf, INSETS } from './style.ts';

export function useInsetLabels(map: maplibregl.Map | null, insets: TerritoryCollection | undefined): void {
  useEffect(() => {
    if (!map || !insets) return;
    map.getSource<maplibregl.GeoJSONSource>(INSETS)?.setData(insets);
    const labels = insets.features.flatMap((f) => {
      const b = boundsOf({ type: 'FeatureCollection', features: [f] });
      if (!b) return [];
      const el = document.createElement('div');
      el.className = 'inset-label';
      el.textContent = f.properties.name;
      const marker = new maplibregl.Marker({ element: el, anchor: 'bottom-left' }).setLngLat([b[0], b[3]]).addTo(map);
      const node = marker.getElement();
      node.setAttribute('aria-hidden', 'true');
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      return [{ marker, el, bounds: b }];
    });
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
      for (const { marker } of labels) marker.remove();
    };
  }, [map, insets]);
}
