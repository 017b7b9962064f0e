// Display geometry per map level: communes, départements, and académies and régions as unions of
// départements. DROM are moved into their insets first, then each layer is simplified as a
// topology (shared borders stay shared) and written with properties `code` and `name`. Pure.
import type { MultiPolygon, Polygon } from 'geojson';
import { transformGeometry } from './dromLayout.ts';
import { cleanGeometry, DECIMALS } from './geojsonOut.ts';
import type { DisplayFeature } from './geojsonOut.ts';
import { layerFeatures, mergeLayer, simplifyLayer } from './topoSimplify.ts';
import type { PolygonFeature, SimplifyOptions } from './topoSimplify.ts';

/** The map levels built here, finest first. */
export const LEVELS = ['commune', 'departement', 'academie', 'region'] as const;
/** One map level. */
export type Level = (typeof LEVELS)[number];

/** A commune polygon as read from the boundaries file (real WGS84 coordinates). */
export interface CommuneShape {
  code: string;
  name: string;
  /** Département code (`"63"`, `"2A"`, `"974"`). */
  dep: string;
  geometry: Polygon | MultiPolygon;
}

/** A département polygon as read from the boundaries file (real WGS84 coordinates). */
export interface DepartementShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/** Names and parents of a département, supplied by the caller (COG and ministry lists). */
export interface DepartementInfo {
  code: string;
  name: string;
  academieCode: string;
  academieName: string;
  regionCode: string;
  regionName: string;
}

/**
 * Simplification thresholds (see SimplifyOptions.minWeight). Communes: about 60 % of the source
 * vertices kept, 11.1 MB of GeoJSON for the 34,868 communes of the 2026 mirror (budget 12 MB).
 * Départements, académies and régions share one simplified topology, so their borders coincide
 * across the three levels (326, 182 and 138 KB).
 */
export const SIMPLIFICATION: { commune: SimplifyOptions; departement: SimplifyOptions } = {
  commune: { minWeight: 3e-5, minRingVertices: 4 },
  departement: { minWeight: 6e-5, minRingVertices: 4 },
};

/** Result of one level: its features (sorted by code) and what needed care. */
export interface LevelResult {
  features: DisplayFeature[];
  /** Features whose simplified geometry collapsed and were written unsimplified instead. */
  unsimplified: string[];
  /** Features whose borders were restored unsimplified to undo a self-intersection. */
  repaired: string[];
}

/** Display geometry of the communes (same count and order of codes as the input). */
export function communeLevel(communes: readonly CommuneShape[], options: SimplifyOptions = SIMPLIFICATION.commune): LevelResult {
  const display = communes.map((c) => polygonFeature(c.code, c.name, transformGeometry(c.geometry, c.dep)));
  const layer = simplifyLayer(display, options);
  return finish(display, layerFeatures(layer), layer.repaired.map((i) => display[i]?.properties.code ?? ''));
}

/**
 * Display geometry of départements, académies and régions. Académies and régions are unions of
 * the simplified départements grouped by `departements` (every département of the file must be
 * in it; extra entries are ignored).
 */
export function upperLevels(
  shapes: readonly DepartementShape[],
  departements: readonly DepartementInfo[],
  options: SimplifyOptions = SIMPLIFICATION.departement,
): Record<'departement' | 'academie' | 'region', LevelResult> {
  const info = new Map(departements.map((d) => [d.code, d]));
  const missing = shapes.map((s) => s.code).filter((code) => !info.has(code));
  if (missing.length > 0) throw new Error(`geometry: no académie/région given for département(s) ${missing.join(', ')}`);
  const display = shapes.map((s) => {
    const d = info.get(s.code) as DepartementInfo;
    return { type: 'Feature' as const, properties: d, geometry: transformGeometry(s.geometry, s.code) };
  });
  const layer = simplifyLayer(display, options);
  const departement = finish(
    display.map((f) => polygonFeature(f.properties.code, f.properties.name, f.geometry)),
    layerFeatures(layer).map((f) => polygonFeature(f.properties.code, f.properties.name, f.geometry)),
    layer.repaired.map((i) => display[i]?.properties.code ?? ''),
  );
  const union = (codeOf: (d: DepartementInfo) => string, nameOf: (d: DepartementInfo) => string): LevelResult => {
    const names = new Map<string, string>();
    for (const f of display) if (!names.has(codeOf(f.properties))) names.set(codeOf(f.properties), nameOf(f.properties));
    const merged = [...mergeLayer(layer, codeOf)].map(([code, geometry]) => polygonFeature(code, names.get(code) ?? code, geometry));
    return finish([], merged);
  };
  return {
    departement,
    academie: union((d) => d.academieCode, (d) => d.academieName),
    region: union((d) => d.regionCode, (d) => d.regionName),
  };
}

function polygonFeature(code: string, name: string, geometry: Polygon | MultiPolygon): PolygonFeature<{ code: string; name: string }> {
  return { type: 'Feature', properties: { code, name }, geometry };
}

/**
 * Cleans the simplified features; one that collapsed falls back to its unsimplified geometry
 * (`original`, matched by code), so no feature is ever dropped.
 */
function finish(
  original: readonly PolygonFeature<{ code: string; name: string }>[],
  simplified: readonly PolygonFeature<{ code: string; name: string }>[],
  repaired: string[] = [],
): LevelResult {
  const byCode = new Map(original.map((f) => [f.properties.code, f.geometry]));
  const unsimplified: string[] = [];
  const features = simplified.map((f): DisplayFeature => {
    const { code, name } = f.properties;
    let geometry = cleanGeometry(f.geometry, DECIMALS);
    if (!geometry) {
      const fallback = byCode.get(code);
      geometry = fallback ? cleanGeometry(fallback, DECIMALS) : null;
      if (!geometry) throw new Error(`geometry: feature ${code} (${name}) has no area`);
      unsimplified.push(code);
    }
    return { type: 'Feature', properties: { code, name }, geometry };
  });
  features.sort((a, b) => (a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0));
  return { features, unsimplified, repaired };
}
