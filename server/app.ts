/**
 * The Hono application: security headers, compression, API caching (ETag, 304, LRU), the API sub-apps, the built
 * geometry (`/geo/*`) and the web front end (`dist/web`). Effects (warehouse, logger, folders)
 * are passed in so tests run it in-process with `app.request()`.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { apiCache } from './cache.ts';
import type { Warehouse } from './db/warehouse.ts';
import { ApiError, renderError } from './errors.ts';
import { docsHtml, openApiDocument, ROUTE_DOCS } from './openapi.ts';
import { compareRoutes } from './routes/compare.ts';
import { exportRoutes } from './routes/export.ts';
import { mapRoutes } from './routes/map.ts';
import { metaRoutes } from './routes/meta.ts';
import { schoolRoutes } from './routes/schools.ts';
import { searchRoutes } from './routes/search.ts';
import { seriesRoutes } from './routes/series.ts';
import { territoryRoutes } from './routes/territories.ts';
import { tileRoutes } from './routes/tiles.ts';

export interface AppOptions {
  db: Warehouse;
  /** folder of the built web front end (index.html); omitted in API-only tests */
  webDir?: string;
  log?: (msg: string) => void;
}

/** Builds the app over one opened warehouse. */
export function createApp({ db, webDir, log = console.error }: AppOptions) {
  const openapi = openApiDocument(ROUTE_DOCS, db.buildId);
  const api = new Hono()
    .use('*', apiCache({ buildId: db.buildId }))
    .route('/', metaRoutes(db))
    .route('/map', mapRoutes(db))
    .route('/search', searchRoutes(db))
    .route('/territories', territoryRoutes(db))
    .route('/schools', schoolRoutes(db))
    .route('/series', seriesRoutes(db))
    .route('/compare', compareRoutes(db))
    .route('/export', exportRoutes(db))
    .get('/openapi.json', (c) => c.json(openapi))
    .get('/docs', (c) => c.html(docsHtml(openapi)))
    .all('*', (c) => {
      throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
    });

  const app = new Hono()
    .use(
      '*',
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
        xFrameOptions: 'DENY',
      }),
    )
    .use('*', compress())
    .route('/api', api)
    .route('/tiles', tileRoutes(db))
    .use('/geo/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=3600');
      c.header('ETag', `"geo-${db.buildId}"`);
    })
    .use(
      '/geo/*',
      serveStatic({
        root: db.dir,
        onFound: (file, c) => {
          if (file.endsWith('.geojson')) c.header('Content-Type', 'application/geo+json');
        },
      }),
    );

  if (webDir) {
    app.use('/*', serveStatic({ root: webDir }));
    // the single-page app answers every other path, except the API and geometry folders
    app.get('*', async (c, next) => (/^\/(api|geo|tiles)\//.test(c.req.path) ? next() : serveStatic({ root: webDir, path: 'index.html' })(c, next)));
  }
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `nothing at ${c.req.path}`, param: null } }, 404));
  app.onError((err, c) => renderError(err, c, log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
