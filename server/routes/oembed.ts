/**
 * `GET /oembed?url=&format=json&maxwidth=&maxheight=`: the oEmbed provider (https://oembed.com)
 * for this site's map views, so a CMS that speaks oEmbed turns a pasted dashboard link into the
 * embed. Answers type `rich` with the iframe snippet; a URL that is not one of this site's map
 * pages is 404, `format=xml` is 501 (JSON only).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { embedSnippet, embedTarget, embedTitle } from '../embed/urls.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';

/** The embed's natural size, reduced to maxwidth/maxheight when asked. */
export const EMBED_WIDTH = 720;
export const EMBED_HEIGHT = 640;
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
      const origin = new URL(c.req.url).origin;
      const target = embedTarget(q.url, origin);
      if (!target) throw new ApiError(404, 'not_embeddable', 'url is not a map view of this site', 'url');
      const width = Math.min(EMBED_WIDTH, q.maxwidth ?? EMBED_WIDTH);
      const height = Math.min(EMBED_HEIGHT, q.maxheight ?? EMBED_HEIGHT);
      const title = embedTitle(target.query);
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
