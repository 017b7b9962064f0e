/**
 * Runs the commune overview on a map (see scripts/build/overview/spec.ts for why): loads the
 * raster level the zoom wants (keeping the coarser one on screen meanwhile), colours it from the
 * choropleth through the lookup table, tells the map when the vector fill takes over (zoom 5.5),
 * and picks the commune under a point. If the rasters cannot be loaded (a build without them),
 * the communes' vector fill and the départements' borders take over at every zoom.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { OVERVIEW_MAX_ZOOM, overviewLevelFor, worldPixels, type OverviewLevel } from '../../../scripts/build/overview/spec.ts';
import { mercX, mercY } from '../../../scripts/build/tiles/spec.ts';
import type { MapLevel } from '../../state/url.ts';
import { levelLayers } from '../layers.ts';
import type { Choropleth } from '../useChoropleth.ts';
import { colorTable, departementTable } from './overviewColors.ts';
import { idAt, loadedOverviewIndex, loadedOverviewRaster, loadOverviewIndex, loadOverviewRaster, type OverviewIndex, type OverviewRaster } from './overviewData.ts';
import type { OverviewLayer } from './overviewLayer.ts';

export interface Overview {
  /** the overview draws the map level at the current zoom (not the vector fill) */
  drawing: boolean;
  /** the overview should draw the current view but its raster or colours are not there yet */
  pending: boolean;
  /** identifies what the overview draws (part of the map's readiness key) */
  key: string;
  /** the commune under a map point when the overview draws it, else undefined (ask the tiles) */
  pick: (lngLat: { lng: number; lat: number }) => string | null | undefined;
}

const pixelRatio = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

/** The raster level drawn at `zoom` on this screen (null from OVERVIEW_MAX_ZOOM: the vector tiles draw). */
const levelOfZoom = (zoom: number): OverviewLevel | null => (zoom < OVERVIEW_MAX_ZOOM ? overviewLevelFor(zoom, pixelRatio()) : null);

/**
 * `layer` is on the map from its style's load (useMapLibre adds it, under every border layer, so
 * the map's first frame needs no React render); this hook feeds it.
 */
export function useOverview(
  map: maplibregl.Map | null,
  layer: OverviewLayer,
  level: MapLevel,
  choropleth: Choropleth | undefined,
  faded: boolean,
  /** the zoom the map opens on, while there is no map yet (the first frame draws the overview: firstFrame.ts) */
  openingZoom: number | null = null,
): Overview {
  // (what has arrived already is there from the first render: web/boot/firstView.ts)
  const [index, setIndex] = useState<OverviewIndex | null>(loadedOverviewIndex);
  const [failed, setFailed] = useState(false);
  // the raster level the zoom wants (null at and beyond OVERVIEW_MAX_ZOOM, or before the map)
  const [zoomLevel, setZoomLevel] = useState<OverviewLevel | null | undefined>(undefined);
  const [rasters, setRasters] = useState<ReadonlyMap<OverviewLevel, OverviewRaster>>(new Map());
  const active = level === 'commune' && !failed;

  useLayoutEffect(() => {
    if (!map) return;
    // on every zoom frame (a flight crossing OVERVIEW_MAX_ZOOM hands over to the tiles at once),
    // re-rendering only when the wanted level changes
    const onZoom = () => {
      setZoomLevel(levelOfZoom(map.getZoom()));
    };
    onZoom();
    map.on('zoom', onZoom);
    return () => {
      map.off('zoom', onZoom);
    };
  }, [map]);

  // until the map has told its zoom, the level of the zoom it opens on
  const zoomWanted = zoomLevel !== undefined ? zoomLevel : openingZoom === null ? undefined : levelOfZoom(openingZoom);
  const wanted = active && zoomWanted ? zoomWanted : null;
  const arrived = wanted === null || rasters.has(wanted) ? undefined : loadedOverviewRaster(wanted);
  if (wanted !== null && arrived) setRasters((prev) => new Map(prev).set(wanted, arrived));
  useEffect(() => {
    if (!active || index) return;
    let live = true;
    loadOverviewIndex().then(
      (i) => live && setIndex(i),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [active, index]);
  useEffect(() => {
    if (wanted === null || rasters.has(wanted)) return;
    let live = true;
    loadOverviewRaster(wanted).then(
      (r) => live && setRasters((prev) => new Map(prev).set(wanted, r)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, rasters]);

  // without rasters, the vector fill (and the départements' borders) draw the communes at every zoom
  useEffect(() => {
    if (!map || !failed) return;
    map.setLayerZoomRange(levelLayers('commune').fill, 0, 24);
    map.setLayerZoomRange(levelLayers('departement').context, 0, 24);
  }, [map, failed]);

  // the finest raster loaded that is not finer than wanted (or the coarsest loaded)
  const shown = useMemo(() => {
    const loaded = [...rasters.values()].sort((a, b) => a.z - b.z);
    return loaded.filter((r) => wanted === null || r.z <= wanted).at(-1) ?? loaded[0] ?? null;
  }, [rasters, wanted]);
  const table = useMemo(
    () =>
      index && choropleth?.level === 'commune'
        ? colorTable(index, choropleth.values, choropleth.thresholds, choropleth.colors)
        : null,
    [index, choropleth],
  );

  const departements = useMemo(() => (index ? departementTable(index.codes) : null), [index]);

  // layout effect: the table is on the layer in the same commit as the vector states (useChoropleth)
  useLayoutEffect(() => {
    layer.setActive(active);
    if (shown) layer.setRaster(shown);
    if (departements) layer.setDepartements(departements);
    layer.setColors(table);
    layer.setOpacity(faded ? 0.45 : 1);
  }, [layer, active, shown, table, departements, faded]);

  const drawing = wanted !== null;
  const pending = drawing && (shown?.z !== wanted || table === null);
  return {
    drawing,
    pending,
    key: drawing ? `overview:${shown?.z ?? '-'}` : '-',
    pick: (lngLat) => {
      const raster = layer.shown;
      if (!map || !raster || !index || !layer.drawsAt(map.getZoom())) return undefined;
      const world = worldPixels(raster.z);
      const id = idAt(raster, mercX(lngLat.lng) * world, mercY(lngLat.lat) * world);
      return id ? (index.codes[id - 1] ?? null) : null;
    },
  };
}
