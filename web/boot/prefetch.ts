/**
 * First module the dashboard and the map embed evaluate, before React and MapLibre (~100 ms of
 * script on a slow machine, then the first render): the requests the map's first view needs
 * (earlyRequests.ts) leave now, in parallel with the page's own start-up, instead of once
 * components ask for them; those the server already preloaded are taken from the browser's cache.
 */
import { sendEarly } from '../api/early.ts';
import { loadMapLibre } from '../map/maplibre.ts';
import { earlyRequests, isMapPage, opensWithFirstFrame } from './earlyRequests.ts';

const { pathname, search } = window.location;
for (const { url, as } of earlyRequests(pathname, search, window.devicePixelRatio || 1)) sendEarly(url, as);
// a map that opens without a first frame needs MapLibre first thing: it leaves now too
if (isMapPage(pathname) && !opensWithFirstFrame(pathname, search)) loadMapLibre().catch(() => undefined);
