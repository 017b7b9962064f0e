/**
 * When and how the map's first frame is drawn (firstFrame.ts): the opening camera and whether
 * the opening view is one the overview alone draws (communes of all France or a wide part of it:
 * no drilled or selected territory, no school points, no LISA outlines), then the frame itself
 * each time that view's picture is complete, until MapLibre has drawn it.
 */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { overviewDrawsAlone } from '../../../scripts/build/overview/spec.ts';
import type { TerritoryCollection } from '../../api/types.ts';
import type { Camera, MapLevel, TerritoryRef } from '../../state/url.ts';
import { boundsOf, FRANCE_BOUNDS, levelMinZoom } from '../style.ts';
import { FIT_PADDING } from '../useMapLibre.ts';
import { drawFirstFrame, fitCamera, type InsetFrame } from './firstFrame.ts';
import type { OverviewLayer } from './overviewLayer.ts';

/**
 * The longest MapLibre waits for the first frame before starting anyway (very slow data; an
 * error, or a build without overview rasters, start it at once).
 */
export const FIRST_FRAME_WAIT_MS = 5000;

/** How the map opens: its camera (null: MapLibre fits France itself), and whether the first frame draws it. */
export type Opening = { camera: Camera; firstFrame: true } | { camera: Camera | null; firstFrame: false };

/** What of the opening view decides whether the first frame can draw it. */
export interface OpeningView {
  camera: Camera | null;
  level: MapLevel;
  within: TerritoryRef | null;
  selected: TerritoryRef | null;
  /** school points shown or on their way */
  points: boolean;
  /** LISA outlines shown or on their way */
  lisa: boolean;
}

/** The camera a `width` × `height` map opens on: the URL's, else France fitted (null: no room). */
const openingCamera = (view: OpeningView, width: number, height: number): Camera | null =>
  view.camera ?? fitCamera(width, height, FRANCE_BOUNDS, FIT_PADDING, levelMinZoom(view.level));

/** The opening of a map in `container` (its size fits France when the URL has no camera). */
export function openingOf(container: HTMLElement, view: OpeningView): Opening {
  const camera = openingCamera(view, container.clientWidth, container.clientHeight);
  return camera && overviewDrawsAlone({ ...view, zoom: camera.zoom }) ? { camera, firstFrame: true } : { camera, firstFrame: false };
}

/** Runs `fn` once the page has painted its next frame; returns the cancel. */
export function afterPaint(fn: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

function insetFrames(insets: TerritoryCollection | undefined): InsetFrame[] {
  return (insets?.features ?? []).flatMap((f) => {
    const bounds = boundsOf({ type: 'FeatureCollection', features: [f] });
    return bounds ? [{ name: f.properties.name, bounds }] : [];
  });
}

/** The font of the inset labels (.inset-label: 0.72rem of the page's font). */
function labelFont(container: HTMLElement): string {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return `${0.72 * rem}px ${getComputedStyle(container).fontFamily}`;
}

/**
 * Draws the first frame of `view` into `frameRef`'s canvas (null view: none) for the view `key`
 * once `layer` holds its whole picture, and again whenever the map's size changes (the page's
 * layout settling as its panels render, a resized window: the camera is fitted again when the URL
 * gives none, as MapLibre's would be); returns the key last drawn and the camera it was drawn with.
 */
export function useFirstFrame(
  frameRef: RefObject<HTMLCanvasElement | null>,
  containerRef: RefObject<HTMLElement | null>,
  layer: OverviewLayer,
  view: OpeningView | null,
  key: string | null,
  insets: TerritoryCollection | undefined,
): { key: string | null; camera: Camera | null } {
  const [drawn, setDrawn] = useState<{ key: string; camera: Camera } | null>(null);
  const [resized, setResized] = useState(0);
  useEffect(() => {
    const container = containerRef.current;
    if (!view || !container || typeof ResizeObserver === 'undefined') return;
    let size = `${container.clientWidth}x${container.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const now = `${container.clientWidth}x${container.clientHeight}`;
      if (now === size) return;
      size = now;
      // at once, before the browser paints the stretched old frame
      flushSync(() => setResized((n) => n + 1));
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [view, containerRef]);
  // a layout effect: after useOverview's, which hands the view's picture to the layer in the same commit
  useLayoutEffect(() => {
    const canvas = frameRef.current;
    const container = containerRef.current;
    const picture = layer.picture();
    if (!view || !key || !canvas || !container || !picture) return;
    const { clientWidth, clientHeight } = container;
    const camera = openingCamera(view, clientWidth, clientHeight);
    if (!camera) return;
    drawFirstFrame(canvas, clientWidth, clientHeight, window.devicePixelRatio || 1, camera, picture, insetFrames(insets), labelFont(container));
    setDrawn({ key, camera });
  }, [frameRef, containerRef, layer, view, key, insets, resized]);
  return { key: drawn?.key ?? null, camera: drawn?.camera ?? null };
}
