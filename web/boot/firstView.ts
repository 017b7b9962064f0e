/**
 * The first view's data before the first render. On a map page the server preloaded, the
 * catalog, the view's values, the insets and the overview's codes and raster have usually
 * arrived by the time the app's scripts run (web/public/early.js reads them while the scripts
 * load): they go into the query cache and the overview loader first, so that React renders the
 * map and its panels once, with their data, rather than an empty page then the data (one render,
 * one commit and one layout of the whole page less before the map's first frame). Waits at most
 * FIRST_VIEW_WAIT_MS: data slower than that is rendered as it comes, as on any other page.
 */
import type { QueryClient } from '@tanstack/react-query';
import { INDICATORS } from '../../server/indicators/catalog.ts';
import { indicatorsOptions, insetsOptions, viewValuesOptions } from '../api/queries.ts';
import { loadOverviewRaster } from '../map/overview/overviewData.ts';
import { parseViewQuery, resolveViewState } from '../state/url.ts';
import { isMapPage, openingOverviewLevel } from './earlyRequests.ts';

/** The longest the first render waits for the first view's data. */
export const FIRST_VIEW_WAIT_MS = 250;

/** Puts the first view's data of the page at `pathname` + `search` where the first render finds it (resolves after at most `waitMs`). */
export async function seedFirstView(client: QueryClient, pathname: string, search: string, pixelRatio = 1, waitMs = FIRST_VIEW_WAIT_MS): Promise<void> {
  if (!isMapPage(pathname)) return;
  const query = parseViewQuery(search);
  const seeded = (async () => {
    // the served catalog, as the app's first render will use it (else the bundled copy, as it would)
    const catalog = await client.fetchQuery(indicatorsOptions()).catch(() => null);
    const indicators = catalog && catalog.indicators.length > 0 ? catalog.indicators : INDICATORS;
    const view = resolveViewState(query, indicators);
    const raster = openingOverviewLevel(view, pixelRatio);
    await Promise.all([
      client.prefetchQuery(viewValuesOptions(view, indicators)),
      client.prefetchQuery(insetsOptions()),
      raster === null ? null : loadOverviewRaster(raster).catch(() => null),
    ]);
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  await Promise.race([seeded, late]);
  clearTimeout(timer);
}
