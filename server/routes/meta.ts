/**
 * `GET /api/health` (build and sources with their vintage) and `GET /api/indicators` (the
 * catalog, with the years and levels each indicator has).
 */
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../db/warehouse.ts';
import { INDICATORS } from '../indicators/catalog.ts';

interface BuildSource {
  id: string;
  title: string;
  producer: string;
  vintage: string;
  licence: string;
  page: string;
}

/** Health and catalog routes over one opened warehouse. */
export function metaRoutes(db: Warehouse) {
  const build = JSON.parse(readFileSync(path.join(db.dir, 'build.json'), 'utf8')) as { sources: BuildSource[]; joinRate: number };
  const sources = build.sources.map(({ id, title, producer, vintage, licence, page }) => ({ id, title, producer, vintage, licence, page }));
  return new Hono()
    .get('/health', (c) =>
      c.json({ status: 'ok' as const, build: { id: db.buildId, builtAt: db.builtAt, joinRate: build.joinRate }, sources }),
    )
    .get('/indicators', (c) => c.json({ indicators: INDICATORS }));
}
