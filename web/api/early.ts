/**
 * Requests sent before anything asks for them: the page's first module (web/boot/prefetch.ts)
 * sends the GETs the first view needs, and the first caller of the same URL (fetchJson, the
 * overview loader) takes that answer instead of sending its own request. The server also names
 * the same URLs as `<link rel="preload">` in the page (server/embed/pages.ts), so the browser has
 * them on their way while the scripts load: a plain `fetch(url)` (no extra headers, same mode and
 * credentials) is what matches such a preload.
 */
const early = new Map<string, Promise<Response>>();

/** Sends a GET of `url` now (once). */
export function sendEarly(url: string): void {
  if (!early.has(url)) early.set(url, fetch(url));
}

/** The answer of an early GET of `url`, once (later calls send their own request). */
export function takeEarly(url: string): Promise<Response> | undefined {
  const sent = early.get(url);
  early.delete(url);
  return sent;
}
