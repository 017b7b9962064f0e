/**
 * The GETs a map page (the dashboard `/`, the map embed `/embed/map`) needs for its first view,
 * from its address alone: the catalog, the view's values (the path the values query builds, from
 * the bundled catalog as the app does on its first render) and, at the commune level, the overview
 * codes and the raster level the first zoom draws. Shared by the page's first module (sends them)
 * and the server (names them as preloads in the page). Pure.
 */
import { INDICATORS } from '../../server/indicators/catalog.ts';
import { OVERVIEW_MAX_ZOOM, OVERVIEW_META_URL, overviewDrawsAlone, overviewLevelFor, overviewLevelUrl, type OverviewLevel } from '../../scripts/build/overview/spec.ts';
import type { EarlyBody } from '../api/early.ts';
import { mapValuesPath, viewMapRequest } from '../api/mapPath.ts';
import { INSETS_URL } from '../map/layers.ts';
import { parseViewQuery, resolveViewState, type ViewState } from '../state/url.ts';

/** Whether `pathname` is a page whose first view is the map. */
export const isMapPage = (pathname: string): boolean => pathname === '/' || pathname === '/index.html' || /^\/embed\/map\/?$/.test(pathname);

/** A GET to send at once, and how its body is read. */
export interface EarlyRequest {
  url: string;
  as: EarlyBody;
}

/**
 * Without a camera in the address the map fits France: zoom 4 to 5 on a desktop, and never below
 * the communes' first tile zoom (4).
 */
const FIT_ZOOM = 4;

/** Whether the map opens at the commune level below the vector zooms (the overview draws it). */
const overviewOpening = (view: ViewState): boolean => view.level === 'commune' && (view.camera?.zoom ?? FIT_ZOOM) < OVERVIEW_MAX_ZOOM;

/**
 * Whether the page at `pathname` + `search` is a map page opening on a view its first frame draws
 * without MapLibre (overviewDrawsAlone; web/map/overview/useFirstFrame.ts decides at mount by the
 * same rule). When it is not, the page's first module asks for MapLibre at once, as the map will
 * need it first thing.
 */
export function opensWithFirstFrame(pathname: string, search: string): boolean {
  if (!isMapPage(pathname)) return false;
  const view = resolveViewState(parseViewQuery(search), INDICATORS);
  return overviewDrawsAlone({ ...view, zoom: view.camera?.zoom ?? FIT_ZOOM, points: view.schools });
}

/** The URLs to request at once for the page at `pathname` + `search` (none for other pages). */
export function earlyRequests(pathname: string, search: string, pixelRatio = 1): EarlyRequest[] {
  if (!isMapPage(pathname)) return [];
  const view = resolveViewState(parseViewQuery(search), INDICATORS);
  const r = viewMapRequest(view, INDICATORS);
  const urls: EarlyRequest[] = [
    { url: '/api/indicators', as: 'json' },
    { url: mapValuesPath(r.indicator, r.level, r.year, r.within, r.filters), as: 'json' },
    { url: INSETS_URL, as: 'json' },
  ];
  const raster = openingOverviewLevel(view, pixelRatio);
  if (raster !== null) urls.push({ url: OVERVIEW_META_URL, as: 'json' }, { url: overviewLevelUrl(raster), as: 'bytes' });
  return urls;
}

/** The overview raster level the map of `view` opens on (null: the overview does not draw it). */
export function openingOverviewLevel(view: ViewState, pixelRatio = 1): OverviewLevel | null {
  return overviewOpening(view) ? overviewLevelFor(view.camera?.zoom ?? FIT_ZOOM, pixelRatio) : null;
}
