/**
 * The MapLibre map. Geometry goes in once per level (`setData`); values go in as feature-state
 * class indices, so a new indicator or year re-colours without reloading geometry. The frame
 * carries `data-state` = loading | ready | error: ready once the current choropleth has been
 * applied and the map is idle (end-to-end tests wait on it).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { MapValue, TerritoryCollection } from '../api/types.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { MapLevel } from '../state/url.ts';
import { classIndex, hasValue } from './classify.ts';
import { useInsetLabels } from './insetLabels.ts';
import { boundsOf, fillColorExpression, LAYER, STATE_CLASS, TERRITORIES } from './style.ts';
import { useMapLibre, type HoverInfo } from './useMapLibre.ts';

export type { HoverInfo } from './useMapLibre.ts';

export interface GeometryForLevel {
  level: MapLevel;
  data: TerritoryCollection;
}

/** Everything needed to colour the map for one view state. */
export interface Choropleth {
  key: string;
  level: MapLevel;
  values: readonly MapValue[];
  thresholds: readonly number[];
  colors: readonly string[];
}

interface Props {
  lang: Lang;
  stateKey: string;
  geometry: GeometryForLevel | undefined;
  insets: TerritoryCollection | undefined;
  choropleth: Choropleth | undefined;
  failed: boolean;
  ariaLabel: string;
  overlay: ReactNode;
  tooltip: (hover: HoverInfo) => ReactNode;
}

export function MapView({ lang, stateKey, geometry, insets, choropleth, failed, ariaLabel, overlay, tooltip }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const appliedRef = useRef<Set<string>>(new Set());
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const { map, hover, fitHome } = useMapLibre(containerRef, lang);

  // Geometry of the level: replace the source data, fit France (with insets) the first time.
  useEffect(() => {
    if (!map || !geometry) return;
    map.getSource<maplibregl.GeoJSONSource>(TERRITORIES)?.setData(geometry.data);
    const bounds = boundsOf(geometry.data);
    if (bounds) fitHome(bounds);
  }, [map, geometry, fitHome]);

  useInsetLabels(map, insets);

  // Values: class index per territory as feature-state, colours as the fill expression.
  useEffect(() => {
    if (!map || !geometry || !choropleth || choropleth.level !== geometry.level) return;
    const { key, values, thresholds, colors } = choropleth;
    map.setPaintProperty(LAYER.fill, 'fill-color', fillColorExpression(colors));
    const next = new Set<string>();
    for (const v of values) {
      next.add(v.code);
      const cls = hasValue(v.value) ? classIndex(thresholds, v.value) : -1;
      map.setFeatureState({ source: TERRITORIES, id: v.code }, { [STATE_CLASS]: cls });
    }
    for (const code of appliedRef.current) {
      if (!next.has(code)) map.removeFeatureState({ source: TERRITORIES, id: code }, STATE_CLASS);
    }
    appliedRef.current = next;
    const onIdle = () => setReadyKey(key);
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, geometry, choropleth]);

  // Text alternative on the canvas itself.
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', ariaLabel);
  }, [map, ariaLabel]);

  const state = failed ? 'error' : readyKey === stateKey ? 'ready' : 'loading';
  return (
    <div className="map-frame" id="map" data-state={state} data-view={stateKey} aria-busy={state === 'loading'}>
      <div ref={containerRef} className="map-canvas" />
      {state === 'loading' && !overlay ? (
        <p className="map-loading" role="status">
          {t(lang, 'app.loading')}
        </p>
      ) : null}
      {overlay}
      {hover ? (
        <div
          className="map-tooltip"
          style={{
            left: hover.x,
            top: hover.y,
            transform: `translate(${hover.flipX ? 'calc(-100% - 14px)' : '14px'}, ${hover.flipY ? 'calc(-100% - 14px)' : '14px'})`,
          }}
        >
          {tooltip(hover)}
        </div>
      ) : null}
    </div>
  );
}
