/**
 * The map explorer's map. Territories come as vector tiles per level and are coloured through
 * feature-state, so a new indicator or year re-colours without reloading geometry; school
 * points, outlines, the camera and the DROM shortcuts follow the view state. The frame carries
 * `data-state` = loading | ready | error: ready once the current view (values applied, school
 * points when shown, camera settled) has been drawn and the map is idle, and the legend beside it
 * shows the same view — tests and benchmarks wait on it. An opening view the commune overview
 * alone draws is drawn first without MapLibre (overview/firstFrame.ts: ready then too), MapLibre
 * being imported and started after that frame's paint; `data-interactive="true"` says MapLibre
 * has drawn the map (pan, zoom, hover, click), and stays.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TerritoryCollection } from '../api/types.ts';
import { t, type Lang } from '../i18n/index.ts';
import { MAP_LEVELS, type Camera, type MapLevel, type TerritoryRef } from '../state/url.ts';
import { DromShortcuts } from './DromShortcuts.tsx';
import { useInsetLabels } from './insetLabels.ts';
import type { SchoolPoints } from './schools.ts';
import { levelLayers, LISA_COLORS, SCHOOL_LAYERS, visibleLayers } from './style.ts';
import { minZoomOf, useCamera } from './useCamera.ts';
import { useLisaOverlay, type LisaOverlay } from './lisaOverlay.ts';
import { useChoropleth, useReadyKey, type Choropleth } from './useChoropleth.ts';
import { loadMapLibre } from './maplibre.ts';
import { useMapLibre, type HoverInfo } from './useMapLibre.ts';
import { OverviewLayer } from './overview/overviewLayer.ts';
import { useOverview } from './overview/useOverview.ts';
import { afterPaint, FIRST_FRAME_WAIT_MS, openingOf, useFirstFrame, type Opening, type OpeningView } from './overview/useFirstFrame.ts';
import { useOutlined, useSchoolPoints, useVisibleLayers } from './useMapLayers.ts';
import { useTerritoryBounds } from './useTerritoryBounds.ts';
import './map.css';

export type { HoverInfo, HoverTarget } from './useMapLibre.ts';
export type { Choropleth } from './useChoropleth.ts';

interface Props {
  lang: Lang;
  /** `indicator|level|year`, shown as `data-view` */
  stateKey: string;
  level: MapLevel;
  within: TerritoryRef | null;
  selected: TerritoryRef | null;
  camera: Camera | null;
  insets: TerritoryCollection | undefined;
  /** the colours of the current view, undefined while its values load */
  choropleth: Choropleth | undefined;
  /** school points to draw (null: none), and whether wanted points are still loading */
  schools: SchoolPoints | null;
  schoolsPending: boolean;
  /** LISA clusters to outline (absent or null: none), and whether wanted clusters are still loading */
  lisa?: LisaOverlay | null;
  lisaPending?: boolean;
  /** the legend beside the map still shows another view (it renders just after the colours) */
  legendPending?: boolean;
  failed: boolean;
  ariaLabel: string;
  overlay: ReactNode;
  tooltip: (hover: HoverInfo) => ReactNode;
  onPick: (ref: TerritoryRef) => void;
  onCamera: (camera: Camera) => void;
  /** called each time the map turns ready once MapLibre draws it (not for the first frame: what
   * waits on it, such as the table's names, would hold MapLibre back) */
  onReady?: () => void;
}

export function MapView(props: Props) {
  const { lang, stateKey, level, within, selected, camera, choropleth, schools, failed, overlay } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const lisaLevel = props.lisa ? props.lisa.level : null;
  const visible = useMemo(() => {
    const ids = visibleLayers(level, within, selected);
    if (schools) for (const id of Object.values(SCHOOL_LAYERS)) ids.add(id);
    if (lisaLevel) ids.add(levelLayers(lisaLevel).lisaCasing).add(levelLayers(lisaLevel).lisa);
    return ids;
  }, [level, within, selected, schools, lisaLevel]);
  const pickOverview = useRef<(lngLat: { lng: number; lat: number }) => string | null | undefined>(() => undefined);
  // the commune overview's layer, on the map from its style's load, under every border layer
  const [overviewLayer] = useState(() => new OverviewLayer());
  const customLayers = useMemo(() => [{ layer: overviewLayer, before: levelLayers(MAP_LEVELS[0]).line }], [overviewLayer]);
  // The camera the map opens on, and whether the first frame draws the opening view before
  // MapLibre exists (decided once, at mount, from the container's size)
  const [openingView] = useState<OpeningView>(() => ({ camera, level, within, selected, points: schools !== null || props.schoolsPending, lisa: props.lisa != null || props.lisaPending === true }));
  const [opening, setOpening] = useState<Opening | null>(null);
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (el) setOpening(openingOf(el, openingView));
  }, [openingView]);
  // MapLibre starts after the first frame's paint (mapGo, below), or at once when there is none to
  // wait for: another opening view, an error, no overview to draw (a build without rasters)
  const [mapGo, setMapGo] = useState(false);
  const [noFirstFrame, setNoFirstFrame] = useState(false);
  const start = opening !== null && (!opening.firstFrame || mapGo || noFirstFrame);
  const frameRef = useRef<HTMLCanvasElement>(null);
  // (the first frame's camera, refitted when the map's size changed, is the one MapLibre opens on)
  const [frameCamera, setFrameCamera] = useState<Camera | null>(null);
  const { map, hover } = useMapLibre(containerRef, lang, { level, visible, onPick: props.onPick, onCamera: props.onCamera, pickOverview, customLayers }, frameCamera ?? opening?.camera ?? camera, start);

  const target = useTerritoryBounds(within);
  const { flyTo } = useCamera(map, { camera, level, target, targetKey: within ? `${within.level}:${within.code}` : '' });
  useVisibleLayers(map, visible);
  useOutlined(map, [within, selected]);
  useSchoolPoints(map, schools);
  const overview = useOverview(map, overviewLayer, level, choropleth, schools !== null, opening?.firstFrame ? opening.camera.zoom : null);
  useChoropleth(map, choropleth, schools !== null, overview.drawing);
  useEffect(() => {
    pickOverview.current = overview.pick;
  });
  useLisaOverlay(map, props.lisa ?? null);
  useInsetLabels(map, props.insets);
  const settled = camera !== null || target !== undefined;
  const renderKey =
    choropleth && !props.schoolsPending && !props.lisaPending && !overview.pending && settled
      ? `${choropleth.key}|${schools ? schools.shown : '-'}|${props.lisa ? props.lisa.key : '-'}|${overview.key}`
      : null;
  const readyKey = useReadyKey(map, renderKey);
  const tooFar = useTooFar(map, level);

  // Text alternative on the canvas itself.
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', props.ariaLabel);
  }, [map, props.ariaLabel]);

  // MapLibre's canvas is shown once it has drawn a complete view (before that, the first frame or
  // nothing): in software WebGL every frame shown costs a read-back of the canvas (30-90 ms of the
  // page's main thread), and frames of a half-drawn map (background, then borders, then colours)
  // tell the reader nothing.
  const mapDrawn = map !== null && renderKey !== null && readyKey === renderKey;
  const [drawnOnce, setDrawnOnce] = useState(false);
  if (mapDrawn && !drawnOnce) setDrawnOnce(true);
  // (drawn once the panels around the map are in: they set the map's size)
  const frame = useFirstFrame(frameRef, containerRef, overviewLayer, opening?.firstFrame && !drawnOnce ? openingView : null, props.legendPending ? null : renderKey, props.insets);
  if (frame.camera !== frameCamera && frame.camera) setFrameCamera(frame.camera);
  const firstKey = frame.key;

  // (a legend still catching up delays `ready` without a new wait for idle: the map's own
  // readiness is kept, so no extra frame is drawn)
  const drawn = mapDrawn || (!drawnOnce && renderKey !== null && firstKey === renderKey);
  const state = failed ? 'error' : drawn && !props.legendPending ? 'ready' : 'loading';
  if (opening?.firstFrame && !noFirstFrame && (failed || !overview.drawing)) setNoFirstFrame(true);
  // MapLibre starts once the first frame's complete view is on screen (or after a while without
  // it); its chunk is asked for at once, so that it arrives while the frame is painted
  useEffect(() => {
    if (!opening?.firstFrame || mapGo) return;
    if (state !== 'ready') {
      const timer = setTimeout(() => setMapGo(true), FIRST_FRAME_WAIT_MS);
      return () => clearTimeout(timer);
    }
    loadMapLibre().catch(() => undefined); // (the map reports a failure when it asks again)
    return afterPaint(() => setMapGo(true));
  }, [opening, mapGo, state]);
  const onReady = useRef(props.onReady);
  useEffect(() => {
    onReady.current = props.onReady;
  });
  useEffect(() => {
    if (state === 'ready' && drawnOnce) onReady.current?.();
  }, [state, drawnOnce]);
  return (
    <div
      className={drawnOnce ? 'map-frame' : 'map-frame map-frame--first'}
      id="map"
      data-state={state}
      data-view={stateKey}
      data-interactive={drawnOnce ? 'true' : undefined}
      aria-busy={state === 'loading'}
    >
      <div ref={containerRef} className="map-canvas" />
      {opening?.firstFrame && !drawnOnce ? <canvas ref={frameRef} className="map-first-frame" role="img" aria-label={props.ariaLabel} /> : null}
      <DromShortcuts lang={lang} insets={props.insets} onFly={flyTo} />
      {schools ? (
        <p className="points-overlay" data-testid="points-overlay">
          <span className="point-symbol point-exact" aria-hidden="true" /> {t(lang, 'schools.keyExact')}
          <span className="point-symbol point-approx" aria-hidden="true" /> {t(lang, 'schools.keyApprox')}
        </p>
      ) : null}
      {props.lisa ? (
        <p className="lisa-overlay" data-testid="lisa-overlay">
          <span className="lisa-symbol" style={{ borderColor: LISA_COLORS.under }} aria-hidden="true" /> {t(lang, 'lisa.shortUnder')}
          <span className="lisa-symbol" style={{ borderColor: LISA_COLORS.well }} aria-hidden="true" /> {t(lang, 'lisa.shortWell')}
        </p>
      ) : null}
      {state === 'loading' && !overlay ? (
        <p className="map-loading" role="status">
          {props.lisaPending ? t(lang, 'lisa.loading') : t(lang, 'app.loading')}
        </p>
      ) : null}
      {tooFar && state !== 'loading' ? <p className="map-hint">{t(lang, 'map.zoomForCommunes')}</p> : null}
      {overlay}
      {hover && (hover.target.kind === 'school' || hover.target.level === level) ? (
        <div
          className="map-tooltip"
          style={{
            left: hover.x,
            top: hover.y,
            transform: `translate(${hover.flipX ? 'calc(-100% - 14px)' : '14px'}, ${hover.flipY ? 'calc(-100% - 14px)' : '14px'})`,
          }}
        >
          {props.tooltip(hover)}
        </div>
      ) : null}
    </div>
  );
}

/** True when the map is zoomed out beyond the first zoom with tiles for `level` (nothing draws). */
function useTooFar(map: ReturnType<typeof useMapLibre>['map'], level: MapLevel): boolean {
  const [tooFar, setTooFar] = useState(false);
  useEffect(() => {
    if (!map) return;
    const check = () => setTooFar(map.getZoom() < minZoomOf(map, level) - 1e-6);
    check();
    map.on('zoomend', check);
    map.on('sourcedata', check);
    return () => {
      map.off('zoomend', check);
      map.off('sourcedata', check);
    };
  }, [map, level]);
  return tooFar;
}
