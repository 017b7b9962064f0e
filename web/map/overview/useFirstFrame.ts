/**
 * When and how the map's first frame is drawn (firstFrame.ts): the opening camera and whether
 * the opening view is one the overview alone draws (communes of all France or a wide part of it:
 * no drilled or selected territory, no school points, no LISA outlines), then the frame itself
 * each time that view's picture is complete, until MapLibre has drawn it.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { OVERVIEW_MAX_ZOOM } from '../../../scripts/build/overview/spec.ts';
import type { TerritoryCollection } from '../../api/types.ts';
import type { Camera, MapLevel, TerritoryRef } from '../../state/url.ts';
import { boundsOf, FRANCE_BOUNDS, levelMinZoom } from '../style.ts';
import { FIT_PADDING } from '../useMapLibre.ts';
import { drawFirstFrame, fitCamera, type InsetFrame } from './firstFrame.ts';
import type { OverviewLayer } from './overviewLayer.ts';

/** The longest MapLibre waits for the first frame before starting anyway (slow data). */
export const FIRST_FRAME_WAIT_MS = 1000;

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

/** The opening of a map in `container` (its size fits France when the URL has no camera). */
export function openingOf(container: HTMLElement, view: OpeningView): Opening {
  const camera = view.camera ?? fitCamera(container.clientWidth, container.clientHeight, FRANCE_BOUNDS, FIT_PADDING, levelMinZoom(view.level));
  const overviewOnly = view.level === 'commune' && !view.within && !view.selected && !view.points && !view.lisa;
  return camera && overviewOnly && camera.zoom < OVERVIEW_MAX_ZOOM ? { camera, firstFrame: true } : { camera, firstFrame: false };
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
 * Draws the first frame into `frameRef`'s canvas for the view `key` once `layer` holds its whole
 * picture, while `camera` is set (null: no first frame); returns the key last drawn.
 */
export function useFirstFrame(
  frameRef: RefObject<HTMLCanvasElement | null>,
  containerRef: RefObject<HTMLElement | null>,
  layer: OverviewLayer,
  camera: Camera | null,
  key: string | null,
  insets: TerritoryCollection | undefined,
): string | null {
  const [drawn, setDrawn] = useState<string | null>(null);
  // a layout effect: after useOverview's, which hands the view's picture to the layer in the same commit
  useLayoutEffect(() => {
    const canvas = frameRef.current;
    const container = containerRef.current;
    const picture = layer.picture();
    if (!camera || !key || !canvas || !container || !picture) return;
    const { clientWidth, clientHeight } = container;
    drawFirstFrame(canvas, clientWidth, clientHeight, window.devicePixelRatio || 1, camera, picture, insetFrames(insets), labelFont(container));
    setDrawn(key);
  }, [frameRef, containerRef, layer, camera, key, insets]);
  return drawn;
}
