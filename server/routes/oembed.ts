/**
 * `GET /oembed?url=&format=json&maxwidth=&maxheight=`: the oEmbed provider (https://oembed.com)
 * for this site's map views, profiles, comparisons, objectives and embeds, so a CMS that speaks
 * oEmbed turns a pasted dashboard link into the embed (a map, or the page's chart). Answers type
 * `rich` with the iframe snippet, written with the public origin (`PUBLIC_ORIGIN`, else the
 * request's); a URL that is not one of this site's embeddable pages is 404, `format=xml` is 501.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { embedSnippet, embedTarget, embedTitle, publicOrigin, siteOrigins } from '../embed/urls.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';

/** The embed's natural size, reduced to maxwidth/maxheight when asked. */
export const EMBED_WIDTH = 720;
export const EMBED_HEIGHT = 640;
/** A chart embed's natural height (its frame resizes to its content with the script). */
export const CHART_HEIGHT = 480;
const MIN_SIZE = 200;

const dimension = z.coerce.number().int().min(MIN_SIZE).max(10_000).optional();
const query = z.object({
  url: z.string().min(1).max(2_000),
  format: z.enum(['json', 'xml']).default('json'),
  maxwidth: dimension,
  maxheight: dimension,
});

export const PROVIDER_NAME = 'CoPaNEETA — Équité numérique des territoires';

/** The oEmbed sub-app (mounted at `/oembed`). */
export function oembedRoutes() {
  return new Hono().get(
    '/',
    validate('query', query),
    (c) => {
      const q = c.req.valid('query');
      if (q.format === 'xml') throw new ApiError(501, 'format_not_implemented', 'only format=json is served', 'format');
      const origin = publicOrigin(c.req.url);
      const target = embedTarget(q.url, siteOrigins(c.req.url));
      if (!target) throw new ApiError(404, 'not_embeddable', 'url is not an embeddable page of this site (map, profile, comparison, objective)', 'url');
      const width = Math.min(EMBED_WIDTH, q.maxwidth ?? EMBED_WIDTH);
      const natural = target.kind === 'chart' ? CHART_HEIGHT : EMBED_HEIGHT;
      const height = Math.min(natural, q.maxheight ?? natural);
      const title = embedTitle(target.query, target.kind);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({
        version: '1.0',
        type: 'rich',
        title,
        provider_name: PROVIDER_NAME,
        provider_url: `${origin}/`,
        cache_age: 300,
        width,
        height,
        html: embedSnippet(origin, target.path, title, height),
      });
    },
  );
}
