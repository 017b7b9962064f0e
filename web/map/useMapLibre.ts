/**
 * Creates the MapLibre map once (style built in code, no rotation, drawing buffer kept for
 * pixel tests), tracks the hovered territory (outline via feature-state, tooltip via React
 * state) and keeps France in view on resize until the user moves the map.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { t, type Lang } from '../i18n/index.ts';
import { baseStyle, LAYER, STATE_HOVER, TERRITORIES } from './style.ts';

export type Bounds = [number, number, number, number];

export interface HoverInfo {
  code: string;
  name: string;
  x: number;
  y: number;
  /** place the tooltip left of / above the pointer (near the right / bottom edge) */
  flipX: boolean;
  flipY: boolean;
}

const FIT = { padding: 16, animate: false } as const;

// Under Vite the worker must be set explicitly, or only the background draws (STACK.md).
maplibregl.setWorkerUrl(workerUrl);

export function useMapLibre(containerRef: RefObject<HTMLDivElement | null>, lang: Lang) {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const homeRef = useRef<Bounds | null>(null);
  const userMovedRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const m = new maplibregl.Map({
      container,
      style: baseStyle(),
      center: [2.4, 46.6],
      zoom: 4.5,
      attributionControl: false,
      dragRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

    let hovered: string | number | undefined;
    const setHovered = (id: string | number | undefined) => {
      if (hovered !== undefined) m.setFeatureState({ source: TERRITORIES, id: hovered }, { [STATE_HOVER]: false });
      hovered = id;
      if (id !== undefined) m.setFeatureState({ source: TERRITORIES, id }, { [STATE_HOVER]: true });
    };
    const onPointer = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f || f.id === undefined) return;
      if (f.id !== hovered) setHovered(f.id);
      const { clientWidth, clientHeight } = m.getContainer();
      setHover({
        code: String(f.id),
        name: String(f.properties.name ?? f.id),
        x: e.point.x,
        y: e.point.y,
        flipX: e.point.x > clientWidth - 280,
        flipY: e.point.y > clientHeight - 150,
      });
    };
    m.on('mousemove', LAYER.fill, onPointer);
    m.on('click', LAYER.fill, onPointer);
    m.on('mouseleave', LAYER.fill, () => {
      setHovered(undefined);
      setHover(null);
    });
    m.on('movestart', (e) => {
      if ('originalEvent' in e && e.originalEvent) userMovedRef.current = true;
    });
    m.on('resize', () => {
      if (homeRef.current && !userMovedRef.current) m.fitBounds(homeRef.current, FIT);
    });
    m.on('load', () => setMap(m));
    return () => m.remove();
  }, [containerRef]);

  // MapLibre's zoom buttons are labelled in English: relabel them in the page language.
  useEffect(() => {
    const container = map?.getContainer();
    if (!container) return;
    const label = (selector: string, text: string) => {
      const button = container.querySelector(selector);
      button?.setAttribute('title', text);
      button?.setAttribute('aria-label', text);
    };
    label('.maplibregl-ctrl-zoom-in', t(lang, 'map.zoomIn'));
    label('.maplibregl-ctrl-zoom-out', t(lang, 'map.zoomOut'));
  }, [map, lang]);

  /** Fit `bounds` now (once per map) and again on every resize until the user moves the map. */
  const fitHome = useCallback(
    (bounds: Bounds) => {
      if (!map || homeRef.current) return;
      homeRef.current = bounds;
      map.fitBounds(bounds, FIT);
    },
    [map],
  );

  return { map, hover, fitHome };
}
