/**
 * MapLibre, loaded on demand: ~1 MB of script whose compilation and evaluation (shaders prepared,
 * classes built) would otherwise sit on the page's first view, which the first frame draws
 * without it (overview/firstFrame.ts). The map asks for it when it starts; its worker is set up
 * and started as soon as it is in. Not preloaded either: measured in alternating runs, a
 * `modulepreload` of it made the first view ~60 ms later (its compilation competes with the
 * page's) and the map interactive no sooner (fetching it from this server after the first frame
 * takes ~20 ms). Under Vite the worker URL must be set explicitly, or only the background draws
 * (STACK.md).
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export type MapLibre = typeof import('./maplibreModule.ts');

let loaded: MapLibre | null = null;
let loading: Promise<MapLibre> | null = null;

/** MapLibre, importing it on the first call. */
export function loadMapLibre(): Promise<MapLibre> {
  loading ??= import('./maplibreModule.ts').then((ml) => {
    ml.setWorkerUrl(workerUrl);
    ml.prewarm();
    loaded = ml;
    return ml;
  });
  // a failed import may be retried by a later call
  loading.catch(() => (loading = null));
  return loading;
}

/** MapLibre if already loaded (it is whenever a map exists), else null. */
export function loadedMapLibre(): MapLibre | null {
  return loaded;
}
