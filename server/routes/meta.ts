/**
 * `GET /api/health` (build and sources with their vintage, and the imports this version holds)
 * and `GET /api/indicators` (the catalog, with the levels each indicator has and the years the
 * served warehouse holds: `years`, and per year its provenance and vintage in `yearDetails`).
 */
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../db/warehouse.ts';
import { servedIndicators } from '../indicators/years.ts';
import type { BuildJsonImport, BuildJsonSource } from '../../scripts/import/version.ts';

interface BuildInfo {
  sources: BuildJsonSource[];
  joinRate: number;
  parent?: string;
  imports?: BuildJsonImport[];
}

/** Health and catalog routes; build.json is read once per warehouse version. */
export function metaRoutes(db: Warehouse) {
  const builds = new Map<string, BuildInfo>();
  const buildOf = (dir: string): BuildInfo => {
    let b = builds.get(dir);
    if (!b) {
      b = JSON.parse(readFileSync(path.join(dir, 'build.json'), 'utf8')) as BuildInfo;
      builds.set(dir, b);
      while (builds.size > 4) builds.delete(builds.keys().next().value as string);
    }
    return b;
  };
  return new Hono()
    .get('/health', (c) => {
      const build = buildOf(db.dir);
      const sources = build.sources.map(({ id, title, producer, vintage, licence, page }) => ({ id, title, producer, vintage, licence, page }));
      // imported data: who imported what, when (no file checksum or actor here: see the audit log)
      const imports = (build.imports ?? []).map(({ import_id, kind, file, body, at, rows_imported }) => ({ import_id, kind, file, body, at, rows_imported }));
      return c.json({
        status: 'ok' as const,
        build: { id: db.buildId, builtAt: db.builtAt, joinRate: build.joinRate, ...(build.parent ? { parent: build.parent } : {}) },
        sources,
        imports,
      });
    })
    // the build id says the years are the served warehouse's (the web's bundled copy has none)
    .get('/indicators', (c) => c.json({ build: db.buildId, indicators: servedIndicators() }));
}
