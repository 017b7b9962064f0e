/**
 * Creates the MapLibre map once (style built in code, no rotation, drawing buffer kept for pixel
 * tests), then reports what the pointer is over (a school point first, else a territory of the
 * map level: outline via feature-state, tooltip via React state), clicks on territories, and
 * camera moves the user made (gestures, buttons, keyboard, or flights marked `recordCamera`).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { readEarlyBodies } from '../api/early.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { Camera, MapLevel, TerritoryRef } from '../state/url.ts';
import { loadedMapLibre, loadMapLibre, type MapLibre } from './maplibre.ts';
import type { SchoolProps } from './schools.ts';
import { baseStyle, FRANCE_BOUNDS, levelLayers, levelMinZoom, SCHOOL_LAYERS, STATE } from './style.ts';

export type HoverTarget =
  | { kind: 'territory'; level: MapLevel; code: string; name: string | null }
  | { kind: 'school'; school: SchoolProps };

export interface HoverInfo {
  target: HoverTarget;
  x: number;
  y: number;
  /** place the tooltip left of / above the pointer (near the right / bottom edge) */
  flipX: boolean;
  flipY: boolean;
}

/** What the map reads on every event (kept in a ref, so handlers are bound once). */
export interface MapInputs {
  level: MapLevel;
  visible: ReadonlySet<string>;
  onPick: (ref: TerritoryRef) => void;
  onCamera: (camera: Camera) => void;
  /** the commune under a point when the overview raster draws it (undefined: ask the tiles) */
  pickOverview?: RefObject<(lngLat: { lng: number; lat: number }) => string | null | undefined>;
  /** custom layers added as soon as the style has loaded (read once, when the map is created) */
  customLayers?: readonly { layer: maplibregl.CustomLayerInterface; before: string }[];
}

/** Padding of every fit, in pixels: clear of the zoom buttons (right) and the DROM shortcuts (bottom). */
export const FIT_PADDING = { top: 16, right: 52, bottom: 44, left: 16 } as const;

/**
 * `initial` is the camera the map opens on (null: France fitted by MapLibre); the map is created
 * when `start` first holds (after the first frame, see MapView), with the camera of that moment.
 */
export function useMapLibre(containerRef: RefObject<HTMLDivElement | null>, lang: Lang, inputs: MapInputs, initial: Camera | null, start = true) {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const inputsRef = useRef(inputs);
  useEffect(() => {
    inputsRef.current = inputs;
  });
  const initialRef = useRef({ camera: initial, visible: inputs.visible, level: inputs.level, customLayers: inputs.customLayers ?? [] });
  useLayoutEffect(() => {
    initialRef.current.camera = initial;
  });

  // a layout effect: the map starts in the commit that allows it, before the page's next paint
  // and the other components' effects (its worker and tiles get going sooner)
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container || !start) return;
    let live = true;
    let created: maplibregl.Map | null = null;
    const create = (ml: MapLibre) => {
      if (live) created = createMap(ml, container, { initial: initialRef.current, inputsRef, setHover, onStyle: setMap });
    };
    const ml = loadedMapLibre();
    if (ml) create(ml);
    else loadMapLibre().then(create, (e: unknown) => console.error('MapLibre could not be loaded', e));
    return () => {
      live = false;
      setMap(null);
      created?.remove();
    };
  }, [containerRef, start]);

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

  return { map, hover, clearHover: () => setHover(null) };
}

/** What a new map reads and calls: the opening, the page's current inputs, its hover and style callbacks. */
interface Wiring {
  initial: { camera: Camera | null; visible: ReadonlySet<string>; level: MapLevel; customLayers: NonNullable<MapInputs['customLayers']> };
  inputsRef: RefObject<MapInputs>;
  setHover: (hover: HoverInfo | null) => void;
  /** called once the style has loaded (custom layers added) */
  onStyle: (map: maplibregl.Map) => void;
}

/** A new map in `container`, wired to the page (its hover, clicks and moves). */
function createMap(maplibre: MapLibre, container: HTMLDivElement, wiring: Wiring): maplibregl.Map {
  const { initial, inputsRef, setHover } = wiring;
  const { camera, visible } = initial;
  const m = new maplibre.Map({
    container,
    style: baseStyle(window.location.origin, visible),
    ...(camera ? { center: [camera.lon, camera.lat], zoom: camera.zoom } : { bounds: FRANCE_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } }),
    attributionControl: false,
    dragRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  // the early requests' bodies are parsed now, while the map waits for its style and worker
  readEarlyBodies();
  if (!camera) {
    // The camera useCamera would fit (France, not below the level's first tile zoom), set now:
    // the first tiles asked for are the ones drawn, rather than a zoom out of the level's range.
    const fit = m.cameraForBounds(FRANCE_BOUNDS, { padding: FIT_PADDING });
    const min = levelMinZoom(initial.level);
    if (fit && (fit.zoom ?? 0) < min) m.jumpTo({ ...fit, zoom: min });
  }
  m.touchZoomRotate.disableRotation();
  m.keyboard.disableRotation();
  m.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');

  let hovered: { level: MapLevel; id: string } | null = null;
  const setHovered = (next: typeof hovered) => {
    if (hovered?.id === next?.id && hovered?.level === next?.level) return;
    if (hovered) m.setFeatureState({ source: hovered.level, sourceLayer: hovered.level, id: hovered.id }, { [STATE.hover]: false });
    hovered = next;
    if (next) m.setFeatureState({ source: next.level, sourceLayer: next.level, id: next.id }, { [STATE.hover]: true });
  };
  /** The school or territory under a point, or null. */
  const pick = (point: maplibregl.Point): HoverTarget | null => {
    const { level, visible: shown } = inputsRef.current;
    const layers = [SCHOOL_LAYERS.exact, SCHOOL_LAYERS.approx].filter((id) => shown.has(id) && m.getLayer(id));
    const school = layers.length ? m.queryRenderedFeatures(point, { layers })[0] : undefined;
    if (school) return { kind: 'school', school: school.properties as SchoolProps };
    const fromOverview = inputsRef.current.pickOverview?.current?.(m.unproject(point));
    if (fromOverview !== undefined) return fromOverview ? { kind: 'territory', level, code: fromOverview, name: null } : null;
    const f = m.queryRenderedFeatures(point, { layers: [levelLayers(level).fill] })[0];
    if (!f || f.id === undefined) return null;
    const name = f.properties.name;
    return { kind: 'territory', level, code: String(f.id), name: typeof name === 'string' && name ? name : null };
  };
  m.on('mousemove', (e) => {
    const target = pick(e.point);
    setHovered(target?.kind === 'territory' ? { level: target.level, id: target.code } : null);
    m.getCanvas().style.cursor = target ? 'pointer' : '';
    if (!target) return setHover(null);
    const { clientWidth, clientHeight } = m.getContainer();
    setHover({ target, x: e.point.x, y: e.point.y, flipX: e.point.x > clientWidth - 280, flipY: e.point.y > clientHeight - 170 });
  });
  // leaving the map, or moving it (a drill-down flies away under a still pointer)
  for (const type of ['mouseout', 'movestart'] as const) {
    m.on(type, () => {
      setHovered(null);
      setHover(null);
    });
  }
  m.on('click', (e) => {
    const fromOverview = inputsRef.current.pickOverview?.current?.(e.lngLat);
    if (fromOverview) return inputsRef.current.onPick({ level: inputsRef.current.level, code: fromOverview });
    if (fromOverview === null) return;
    const f = m.queryRenderedFeatures(e.point, { layers: [levelLayers(inputsRef.current.level).fill] })[0];
    if (f?.id !== undefined) inputsRef.current.onPick({ level: inputsRef.current.level, code: String(f.id) });
  });
  m.on('moveend', (e: maplibregl.MapLibreEvent & { recordCamera?: boolean }) => {
    if (!e.originalEvent && !e.recordCamera) return;
    const c = m.getCenter();
    inputsRef.current.onCamera({ zoom: m.getZoom(), lat: c.lat, lon: c.lng });
  });
  // the style is enough to set feature-state and layers: no need to wait for every tile ('load')
  m.once('style.load', () => {
    for (const { layer, before } of initial.customLayers) m.addLayer(layer, before);
    wiring.onStyle(m);
  });
  return m;
}
