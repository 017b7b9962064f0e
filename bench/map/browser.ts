/**
 * Measures a map page in headless Chromium (Debian's, SwiftShader WebGL2 as in STACK.md), each
 * load in a fresh context (empty cache): time from navigation start to the first
 * `#map[data-state="ready"]` and to `data-interactive` (MapLibre drawing the app's map, after its
 * first frame), bytes transferred, and the time from an indicator change to ready again. Times are taken in the page (performance.now(): a MutationObserver on `data-state`, a
 * capturing `change` listener), so the bench's own round trips do not count.
 *
 * Bytes are the sum of `encodedDataLength` of CDP `Network.loadingFinished` (headers and body as
 * received) for the page, until ready, and until no request has been in flight for a second
 * after it (what the page loads once drawn, such as the table's names, counts too). MapLibre
 * fetches tiles from a web worker, which the page's CDP session does not see, so those requests
 * add Playwright's sizes (read from the worker's own `Network.loadingFinished`).
 */
import { chromium, type Browser, type CDPSession } from 'playwright-core';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** Headless Chromium with software WebGL2. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
}

// Runs in the page before its scripts: records when #map turns ready, when it first turns
// interactive (the app's map drawn by MapLibre itself, after its first frame) and when a <select> changes.
// `whenReady(n)` resolves once the map has turned ready more than n times: the bench awaits it
// through CDP (Runtime.evaluate), not Playwright's waitForFunction, whose injected script (~20 ms
// to compile on this machine) would run on the page's main thread while the page is still loading.
const PROBE = `(() => {
  const waiting = [];
  const b = (window.__bench = {
    ready: [], last: null, interactive: null, changeAt: null,
    whenReady: (n) => new Promise((resolve) => { if (b.ready.length > n) resolve(); else waiting.push([n, resolve]); }),
  });
  new MutationObserver(() => {
    const map = document.getElementById('map');
    const state = map?.getAttribute('data-state') ?? null;
    if (state === 'ready' && b.last !== 'ready') b.ready.push(performance.now());
    if (b.interactive === null && map?.getAttribute('data-interactive') === 'true') b.interactive = performance.now();
    b.last = state;
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (b.ready.length > waiting[i][0]) waiting.splice(i, 1)[0][1]();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-interactive'] });
  document.addEventListener('change', () => { b.changeAt = performance.now(); }, true);
})()`;

interface Probe {
  ready: number[];
  interactive: number | null;
  changeAt: number | null;
}
/** The probe's records (read through CDP too, so that reading them compiles nothing in the page). */
async function probe(cdp: CDPSession): Promise<Probe> {
  const expression = '({ ready: __bench.ready, interactive: __bench.interactive, changeAt: __bench.changeAt })';
  const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  return result.value as Probe;
}

/** Resolves once the page's map has turned ready more than `n` times (or rejects after `timeout` ms). */
async function whenReady(cdp: CDPSession, n: number, timeout: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the map did not turn ready within ${timeout} ms`)), timeout);
  });
  try {
    const evaluation = cdp.send('Runtime.evaluate', { expression: `window.__bench.whenReady(${n})`, awaitPromise: true });
    const { exceptionDetails } = await Promise.race([evaluation, late]);
    if (exceptionDetails) throw new Error(`waiting for the map: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  } finally {
    clearTimeout(timer);
  }
}

/** One measured load. */
export interface Load {
  readyMs: number;
  /** navigation → the map answers pan, zoom and hover: `data-interactive` (the app), else ready (a plain MapLibre page) */
  interactiveMs: number;
  /** bytes received until ready, and once the network is idle after it (everything the page loads) */
  bytesAtReady: number;
  bytes: number;
  requests: number;
  /** the map's size on the page, CSS pixels */
  mapSize: { width: number; height: number };
  /** ms from each indicator change to ready again, in the order asked */
  switches: number[];
}

/** Loads `url` in a fresh context, waits for the map, then switches through `indicators`. */
export async function measure(browser: Browser, url: string, indicators: readonly string[] = [], timeout = 120_000): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const pageUrls = new Map<string, string>();
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', (e) => pageUrls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    const workerSizes: Promise<number>[] = [];
    // requests in flight (page and worker) and when the last one started or ended
    let inFlight = 0;
    let lastActivity = 0;
    const activity = (delta: number) => () => {
      inFlight += delta;
      lastActivity = Date.now();
    };
    page.on('request', activity(1));
    page.on('requestfailed', activity(-1));
    page.on('requestfinished', (r) => {
      activity(-1)();
      if ([...pageUrls.values()].includes(r.url())) return;
      workerSizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
    });
    /** Resolves once no request has been in flight for `quietMs` (what the page loads after ready counts). */
    const quiet = async (quietMs = 1000) => {
      const end = Date.now() + timeout;
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > end) throw new Error(`${url}: the network never went quiet`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    await page.goto(url, { timeout });
    await whenReady(cdp, 0, timeout);
    const readyMs = (await probe(cdp)).ready[0] as number;
    const total = async () => {
      const worker = await Promise.all(workerSizes);
      return { bytes: bytes + worker.reduce((a, b) => a + b, 0), requests: requests + worker.length };
    };
    const bytesAtReady = (await total()).bytes;
    // not Playwright's 'networkidle', which may fire before ready (while tiles are parsed)
    await quiet();
    // the app's side table fetches its names after ready, maybe after a quiet second: wait until no
    // grid says it is busy (the baseline has none), then for the network to go quiet again
    await page.waitForFunction(() => !document.querySelector('[role="grid"][aria-busy="true"]'), null, { timeout, polling: 50 });
    await quiet();
    const all = await total();
    const box = await page.locator('#map').boundingBox();
    const interactiveMs = (await probe(cdp)).interactive ?? readyMs;

    const switches: number[] = [];
    for (const indicator of indicators) {
      const before = (await probe(cdp)).ready.length;
      await page.selectOption('#indicator-select', indicator);
      await whenReady(cdp, before, timeout);
      const p = await probe(cdp);
      switches.push((p.ready.at(-1) as number) - (p.changeAt as number));
    }
    return { readyMs, interactiveMs, bytesAtReady, ...all, mapSize: { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) }, switches };
  } finally {
    await context.close();
  }
}
