/**
 * Loads the commune overview rasters (format: scripts/build/overview/spec.ts): the meta file once
 * (commune codes and levels), then each level when first wanted, inflated by the browser
 * (`Content-Encoding: gzip`) and un-filtered here into one commune number per pixel. Requests are
 * shared: the first caller starts them and later callers get the same promise; the page's first
 * module may have sent them already (web/api/early.ts).
 */
import {
  decodeRows,
  OVERVIEW_META_URL,
  overviewLevelUrl,
  type OverviewLevel,
  type OverviewLevelMeta,
  type OverviewMeta,
} from '../../../scripts/build/overview/spec.ts';
import { takeEarly, type EarlyBody } from '../../api/early.ts';

/** One decoded level: its place in the world and the commune number of each pixel. */
export interface OverviewRaster extends OverviewLevelMeta {
  ids: Uint16Array;
}

/** The meta file with a code → commune number index. */
export interface OverviewIndex extends OverviewMeta {
  idOf: ReadonlyMap<string, number>;
}

let meta: Promise<OverviewIndex> | null = null;
const rasters = new Map<OverviewLevel, Promise<OverviewRaster>>();
// what has arrived, for a first render that finds it there (web/boot/firstView.ts)
let metaLoaded: OverviewIndex | null = null;
const rastersLoaded = new Map<OverviewLevel, OverviewRaster>();

/** The body of `url` as JSON or bytes, from the page's early request when there was one (web/api/early.ts). */
async function body<T>(url: string, as: EarlyBody): Promise<T> {
  const early = takeEarly<T>(url);
  if (early) {
    try {
      return await early;
    } catch {
      // ask again below
    }
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (as === 'json' ? res.json() : res.arrayBuffer()) as Promise<T>;
}

/** The meta file (codes and levels), fetched once per page. */
export function loadOverviewIndex(): Promise<OverviewIndex> {
  meta ??= body<OverviewMeta>(OVERVIEW_META_URL, 'json').then((m) => {
    metaLoaded = { ...m, idOf: new Map(m.codes.map((code, i) => [code, i + 1])) };
    return metaLoaded;
  });
  // a failed request may be retried by a later caller
  meta.catch(() => (meta = null));
  return meta;
}

/** The meta file if it has arrived, else null. */
export const loadedOverviewIndex = (): OverviewIndex | null => metaLoaded;

/** One level's raster, fetched once per page (its bytes may already be on their way, see prefetchOverview). */
export function loadOverviewRaster(z: OverviewLevel): Promise<OverviewRaster> {
  let raster = rasters.get(z);
  if (!raster) {
    const bytes = body<ArrayBuffer>(overviewLevelUrl(z), 'bytes');
    raster = loadOverviewIndex().then(async (index) => {
      const level = index.levels.find((l) => l.z === z);
      if (!level) throw new Error(`overview: no level ${z} in ${OVERVIEW_META_URL}`);
      const loaded = { ...level, ids: decodeRows(await bytes, level.width, level.height) };
      rastersLoaded.set(z, loaded);
      return loaded;
    });
    raster.catch(() => rasters.delete(z));
    rasters.set(z, raster);
  }
  return raster;
}

/** Level `z`'s raster if it has arrived, else undefined. */
export const loadedOverviewRaster = (z: OverviewLevel): OverviewRaster | undefined => rastersLoaded.get(z);

/** The commune number under a point given in world pixels at zoom `raster.z` (0: none or outside). */
export function idAt(raster: OverviewRaster, worldX: number, worldY: number): number {
  const i = Math.floor(worldX) - raster.x0;
  const j = Math.floor(worldY) - raster.y0;
  if (i < 0 || j < 0 || i >= raster.width || j >= raster.height) return 0;
  return raster.ids[j * raster.width + i] ?? 0;
}
