/**
 * The Hono application: security headers, compression, API caching (ETag, 304, LRU), the API sub-apps, the built
 * geometry (`/geo/*`) and the web front end (`dist/web`). Effects (warehouse, logger, folders)
 * are passed in so tests run it in-process with `app.request()`.
 *
 * The warehouse may change under a running server (followWarehouse: an import or a rollback swaps
 * the version): each request is pinned to the version current when it starts, and everything
 * derived from a version (ETags, caches, build.json, geometry, tiles) is keyed by it.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type Next } from 'hono';
import { compress } from 'hono/compress';
import { adminRoutes, type AdminOptions } from './admin/routes.ts';
import { templateRoutes } from './admin/templates.ts';
import { apiCache } from './cache.ts';
import type { Warehouse } from './db/warehouse.ts';
import { servePage } from './embed/pages.ts';
import { securityHeaders } from './embed/security.ts';
import { ApiError, renderError } from './errors.ts';
import { docsHtml, openApiDocument, ROUTE_DOCS } from './openapi.ts';
import { runWithCatalog, servedCatalogOf } from './indicators/years.ts';
import { compareRoutes } from './routes/compare.ts';
import { equityRoutes } from './routes/equity.ts';
import { exportRoutes } from './routes/export.ts';
import { mapRoutes } from './routes/map.ts';
import { metaRoutes } from './routes/meta.ts';
import { objectiveRoutes } from './routes/objectives.ts';
import { oembedRoutes } from './routes/oembed.ts';
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
  /** the admin API (imports); without it, or without a token, /api/admin/* answers 503 */
  admin?: AdminOptions;
}

/** Builds the app over a warehouse (one opened version, or one that follows the served version). */
export function createApp({ db, webDir, log = console.error, admin }: AppOptions) {
  // the OpenAPI document carries the build id as its version: one per version
  let openapi = { id: '', doc: {} as ReturnType<typeof openApiDocument> };
  const openapiDoc = () => {
    if (openapi.id !== db.buildId) openapi = { id: db.buildId, doc: openApiDocument(ROUTE_DOCS, db.buildId) };
    return openapi.doc;
  };
  const api = new Hono()
    .use('*', apiCache({ buildId: () => db.buildId }))
    .route('/', metaRoutes(db))
    .route('/map', mapRoutes(db))
    .route('/search', searchRoutes(db))
    .route('/territories', territoryRoutes(db))
    .route('/schools', schoolRoutes(db))
    .route('/series', seriesRoutes(db))
    .route('/compare', compareRoutes(db))
    .route('/equity', equityRoutes(db))
    .route('/objectives', objectiveRoutes(db, { log }))
    .route('/export', exportRoutes(db))
    .route('/templates', templateRoutes(db))
    .get('/openapi.json', (c) => c.json(openapiDoc()))
    .get('/docs', (c) => c.html(docsHtml(openapiDoc())))
    .all('*', (c) => {
      throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
    });

  const app = new Hono()
    // CSP everywhere; only /embed/*, /oembed and /embed.js may be framed or loaded by other sites
    .use('*', securityHeaders())
    .use('*', compress())
    // every request answers from the version current when it starts (until its last query)
    .use('*', (c, next) => (db.pin ? db.pin(() => next()) : next()))
    // …and sees the indicators' years that version holds (read once per version)
    .use('*', async (c, next) => runWithCatalog(await servedCatalogOf(db), next))
    .route('/api/admin', adminRoutes(admin ?? { dataDir: '' }))
    .route('/api', api)
    .route('/tiles', tileRoutes(db))
    .route('/oembed', oembedRoutes())
    .use('/geo/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=3600');
      c.header('ETag', `"geo-${db.buildId}"`);
    })
    .use('/geo/*', (c, next) =>
      serveStatic({
        root: db.dir,
        onFound: (file, ctx) => {
          if (file.endsWith('.geojson')) ctx.header('Content-Type', 'application/geo+json');
        },
      })(c, next),
    );

  if (webDir) {
    // the pages (index.html, embed.html) carry the oEmbed discovery link of their URL; they name
    // the hashed assets of the current build, so browsers revalidate them every time
    const page = async (c: Context, next: Next) => {
      const res = await servePage(c, webDir);
      if (!res) return next();
      res.headers.set('Cache-Control', 'no-cache');
      return res;
    };
    app.get('/', page);
    app.get('/index.html', page);
    // files as built: the .br/.gz written beside them at build (scripts/web/precompress.ts) are
    // sent as they are (compress() leaves a response with a Content-Encoding alone); Vite's
    // hashed /assets/* never change, so they are cached for a year, anything else revalidated
    const files = serveStatic({ root: webDir, precompressed: true });
    app.use('/*', async (c, next) => {
      const res = await files(c, next);
      if (res instanceof Response) {
        const hashed = c.req.path.startsWith('/assets/');
        res.headers.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
      return res;
    });
    // the single-page app answers every other path, except the API and geometry folders
    app.get('*', async (c, next) => (/^\/(api|geo|tiles)\//.test(c.req.path) ? next() : page(c, next)));
  }
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `nothing at ${c.req.path}`, param: null } }, 404));
  app.onError((err, c) => renderError(err, c, log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
