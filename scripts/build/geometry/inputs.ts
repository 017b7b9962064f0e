// Reading the boundary files (communes, départements, communes without polygon) with checks:
// a missing or malformed file stops the build with an error naming the file and the reason.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CommuneShape, DepartementShape } from './levels.ts';

/** A commune of the COG that has no polygon of its own in the boundaries file. */
export interface CommuneWithoutGeometry {
  code: string;
  name: string;
  dep: string;
  population: number | null;
}

/** The boundary file names of the open-data mirror (folder `boundaries/`). */
export const BOUNDARY_FILES = {
  communes: 'communes-cog2026-simplified.geojson.gz',
  departements: 'departements-cog2026-simplified.geojson',
  withoutGeometry: 'communes-without-own-geometry-cog2026.json',
} as const;

/** Error about one input file: `geometry input <file>: <reason>`. */
export class GeometryInputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`geometry input ${file}: ${reason}`);
    this.name = 'GeometryInputError';
  }
}

/** Parses a JSON file (gunzipped when its name ends in `.gz`); throws GeometryInputError. */
export async function readJson(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GeometryInputError(file, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(err)})`);
  }
  try {
    if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (err) {
    throw new GeometryInputError(file, `not a valid gzip file (${(err as Error).message})`);
  }
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new GeometryInputError(file, `not valid JSON (${(err as Error).message})`);
  }
}

interface RawFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** The features of a GeoJSON FeatureCollection of Polygons/MultiPolygons, with their index. */
function polygonFeatures(data: unknown, file: string): { props: Record<string, unknown>; geometry: Polygon | MultiPolygon; index: number }[] {
  const fc = data as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new GeometryInputError(file, 'not a GeoJSON FeatureCollection');
  return (fc.features as RawFeature[]).map((f, index) => {
    const g = f?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      throw new GeometryInputError(file, `feature #${index} has no Polygon or MultiPolygon geometry`);
    }
    return { props: f.properties ?? {}, geometry: g as Polygon | MultiPolygon, index };
  });
}

function stringProp(props: Record<string, unknown>, key: string, file: string, index: number): string {
  const v = props[key];
  if (typeof v !== 'string' || v === '') throw new GeometryInputError(file, `feature #${index} has no property "${key}"`);
  return v;
}

function unique<T extends { code: string }>(items: T[], file: string): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) throw new GeometryInputError(file, `code ${item.code} appears twice`);
    seen.add(item.code);
  }
  return items;
}

/** Commune polygons (properties `code`, `nom`, `dep`), codes unique. */
export async function readCommunes(file: string): Promise<CommuneShape[]> {
  const features = polygonFeatures(await readJson(file), file);
  return unique(
    features.map(({ props, geometry, index }) => ({
      code: stringProp(props, 'code', file, index),
      name: stringProp(props, 'nom', file, index),
      dep: stringProp(props, 'dep', file, index),
      geometry,
    })),
    file,
  );
}

/** Département polygons (property `dep`), codes unique. */
export async function readDepartements(file: string): Promise<DepartementShape[]> {
  const features = polygonFeatures(await readJson(file), file);
  return unique(features.map(({ props, geometry, index }) => ({ code: stringProp(props, 'dep', file, index), geometry })), file);
}

/** The list of communes without polygon (`[{ code, nom, dep, population }]`). */
export async function readWithoutGeometry(file: string): Promise<CommuneWithoutGeometry[]> {
  const data = await readJson(file);
  if (!Array.isArray(data)) throw new GeometryInputError(file, 'not a JSON array');
  return unique(
    data.map((row: unknown, index) => {
      const r = (row ?? {}) as Record<string, unknown>;
      const population = typeof r.population === 'number' && Number.isFinite(r.population) ? r.population : null;
      return { code: stringProp(r, 'code', file, index), name: stringProp(r, 'nom', file, index), dep: stringProp(r, 'dep', file, index), population };
    }),
    file,
  );
}
