/**
 * The Hono application: security headers, compression, ETags, the API sub-apps, the built
 * geometry (`/geo/*`) and the web front end (`dist/web`). Effects (warehouse, logger, folders)
 * are passed in so tests run it in-process with `app.request()`.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { Warehouse } from './db/warehouse.ts';
import { ApiError, renderError } from './errors.ts';
import { mapRoutes } from './routes/map.ts';
import { metaRoutes } from './routes/meta.ts';

export interface AppOptions {
  db: Warehouse;
  /** folder of the built web front end (index.html); omitted in API-only tests */
  webDir?: string;
  log?: (msg: string) => void;
}

/** Builds the app over one opened warehouse. */
export function createApp({ db, webDir, log = console.error }: AppOptions) {
  const api = new Hono()
    .use('*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    })
    .use('*', etag())
    .route('/', metaRoutes(db))
    .route('/map', mapRoutes(db))
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
    app.get('*', serveStatic({ root: webDir, path: 'index.html' }));
  }
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `nothing at ${c.req.path}`, param: null } }, 404));
  app.onError((err, c) => renderError(err, c, log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
