// The commune overview step of the data build: reads `geo/commune.geojson` (display coordinates,
// DROM in insets) and writes, for every zoom of OVERVIEW_LEVELS, the ID raster `<outDir>/{z}.bin`
// (gzip level 9 of spec.ts's encodeRows) and `<outDir>/meta.json` (spec.ts's OverviewMeta), served
// by server/routes/tiles.ts as `/tiles/commune/overview.json` and `/tiles/commune/overview/{z}.bin`.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DisplayFeature } from '../tiles/encode.ts';
import { communeCodes, rasterize } from './rasterize.ts';
import { encodeRows, OVERVIEW_LEVELS, type OverviewLevelMeta, type OverviewMeta } from './spec.ts';

export interface BuildOverviewOptions {
  /** folder holding `commune.geojson` */
  geoDir: string;
  /** output folder (`…/overview/commune`), replaced */
  outDir: string;
  log?: (line: string) => void;
}

/** What one level produced (for build.json). */
export interface OverviewLevelResult {
  z: number;
  width: number;
  height: number;
  /** gzipped bytes of `{z}.bin` */
  bytes: number;
  /** communes with no pixel centre inside, given one pixel */
  stamped: number;
  /** shifts[k]: how many of those got a pixel k rings away from the one under their bbox centre */
  shifts: number[];
  /** communes without a pixel at this level (denser than its pixels; drawn from the next level) */
  unplaced: number;
  seconds: number;
}

export interface OverviewResult {
  communes: number;
  levels: OverviewLevelResult[];
}

/** Builds the commune overview rasters; resolves with a summary for build.json. */
export async function buildOverview({ geoDir, outDir, log = console.log }: BuildOverviewOptions): Promise<OverviewResult> {
  const file = path.join(geoDir, 'commune.geojson');
  const collection = JSON.parse(await readFile(file, 'utf8')) as { features?: DisplayFeature[] };
  if (!Array.isArray(collection.features)) throw new Error(`overview: ${file} is not a FeatureCollection`);
  const codes = communeCodes(collection.features);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const metaLevels: OverviewLevelMeta[] = [];
  const levels: OverviewLevelResult[] = [];
  for (const z of OVERVIEW_LEVELS) {
    const t0 = performance.now();
    const r = rasterize(collection.features, z, { codes });
    const gz = gzipSync(encodeRows(r.ids, r.width, r.height), { level: 9 });
    await writeFile(path.join(outDir, `${z}.bin`), gz);
    const seconds = (performance.now() - t0) / 1000;
    metaLevels.push({ z, x0: r.x0, y0: r.y0, width: r.width, height: r.height, bytes: gz.length });
    levels.push({ z, width: r.width, height: r.height, bytes: gz.length, stamped: r.stamped, shifts: r.shifts, unplaced: r.unplaced, seconds });
    log(`  overview commune z${z}: ${r.width}×${r.height} px, ${codes.length} communes (${r.stamped} given one pixel, up to ${Math.max(0, r.shifts.length - 1)} px away; ${r.unplaced} without a pixel), ${(gz.length / 1024).toFixed(0)} KB gzipped in ${seconds.toFixed(1)} s`);
  }
  const meta: OverviewMeta = { version: 1, codes, levels: metaLevels };
  await writeFile(path.join(outDir, 'meta.json'), JSON.stringify(meta));
  return { communes: codes.length, levels };
}
