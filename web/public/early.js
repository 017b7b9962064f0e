/*
 * The map pages' first script (plain, not bundled, deferred and fetched first: it runs once the page is parsed,
 * always before the app's first module, web/boot/prefetch.ts, which then finds the requests
 * already made and never sends them twice): reads the data the server preloaded for the
 * first view (`<link rel="preload" as="fetch">`, server/embed/pages.ts) on a main thread that has
 * nothing else to do yet (parsing the JSON of all communes' values takes tens of milliseconds).
 * The app takes these bodies by URL (web/api/early.ts: `window.__copaneetaEarly`).
 */
(() => {
  'use strict';
  const early = new Map();
  window.__copaneetaEarly = early;
  for (const link of document.querySelectorAll('link[rel="preload"][as="fetch"]')) {
    const url = link.getAttribute('href');
    if (!url || early.has(url)) continue;
    const bytes = url.endsWith('.bin');
    const body = fetch(url).then((res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return bytes ? res.arrayBuffer() : res.json();
    });
    body.catch(() => undefined); // the app asks again
    early.set(url, body);
  }
})();
