/**
 * Which URLs of this site can be embedded, and the embed of each: the map dashboard (`/`) and the
 * map embed (`/embed/map`) share the same URL state, so a pasted dashboard link embeds the same
 * view. Query keys and values are filtered (short, plain characters) and re-encoded, never
 * echoed raw. Pure.
 */
import { findIndicator, isSynthetic } from '../indicators/catalog.ts';

export { embedSnippet, escapeAttr } from './snippet.ts';

const KEY = /^[a-z_]{1,32}$/;
// any printable text (an author's `alt` is a sentence), but no markup characters nor controls
const VALUE = /^[^\p{Cc}<>"`]{0,1000}$/u;

export interface EmbedTarget {
  /** `/embed/map?…` (path and canonical query) */
  path: string;
  /** the query kept, for titles */
  query: URLSearchParams;
}

/** The embed of `url` when it is one of this site's (`origin`) map pages, else null. */
export function embedTarget(url: string, origin: string): EmbedTarget | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  if (!/^\/(embed\/map\/?)?$/.test(u.pathname)) return null;
  const query = new URLSearchParams();
  for (const [k, v] of u.searchParams) if (KEY.test(k) && VALUE.test(v)) query.set(k, v);
  const s = query.toString();
  return { path: `/embed/map${s ? `?${s}` : ''}`, query };
}

const LEVELS: Record<string, string> = { region: 'régions', academie: 'académies', departement: 'départements', commune: 'communes' };

/** A French title for an embedded map view (indicator, level, year when given). */
export function embedTitle(query: URLSearchParams): string {
  const indicator = findIndicator(query.get('indicator') ?? 'ips') ?? findIndicator('ips');
  const parts = [indicator?.label.fr ?? 'Carte'];
  const level = LEVELS[query.get('level') ?? 'departement'];
  const year = query.get('year');
  const detail = [level, year && /^\d{4}$/.test(year) ? year : null].filter(Boolean).join(' · ');
  const title = detail ? `${parts[0]} — ${detail}` : (parts[0] as string);
  return indicator && isSynthetic(indicator) ? `${title} (données fictives)` : title;
}
