/**
 * Keeps the map camera in step with the view state. A camera in the URL (shared link, back or
 * forward) is jumped to; without one, the map fits the drilled territory (`within`, flying there)
 * or France, refits on resize, and never zooms out below the level's first tile zoom (so the
 * communes of all France still draw on a phone). Moves made here are not written back to the
 * URL: only the user's are (see useMapLibre).
 */
import { useCallback, useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Camera, MapLevel } from '../state/url.ts';
import { FRANCE_BOUNDS, type Bounds } from './style.ts';
import { FIT_PADDING } from './useMapLibre.ts';

/** Whether the map already shows `camera` (to the precision the URL keeps). */
export function isAt(map: Pick<maplibregl.Map, 'getZoom' | 'getCenter'>, camera: Camera): boolean {
  const c = map.getCenter();
  return Math.abs(map.getZoom() - camera.zoom) < 0.02 && Math.abs(c.lat - camera.lat) < 2e-4 && Math.abs(c.lng - camera.lon) < 2e-4;
}

/** The first zoom with tiles for `level` (0 until its TileJSON is loaded). */
export function minZoomOf(map: maplibregl.Map, level: MapLevel): number {
  const source = map.getSource(level) as { minzoom?: number } | undefined;
  return source?.minzoom ?? 0;
}

interface Options {
  camera: Camera | null;
  level: MapLevel;
  /** bounds of the drilled territory (a stable array), null for France, undefined while loading */
  target: Bounds | null | undefined;
  /** changes when the drilled territory changes (animate the move to it) */
  targetKey: string;
}

export function useCamera(map: maplibregl.Map | null, { camera, level, target, targetKey }: Options) {
  const fitRef = useRef<{ bounds: Bounds; level: MapLevel } | null>(null);
  const lastKey = useRef(targetKey);

  const fit = useCallback(
    (bounds: Bounds, animate: boolean) => {
      if (!map) return;
      fitRef.current = { bounds, level };
      const cam = map.cameraForBounds(bounds, { padding: FIT_PADDING });
      if (!cam) return;
      const zoom = Math.max(cam.zoom ?? 0, minZoomOf(map, level));
      if (animate) map.flyTo({ ...cam, zoom, duration: 900, essential: true });
      else map.jumpTo({ ...cam, zoom });
    },
    [map, level],
  );

  useEffect(() => {
    if (!map) return;
    if (camera) {
      fitRef.current = null;
      lastKey.current = targetKey;
      if (!isAt(map, camera)) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
      return;
    }
    if (target === undefined) return; // the territory's bounds are loading
    const moved = lastKey.current !== targetKey;
    lastKey.current = targetKey;
    fit(target ?? FRANCE_BOUNDS, moved && target !== null);
  }, [map, camera, target, targetKey, fit]);

  // Without a camera in the URL, the view is "fit the extent": keep it fitted on resize, and
  // once the level's TileJSON tells its first zoom.
  useEffect(() => {
    if (!map) return;
    const refit = () => {
      if (fitRef.current && !map.isMoving()) fit(fitRef.current.bounds, false);
    };
    const onSource = (e: maplibregl.MapSourceDataEvent) => {
      if (e.sourceId === level && e.sourceDataType === 'metadata') refit();
    };
    map.on('resize', refit);
    map.on('sourcedata', onSource);
    return () => {
      map.off('resize', refit);
      map.off('sourcedata', onSource);
    };
  }, [map, level, fit]);

  /** Flies to `bounds` and records the camera in the URL (DROM shortcuts). */
  const flyTo = useCallback(
    (bounds: Bounds) => {
      map?.fitBounds(bounds, { padding: FIT_PADDING, duration: 800 }, { recordCamera: true });
    },
    [map],
  );
  return { flyTo };
}
