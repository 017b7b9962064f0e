/**
 * How the web bundle is split (vite.config.ts). The dashboard and the map embed load their entry
 * and three scripts (runtime, `shared`, `app`) rather than nine small shared chunks: over
 * HTTP/1.1's six connections those queued, and the first module waited for the last (~30 ms on
 * the map's first view, in alternating runs).
 * - `shared`: the modules, packages included, that both the map pages and the chart embed load
 *   at start;
 * - `app`: those only the map pages load at start (the chart embed never loads the map's code,
 *   nor the name of MapLibre's files in it). MapLibre itself is a lazy chunk of its own
 *   (web/map/maplibreModule.ts).
 * Everything else (the other pages, the chart embed's own code, lazy imports) is split as Rolldown
 * does by default. Which modules each entry loads at start is read from the module graph once it
 * is built (static imports only), before chunks are made; the two groups do not pull in their
 * modules' dependencies, which are by construction in the same group or in `shared`.
 */
import type { Plugin, Rollup } from 'vite';

/** The map pages' entries (web/main.tsx, web/embed/main.tsx) and the chart embed's. */
const MAP_ENTRIES = /[\\/]web[\\/](?:embed[\\/])?main\.tsx$/;
const CHART_ENTRY = /[\\/]web[\\/]embed[\\/]chartMain\.tsx$/;
/** MapLibre's library, imported lazily (web/map/maplibreModule.ts): never in a group. */
const MAPLIBRE = /node_modules[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.mjs$|maplibreModule/;

/** Every module `entry` modules reach through static imports. */
function staticReach(ctx: Rollup.PluginContext, entry: RegExp): Set<string> {
  const seen = new Set<string>();
  const stack = [...ctx.getModuleIds()].filter((id) => entry.test(id));
  if (stack.length === 0) ctx.error(`map-page-chunks: no entry module matches ${entry}`);
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function mapPageChunks() {
  let map = new Set<string>();
  let chart = new Set<string>();
  const plugin: Plugin = {
    name: 'map-page-chunks',
    apply: 'build',
    buildEnd() {
      map = staticReach(this, MAP_ENTRIES);
      chart = staticReach(this, CHART_ENTRY);
    },
  };
  // every module but MapLibre's library (lazy) and the entries themselves (each its page's script)
  const grouped = (id: string) => !MAPLIBRE.test(id) && !MAP_ENTRIES.test(id) && !CHART_ENTRY.test(id);
  const groups = [
    { name: 'shared', test: (id: string) => grouped(id) && map.has(id) && chart.has(id), includeDependenciesRecursively: false },
    { name: 'app', test: (id: string) => grouped(id) && map.has(id) && !chart.has(id), includeDependenciesRecursively: false },
  ];
  return { plugin, groups };
}
