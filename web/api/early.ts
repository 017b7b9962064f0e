/**
 * Requests sent before anything asks for them. On a page the server preloaded, its plain first
 * script (web/public/early.js) has already read those bodies, on a main thread still idle while
 * the app's scripts load: they are taken from there. Otherwise the page's first module
 * (web/boot/prefetch.ts) sends the GETs the first view needs; the first caller of the same URL (fetchJson, the overview
 * loader) takes that answer instead of asking again. The bodies are read once the map has been
 * created (`readEarlyBodies`, from useMapLibre): parsing the JSON of all communes' values takes
 * tens of milliseconds, better spent while MapLibre waits for its style and worker than before
 * the map exists; a caller taking a body before that reads it at once. The server also names the
 * same URLs as `<link rel="preload">` in the page (server/embed/pages.ts), so they leave before any
 * script runs: a plain `fetch(url)` (no extra headers, same mode and credentials) is what matches
 * such a preload.
 */
export type EarlyBody = 'json' | 'bytes';

interface Early {
  response: Promise<Response>;
  as: EarlyBody;
  body?: Promise<unknown>;
}

const early = new Map<string, Early>();

function read(e: Early): Promise<unknown> {
  e.body ??= e.response.then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return e.as === 'json' ? res.json() : res.arrayBuffer();
  });
  e.body.catch(() => undefined); // never an unhandled rejection: takers fall back to their own request
  return e.body;
}

/** Sends a GET of `url` now (once, and not when the page's first script already did), its body to be read as JSON or bytes. */
export function sendEarly(url: string, as: EarlyBody): void {
  if (early.has(url) || fromPageScript()?.has(url)) return;
  const response = fetch(url);
  response.catch(() => undefined);
  early.set(url, { response, as });
}

/** Starts reading every early body not read yet. */
export function readEarlyBodies(): void {
  for (const e of early.values()) void read(e);
}

/** Bodies the page's plain first script (web/public/early.js) read from the server's preloads. */
function fromPageScript(): Map<string, Promise<unknown>> | undefined {
  return typeof window === 'undefined' ? undefined : (window as { __copaneetaEarly?: Map<string, Promise<unknown>> }).__copaneetaEarly;
}

/**
 * The body of an early GET of `url` (once; later calls send their own request), or undefined when
 * none was sent. Rejects when that request failed: ask again.
 */
export function takeEarly<T>(url: string): Promise<T> | undefined {
  const page = fromPageScript();
  const fromPage = page?.get(url);
  if (fromPage) {
    page?.delete(url);
    early.delete(url);
    return fromPage as Promise<T>;
  }
  const e = early.get(url);
  early.delete(url);
  return e ? (read(e) as Promise<T>) : undefined;
}
