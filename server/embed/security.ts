/**
 * Security headers per path. Every response carries a Content-Security-Policy; only the
 * chromeless embeds (`/embed/*`), the oEmbed endpoint and the resize script (`/embed.js`) may be
 * framed or loaded by other sites (`frame-ancestors *`, cross-origin resource policy); every other
 * page refuses framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`). No response sets a
 * cookie (the embeds must stay cookie-free, and nothing else needs one).
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const CSP = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

/** True for the paths other sites may frame or load: the embeds, oEmbed and the resize script. */
export function isEmbeddable(path: string): boolean {
  return path === '/embed.js' || path === '/oembed' || path.startsWith('/embed/');
}

/** The headers middleware of the whole app (replaces a single `secureHeaders()`). */
export function securityHeaders(): MiddlewareHandler {
  const closed = secureHeaders({ contentSecurityPolicy: { ...CSP, frameAncestors: ["'none'"] }, xFrameOptions: 'DENY' });
  const open = secureHeaders({
    contentSecurityPolicy: { ...CSP, frameAncestors: ['*'] },
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
  });
  return async (c, next) => {
    await (isEmbeddable(c.req.path) ? open : closed)(c, next);
    c.res.headers.delete('Set-Cookie');
  };
}
