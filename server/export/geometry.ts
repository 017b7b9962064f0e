/**
 * Territory geometry for GeoJSON exports: the built display geometry of a level, read once, with
 * the DROM moved back from their map insets to their real place (exports are for GIS tools).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromDisplay } from '../../scripts/build/geometry/dromLayout.ts';
import type { Level } from '../indicators/catalog.ts';

type Ring = [number, number][];
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: Ring[] | Ring[][];
}

/** The DROM département a territory of a level belongs to, or null (metropolitan France). */
export function dromOf(level: Level, code: string): string | null {
  const byAcademieOrRegion: Record<string, string> = { '32': '971', '31': '972', '33': '973', '28': '974', '43': '976', '01': '971', '02': '972', '03': '973', '04': '974', '06': '976' };
  if (level === 'commune') return code.startsWith('97') ? code.slice(0, 3) : null;
  if (level === 'departement') return code.startsWith('97') ? code : null;
  if (level === 'academie') return ['32', '31', '33', '28', '43'].includes(code) ? (byAcademieOrRegion[code] ?? null) : null;
  return ['01', '02', '03', '04', '06'].includes(code) ? (byAcademieOrRegion[code] ?? null) : null;
}

function unmove(geometry: AreaGeometry, dep: string | null): AreaGeometry {
  if (!dep) return geometry;
  const ring = (r: Ring): Ring => r.map(([x, y]) => fromDisplay(x, y, dep));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: (geometry.coordinates as Ring[]).map(ring) }
    : { type: 'MultiPolygon', coordinates: (geometry.coordinates as Ring[][]).map((p) => p.map(ring)) };
}

/** Loads real-position geometry by code for a level, from `<warehouseDir>/geo/<level>.geojson`, cached. */
export function geometryLoader(warehouseDir: string): (level: Level) => Promise<Map<string, AreaGeometry>> {
  const cache = new Map<Level, Promise<Map<string, AreaGeometry>>>();
  return (level) => {
    let p = cache.get(level);
    if (!p) {
      p = readFile(path.join(warehouseDir, 'geo', `${level}.geojson`), 'utf8').then((text) => {
        const fc = JSON.parse(text) as { features: { properties: { code: string }; geometry: AreaGeometry }[] };
        return new Map(fc.features.map((f) => [f.properties.code, unmove(f.geometry, dromOf(level, f.properties.code))]));
      });
      p.catch(() => cache.delete(level));
      cache.set(level, p);
    }
    return p;
  };
}
