/**
 * Requests sent before anything asks for them: the page's first module (web/boot/prefetch.ts)
 * sends the GETs the first view needs; the first caller of the same URL (fetchJson, the overview
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

/** Sends a GET of `url` now (once), its body to be read as JSON or bytes. */
export function sendEarly(url: string, as: EarlyBody): void {
  if (early.has(url)) return;
  const response = fetch(url);
  response.catch(() => undefined);
  early.set(url, { response, as });
}

/** Starts reading every early body not read yet. */
export function readEarlyBodies(): void {
  for (const e of early.values()) void read(e);
}

/**
 * The body of an early GET of `url` (once; later calls send their own request), or undefined when
 * none was sent. Rejects when that request failed: ask again.
 */
export function takeEarly<T>(url: string): Promise<T> | undefined {
  const e = early.get(url);
  early.delete(url);
  return e ? (read(e) as Promise<T>) : undefined;
}
