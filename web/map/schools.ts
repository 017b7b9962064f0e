/**
 * School points, pure: `/api/schools` rows → a GeoJSON collection in map (display) coordinates,
 * so DROM schools sit in their insets, each point carrying its class colour and whether its
 * position is exact or the commune's (drawn solid vs hollow). Every school with a position is
 * kept: nothing is sampled or capped; schools without a position are counted, not hidden silently.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { SchoolsResponse, SchoolType, Sector } from '../api/types.ts';
import { classIndex, hasValue } from './classify.ts';
import { NO_DATA_COLOR } from './palette.ts';

/** Properties of one school point (short keys: ~43,000 of them go to the worker). */
export interface SchoolProps {
  uai: string;
  name: string;
  t: SchoolType;
  s: Sector;
  /** position quality */
  q: 'exact' | 'commune';
  /** indicator value, or null */
  v: number | null;
  /** pupils (2022), or null */
  p: number | null;
  color: string;
}

export interface SchoolPoints {
  data: FeatureCollection<Point, SchoolProps>;
  /** schools drawn */
  shown: number;
  /** of which placed at their commune */
  approximate: number;
  /** schools of the selection without any position */
  unplaced: number;
}

/** Points of every placed school, coloured by the choropleth's classes. */
export function schoolPoints(res: SchoolsResponse, thresholds: readonly number[], colors: readonly string[]): SchoolPoints {
  const features: FeatureCollection<Point, SchoolProps>['features'] = [];
  let approximate = 0;
  for (const [uai, name, t, s, , q, , , lon, lat, p, v] of res.rows) {
    if (lon === null || lat === null) continue;
    if (q !== 'exact') approximate++;
    const color = hasValue(v) ? (colors[classIndex(thresholds, v)] ?? NO_DATA_COLOR) : NO_DATA_COLOR;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { uai, name, t, s, q: q === 'exact' ? 'exact' : 'commune', v, p, color },
    });
  }
  return {
    data: { type: 'FeatureCollection', features },
    shown: features.length,
    approximate,
    unplaced: res.rows.length - features.length,
  };
}
