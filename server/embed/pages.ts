/**
 * Serves the built HTML pages (`index.html`, `embed.html` for `/embed/*`) with the oEmbed
 * discovery link of the requested URL injected in the head, so a CMS reading a pasted link finds
 * the provider. The files are read once per change (mtime).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { embedTarget, embedTitle, escapeAttr } from './urls.ts';

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

/** The discovery `<link>` for `url` (a map view of this site), or '' for other pages. */
export function discoveryLink(url: string): string {
  const origin = new URL(url).origin;
  const target = embedTarget(url, origin);
  if (!target) return '';
  const href = `${origin}/oembed?url=${encodeURIComponent(url)}&format=json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(href)}" title="${escapeAttr(embedTitle(target.query))}">`;
}

/** Answers a page of the app: `embed.html` under `/embed/`, else `index.html`; null when not built. */
export async function servePage(c: Context, webDir: string): Promise<Response | null> {
  const name = c.req.path.startsWith('/embed/') ? 'embed.html' : 'index.html';
  const html = await load(path.join(path.resolve(webDir), name));
  if (html === null) return null;
  const link = discoveryLink(c.req.url);
  return c.html(link ? html.replace('</head>', `${link}\n</head>`) : html);
}
