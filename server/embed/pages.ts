/**
 * Serves the built HTML pages (`index.html`; `embed.html` for `/embed/map`, `embed-chart.html` for
 * `/embed/chart`) with the oEmbed discovery link of the requested URL injected in the head, so a
 * CMS reading a pasted link finds the provider, and, on map pages, preloads of the first view's
 * data. Links name the public origin (`PUBLIC_ORIGIN`,
 * see urls.ts). The files are read once per change (mtime).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { earlyRequests } from '../../web/boot/earlyRequests.ts';
import { embedTarget, embedTitle, escapeAttr, publicOrigin } from './urls.ts';

const cache = new Map<string, { mtime: number; html: string }>();

async function load(file: string): Promise<string | null> {
  try {
    const { mtimeMs } = await stat(file);
    const hit = cache.get(file);
    if (hit && hit.mtime === mtimeMs) return hit.html;
    const html = await readFile(file, 'utf8');
    cache.set(file, { mtime: mtimeMs, html });
    return html;
  } catch {
    return null;
  }
}

/**
 * The discovery `<link>` for `url` (an embeddable page of this site: a map view, a profile, a
 * comparison, an objective, an embed), or '' for other pages. `origin` is the public origin.
 */
export function discoveryLink(url: string, origin: string = publicOrigin(url)): string {
  const u = new URL(url);
  const pasted = `${origin}${u.pathname}${u.search}`;
  const target = embedTarget(pasted, origin);
  if (!target) return '';
  const href = `${origin}/oembed?url=${encodeURIComponent(pasted)}&format=json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(href)}" title="${escapeAttr(embedTitle(target.query, target.kind))}">`;
}

/** The built file of a path: the chart embed, the map embed, or the app. */
export function pageFile(path: string): string {
  if (/^\/embed\/chart\/?$/.test(path)) return 'embed-chart.html';
  return path.startsWith('/embed/') ? 'embed.html' : 'index.html';
}

/**
 * `<link rel="preload">` of the GETs a map page's first view needs (web/boot/earlyRequests.ts,
 * the same URLs the page's first module sends), so they are on their way while its scripts load.
 */
export function preloadLinks(url: string): string {
  const u = new URL(url);
  return earlyRequests(u.pathname, u.search)
    .map(({ url: href }) => `<link rel="preload" href="${escapeAttr(href)}" as="fetch" crossorigin="anonymous">`)
    .join('\n');
}

/** Answers a page of the app (see pageFile); null when not built. */
export async function servePage(c: Context, webDir: string): Promise<Response | null> {
  const name = pageFile(c.req.path);
  const html = await load(path.join(path.resolve(webDir), name));
  if (html === null) return null;
  // preloads early in the head (after the charset), before the scripts and their preloads
  const preloads = preloadLinks(c.req.url);
  const link = discoveryLink(c.req.url);
  let out = preloads ? html.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => `${m}\n${preloads}`) : html;
  if (link) out = out.replace('</head>', `${link}\n</head>`);
  return c.html(out);
}
