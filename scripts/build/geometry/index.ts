// The geometry step of the data build: reads the boundary files, computes per-commune facts on
// the real polygons, and writes the display geometry of every map level (DROM in insets,
// simplified for the web) to `outDir/{commune,departement,academie,region,insets}.geojson`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { communeFacts } from './communeFacts.ts';
import type { CommuneFacts } from './communeFacts.ts';
import { insetFrames } from './dromLayout.ts';
import { serializeFeatureCollection } from './geojsonOut.ts';
import type { DisplayFeature } from './geojsonOut.ts';
import { BOUNDARY_FILES, GeometryInputError, readCommunes, readDepartements, readWithoutGeometry } from './inputs.ts';
import type { CommuneWithoutGeometry } from './inputs.ts';
import { communeLevel, upperLevels } from './levels.ts';
import { communeNeighbors } from '../neighbors.ts';
import type { NeighborRow } from '../neighbors.ts';
import type { DepartementInfo, Level, LevelResult } from './levels.ts';

export type { CommuneFacts } from './communeFacts.ts';
export type { CommuneWithoutGeometry } from './inputs.ts';
export { GeometryInputError } from './inputs.ts';
export type { DepartementInfo, Level } from './levels.ts';

/** Options of buildGeometry. */
export interface BuildGeometryOptions {
  /** Folder holding the three boundary files under their mirror names (see BOUNDARY_FILES). */
  boundariesDir?: string;
  /** Explicit paths, overriding `boundariesDir` (gzipped when the name ends in `.gz`). */
  communesFile?: string;
  departementsFile?: string;
  withoutGeometryFile?: string;
  /** Output folder, created if needed. */
  outDir: string;
  /** Names, académie and région of every département of the boundaries file (extras ignored). */
  departements: readonly DepartementInfo[];
  /** Commune without polygon → commune whose polygon holds its land (e.g. from the COG). */
  hostOf?: ReadonlyMap<string, string>;
  /** Progress lines (one per level); default console.log. */
  log?: (line: string) => void;
}

/** One written file. */
export interface GeometryFile {
  level: Level | 'insets';
  path: string;
  bytes: number;
  features: number;
}

/** What the geometry step hands to the rest of the build. */
export interface GeometryBuild {
  /** Every commune polygon and every commune without polygon, by INSEE code. */
  communes: Map<string, CommuneFacts>;
  /** The communes without a polygon of their own (listed, never dropped). */
  withoutGeometry: CommuneWithoutGeometry[];
  /** Queen contiguity of the commune polygons, both directions (see ../neighbors.ts). */
  neighbors: NeighborRow[];
  files: GeometryFile[];
}

/**
 * Runs the geometry step. Throws GeometryInputError (file and reason) when an input is missing or
 * malformed, and an Error when a département of the file is missing from `departements`.
 */
export async function buildGeometry(options: BuildGeometryOptions): Promise<GeometryBuild> {
  const { outDir, departements, hostOf, log = console.log } = options;
  const file = (explicit: string | undefined, name: string): string => {
    if (explicit) return explicit;
    if (!options.boundariesDir) throw new GeometryInputError(name, 'no boundariesDir nor explicit path given');
    return path.join(options.boundariesDir, name);
  };
  const [communes, departementShapes, withoutGeometry] = await Promise.all([
    readCommunes(file(options.communesFile, BOUNDARY_FILES.communes)),
    readDepartements(file(options.departementsFile, BOUNDARY_FILES.departements)),
    readWithoutGeometry(file(options.withoutGeometryFile, BOUNDARY_FILES.withoutGeometry)),
  ]);
  checkMapping(departementShapes.map((d) => d.code), departements);

  const t0 = performance.now();
  const facts = communeFacts(communes, withoutGeometry, hostOf);
  const placed = withoutGeometry.filter((c) => facts.get(c.code)?.lon != null).length;
  log(`  geometry facts: ${communes.length} commune areas and points, ${withoutGeometry.length} communes without polygon (${placed} placed at their host) in ${seconds(t0)}`);
  const tn = performance.now();
  const neighbors = communeNeighbors(communes);
  log(`  commune contiguity (queen): ${neighbors.length / 2} pairs, ${communes.length - new Set(neighbors.map((r) => r.code)).size} communes without neighbour, in ${seconds(tn)}`);

  await mkdir(outDir, { recursive: true });
  const files: GeometryFile[] = [];
  const write = async (level: GeometryFile['level'], features: readonly DisplayFeature[], started: number, note = ''): Promise<void> => {
    const target = path.join(outDir, `${level}.geojson`);
    const text = serializeFeatureCollection(features);
    await writeFile(target, text);
    const entry = { level, path: target, bytes: Buffer.byteLength(text), features: features.length };
    files.push(entry);
    log(`  geometry ${level}: ${entry.features} features, ${(entry.bytes / 1024).toFixed(0)} KB${note} in ${seconds(started)}`);
  };
  const unsimplifiedNote = (r: LevelResult): string =>
    (r.repaired.length ? `, ${r.repaired.length} with borders unsimplified to avoid a self-intersection` : '') +
    (r.unsimplified.length ? `, ${r.unsimplified.length} collapsed and kept unsimplified (${r.unsimplified.slice(0, 5).join(', ')})` : '');

  let t = performance.now();
  const commune = communeLevel(communes);
  if (commune.features.length !== communes.length) throw new Error(`geometry: ${communes.length - commune.features.length} communes lost`);
  await write('commune', commune.features, t, unsimplifiedNote(commune));

  t = performance.now();
  const upper = upperLevels(departementShapes, departements);
  await write('departement', upper.departement.features, t, unsimplifiedNote(upper.departement));
  for (const level of ['academie', 'region'] as const) {
    t = performance.now();
    await write(level, upper[level].features, t);
  }
  t = performance.now();
  await write('insets', insetFrames().features, t);
  return { communes: facts, withoutGeometry, neighbors, files };
}

/** Every département of the file needs a non-empty académie and région code. */
function checkMapping(codes: readonly string[], departements: readonly DepartementInfo[]): void {
  const byCode = new Map(departements.map((d) => [d.code, d]));
  const bad = codes.filter((code) => {
    const d = byCode.get(code);
    return !d || !d.academieCode || !d.regionCode;
  });
  if (bad.length) throw new Error(`geometry: no académie/région given for département(s) ${bad.join(', ')}`);
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
