/**
 * Requests sent before anything asks for them: the page's first module (web/boot/prefetch.ts)
 * sends the GETs the first view needs and reads their bodies at once (the JSON of all communes'
 * values takes tens of milliseconds to parse: done before React renders rather than after it);
 * the first caller of the same URL (fetchJson, the overview loader) takes that body instead of
 * asking again. The server also names the same URLs as `<link rel="preload">` in the page
 * (server/embed/pages.ts), so they leave before any script runs: a plain `fetch(url)` (no extra
 * headers, same mode and credentials) is what matches such a preload.
 */
export type EarlyBody = 'json' | 'bytes';

const early = new Map<string, Promise<unknown>>();

/** Sends a GET of `url` now (once) and reads its body as JSON or bytes; a failure is left to the caller's own request. */
export function sendEarly(url: string, as: EarlyBody): void {
  if (early.has(url)) return;
  const body = fetch(url).then((res) => {
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return as === 'json' ? res.json() : res.arrayBuffer();
  });
  body.catch(() => undefined); // never an unhandled rejection: takers fall back to their own request
  early.set(url, body);
}

/**
 * The body of an early GET of `url` (once; later calls send their own request), or undefined when
 * none was sent. Rejects when that request failed: ask again.
 */
export function takeEarly<T>(url: string): Promise<T> | undefined {
  const body = early.get(url) as Promise<T> | undefined;
  early.delete(url);
  return body;
}
