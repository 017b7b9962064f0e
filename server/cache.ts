/**
 * HTTP caching for the API: a strong ETag derived from the warehouse build and the request
 * (conditional requests get 304 without touching DuckDB), `Cache-Control`, and a bounded
 * in-memory LRU of successful responses, kept both raw and gzipped so hot queries cost neither
 * a query nor a compression.
 */
import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface CacheOptions {
  /** the warehouse version answering this request (a getter when the server follows new versions) */
  buildId: string | (() => string);
  /** most responses kept */
  maxEntries?: number;
  /** most bytes kept (raw + gzip) */
  maxBytes?: number;
  /** responses larger than this are not kept */
  maxEntryBytes?: number;
}

interface Entry {
  raw: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  bytes: number;
}

/** Same request (path + sorted query) → same key. */
export function requestKey(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

/**
 * The middleware; state (the LRU) lives in the closure, one per app. Entries are keyed by build:
 * when a new version appears, the entries of the others are dropped (requests still finishing on
 * an older version may add a few back; the LRU bounds evict them).
 */
export function apiCache({ buildId, maxEntries = 1000, maxBytes = 256e6, maxEntryBytes = 32e6 }: CacheOptions): MiddlewareHandler {
  const lru = new Map<string, Entry>();
  let total = 0;
  const seen = new Set<string>();
  const idOf = typeof buildId === 'function' ? buildId : () => buildId;
  const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const build = idOf();
    if (!seen.has(build)) {
      seen.add(build);
      lru.clear();
      total = 0;
    }
    const requestId = requestKey(c.req.url);
    const key = `${build} ${requestId}`;
    const etag = `"${build}-${createHash('sha1').update(requestId).digest('base64url').slice(0, 16)}"`;
    if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
    }
    const gz = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
    const hit = lru.get(key);
    if (hit) {
      lru.delete(key);
      lru.set(key, hit);
      const headers = new Headers(hit.headers);
      headers.set('ETag', etag);
      headers.set('Cache-Control', CACHE_CONTROL);
      headers.set('Vary', 'Accept-Encoding');
      if (gz) headers.set('Content-Encoding', 'gzip');
      return new Response(gz ? hit.gzip : hit.raw, { status: 200, headers });
    }
    await next();
    if (c.res.status !== 200) return;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', CACHE_CONTROL);
    if (c.res.headers.has('Content-Encoding')) return;
    const raw = new Uint8Array(await c.res.arrayBuffer());
    const entry: Entry = { raw, gzip: new Uint8Array(gzipSync(raw, { level: 6 })), headers: [...c.res.headers], bytes: 0 };
    entry.bytes = entry.raw.byteLength + entry.gzip.byteLength;
    if (entry.bytes <= maxEntryBytes) {
      lru.set(key, entry);
      total += entry.bytes;
      for (const [k, e] of lru) {
        if (lru.size <= maxEntries && total <= maxBytes) break;
        lru.delete(k);
        total -= e.bytes;
      }
    }
    const headers = new Headers(entry.headers);
    headers.set('Vary', 'Accept-Encoding');
    if (gz) headers.set('Content-Encoding', 'gzip');
    c.res = new Response(gz ? entry.gzip : raw, { status: 200, headers });
  };
}
