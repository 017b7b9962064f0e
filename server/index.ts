/**
 * Starts the dashboard: opens the built warehouse read-only and serves the API, the geometry
 * and the web front end on HOST:PORT (default 127.0.0.1:8080).
 */
import { serve } from '@hono/node-server';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { openWarehouse } from './db/warehouse.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const warehouseDir = path.resolve(process.env.WAREHOUSE_DIR ?? path.join(root, 'data', 'warehouse'));

const db = await openWarehouse(warehouseDir);
const app = createApp({ db, webDir: path.join(root, 'dist', 'web') });
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`dashboard on http://${host}:${info.port} (warehouse ${db.buildId})`);
});

const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
