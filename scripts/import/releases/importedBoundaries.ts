/**
 * Imported commune boundaries as a build reads them. An import of a boundaries file
 * (scripts/import/releases/contours.ts) writes, in the version it builds, `boundaries/`:
 *
 *   communes.geojson.gz             the validated polygons, properties `code`, `nom`, `dep`
 *   communes-without-geometry.json  the communes of the warehouse without a polygon in the file
 *                                   (`[{ code, nom, dep, population, host? }]`, host: the commune
 *                                   whose polygon holds a merged commune's land)
 *   source.json                     file name, SHA-256, vintage, importing body and date
 *
 * Every later build (`npm run data:build`) reads them from the served version instead of the
 * mirror's communes file and carries them into the version it writes, like the imported data
 * (`DATA_BOUNDARIES=mirror` goes back to the mirror's geometry); an import of another kind links
 * them with the rest of the version (scripts/import/version.ts); a rollback serves the previous
 * version with its own geometry. A commune merged by a code change and without a polygon of its
 * own is folded into the commune that absorbed it (foldMergedCommunes).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Resolution } from '../../build/cog.ts';
import type { TerritoryRow } from '../../build/territories.ts';

export const BOUNDARIES_DIR = 'boundaries';
export const BOUNDARY_NAMES = {
  communes: 'communes.geojson.gz',
  withoutGeometry: 'communes-without-geometry.json',
  source: 'source.json',
} as const;

/** The source of imported boundaries, as build.json and /api/health list it. */
export interface BoundariesSource {
  id: 'contours-communes';
  title: string;
  producer: string;
  vintage: string;
  licence: string;
  page: string;
  file: string;
  sha256: string;
  import_id: string;
  body: string;
  imported_at: string;
  features: number;
  origin: 'import';
}

export interface ImportedBoundaries {
  /** folder holding the three files */
  dir: string;
  communesFile: string;
  withoutGeometryFile: string;
  /** merged commune → commune whose polygon holds its land */
  hosts: Map<string, string>;
  source: BoundariesSource;
}

/** The imported boundaries of a folder (a version's `boundaries/`, or an import's staging folder), or null. */
export async function readImportedBoundaries(dir: string): Promise<ImportedBoundaries | null> {
  const files = Object.values(BOUNDARY_NAMES).map((n) => path.join(dir, n));
  if (!files.every((f) => existsSync(f))) return null;
  const source = JSON.parse(await readFile(path.join(dir, BOUNDARY_NAMES.source), 'utf8')) as BoundariesSource;
  const list = JSON.parse(await readFile(path.join(dir, BOUNDARY_NAMES.withoutGeometry), 'utf8')) as { code: string; host?: string }[];
  const hosts = new Map(list.filter((c) => typeof c.host === 'string').map((c) => [c.code, c.host as string]));
  return { dir, communesFile: path.join(dir, BOUNDARY_NAMES.communes), withoutGeometryFile: path.join(dir, BOUNDARY_NAMES.withoutGeometry), hosts, source };
}

/**
 * The boundaries a build uses instead of the mirror's: `override` (an import's staging folder),
 * else those of the served version (`servedDir/boundaries`) unless DATA_BOUNDARIES=mirror.
 */
export async function boundariesForBuild(override: string | undefined, servedDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ImportedBoundaries | null> {
  if (override) {
    const b = await readImportedBoundaries(override);
    if (!b) throw new Error(`boundaries override ${override}: ${Object.values(BOUNDARY_NAMES).join(', ')} expected`);
    return b;
  }
  if (env.DATA_BOUNDARIES === 'mirror') return null;
  return readImportedBoundaries(path.join(servedDir, BOUNDARIES_DIR));
}

/** Copies the boundaries into a new version's folder. */
export async function copyBoundaries(b: ImportedBoundaries, versionDir: string): Promise<void> {
  const dst = path.join(versionDir, BOUNDARIES_DIR);
  await mkdir(dst, { recursive: true });
  for (const n of Object.values(BOUNDARY_NAMES)) await copyFile(path.join(b.dir, n), path.join(dst, n));
}

/** build.json's entries for the two sources the imported boundaries replace. */
export function boundariesSources(b: ImportedBoundaries): Record<string, unknown>[] {
  const s = b.source;
  return [
    { ...s },
    {
      id: 'communes-without-geometry',
      title: 'Communes sans polygone dans les contours importés',
      producer: 'dérivé des contours importés et du COG du build',
      vintage: s.vintage,
      licence: s.licence,
      page: s.page,
      file: `${BOUNDARIES_DIR}/${BOUNDARY_NAMES.withoutGeometry}`,
      origin: 'import',
    },
  ];
}

/**
 * Communes merged by a code change whose land the imported boundaries put in another commune's
 * polygon (`hosts`: merged → absorbing commune, same département): the build drops their own
 * territory row, adds their population to the absorbing commune (its density follows) and makes
 * their code (and every alias of it) an alias of the absorbing commune, so that schools, FttH
 * rows and later imports join it directly. Mutates the build's tables; returns the codes folded.
 */
export function foldMergedCommunes(
  t: {
    territories: TerritoryRow[];
    aliases: Map<string, Resolution>;
    geo: Map<string, unknown>;
    withoutGeometry: { code: string }[];
  },
  hosts: ReadonlyMap<string, string>,
): string[] {
  const communes = new Map(t.territories.filter((r) => r.level === 'commune').map((r) => [r.code, r]));
  const folded = new Map<string, string>();
  for (const [code, host] of hosts) {
    const merged = communes.get(code);
    const into = communes.get(host);
    if (!merged || !into || merged.departement_code !== into.departement_code || hosts.has(host)) continue;
    if (merged.population !== null) into.population = (into.population ?? 0) + merged.population;
    into.density = into.area_km2 && into.population !== null ? into.population / into.area_km2 : null;
    folded.set(code, host);
  }
  if (!folded.size) return [];
  const kept = t.territories.filter((r) => !(r.level === 'commune' && folded.has(r.code)));
  t.territories.splice(0, t.territories.length, ...kept);
  for (const [alias, r] of t.aliases) {
    const host = folded.get(r.code);
    if (host) t.aliases.set(alias, { code: host, kind: alias === r.code ? 'ancien' : r.kind });
  }
  for (const code of folded.keys()) t.geo.delete(code);
  const without = t.withoutGeometry.filter((c) => !folded.has(c.code));
  t.withoutGeometry.splice(0, t.withoutGeometry.length, ...without);
  return [...folded.keys()];
}
