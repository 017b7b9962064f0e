/**
 * Starts the dashboard: opens the built warehouse read-only and serves the API, the geometry
 * and the web front end on HOST:PORT (default 127.0.0.1:8080). The server follows the
 * `data/warehouse` link: a new version (import, rollback, build) is served within a second,
 * requests already running finish on the old one.
 *
 * Admin API (imports): ADMIN_TOKEN (bearer token; unset = disabled), IMPORT_MAX_BYTES (default 100 MB).
 */
import { serve } from '@hono/node-server';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { followWarehouse } from './db/warehouse.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const warehouseDir = path.resolve(process.env.WAREHOUSE_DIR ?? path.join(root, 'data', 'warehouse'));
const maxBytes = Number(process.env.IMPORT_MAX_BYTES ?? '') || undefined;

const db = await followWarehouse(warehouseDir);
const app = createApp({
  db,
  webDir: path.join(root, 'dist', 'web'),
  admin: {
    // the data folder holding the link (data/warehouse → builds/<id>)
    dataDir: path.dirname(warehouseDir),
    token: process.env.ADMIN_TOKEN || undefined,
    ...(maxBytes ? { maxBytes } : {}),
    onPublished: () => db.refresh(),
  },
});
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`dashboard on http://${host}:${info.port} (warehouse ${db.buildId}${process.env.ADMIN_TOKEN ? ', admin API enabled' : ''})`);
});

const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
