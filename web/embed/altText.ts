/**
 * The screen-reader description of an embed: the `alt` URL parameter when the author wrote one
 * (trimmed, at most 1,000 characters), else the summary generated from the data. Pure.
 */

/** Longest author-written description kept. */
export const MAX_ALT = 1_000;

/** The author's description from a query string, or null. */
export function altFromQuery(search: string): string | null {
  const alt = new URLSearchParams(search).get('alt')?.replace(/\s+/g, ' ').trim();
  return alt ? alt.slice(0, MAX_ALT) : null;
}

/** The description to announce: the author's, else the generated one. */
export function embedAlt(author: string | null, generated: string): string {
  return author ?? generated;
}

/** The dashboard URL of an embed URL: same state, without the embed-only parameters. */
export function dashboardHref(search: string): string {
  const p = new URLSearchParams(search);
  p.delete('alt');
  const s = p.toString();
  return `/${s ? `?${s}` : ''}`;
}

/**
 * The embed URL of a view (same state), with the author's description when given: the map embed
 * of a dashboard query string, or `path` (e.g. `/embed/chart`) with `search`.
 */
export function embedHref(origin: string, search: string, alt: string | null, path = '/embed/map'): string {
  const p = new URLSearchParams(search);
  p.delete('alt');
  if (alt) p.set('alt', alt.slice(0, MAX_ALT));
  const s = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return `${origin}${path}${s ? `?${s}` : ''}`;
}
