/**
 * End-to-end harness: starts the real server (`node --import tsx server/index.ts`) on a free
 * port as its own process group, waits for /api/health, and launches Debian's Chromium with
 * the flags from STACK.md. `SERVER_URL=http://host:port` skips the server start (to test
 * against a server that is already running). The web bundle and warehouse are built by the
 * vitest global setup (test/setup/ensure-built.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots go here (git-ignored). */
export const RESULTS_DIR = path.join(ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number, exited?: Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: string | null = null;
  void exited?.then((why) => (failure = why));
  while (Date.now() < deadline) {
    if (failure) throw new Error(failure);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}/api/health within ${timeoutMs} ms`);
}

async function stopGroup(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server (or uses SERVER_URL) and resolves once it answers /api/health. */
export async function startServer(): Promise<RunningServer> {
  const override = process.env.SERVER_URL?.replace(/\/$/, '');
  if (override) {
    await waitForHealth(override, 10_000);
    return { url: override, stop: async () => {} };
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    detached: true, // own process group, so stop() takes any grandchildren with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`server exited (${code ?? signal}):\n${output}`)),
  );
  try {
    await waitForHealth(url, 90_000, exited);
  } catch (error) {
    await stopGroup(child, exited);
    throw error;
  }
  return { url, stop: () => stopGroup(child, exited) };
}

/** Headless Chromium with software WebGL2 (SwiftShader). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** What a browser test file works with: the server, the browser and one page. */
export interface Session {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/**
 * Starts the server and Chromium and opens one page at `viewport`, collecting the page's
 * errors and console errors into `errors` (tests assert it stays empty).
 */
export async function openSession(viewport: { width: number; height: number }, errors: string[]): Promise<Session> {
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { server, browser, page };
}

/** Closes what `openSession` opened (tolerates a session that failed to open). */
export async function closeSession(browser: Browser | undefined, server: RunningServer | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}

/** Serious and critical axe violations (WCAG 2.1 A/AA) of the page, as `id: targets`. Evaluated
 * through the DevTools protocol, so the page's CSP (no inline scripts) stays on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}

/** A news article on another origin (its own loopback port) whose page is `html()` at each request. */
export interface ArticleServer {
  url: string;
  close(): Promise<void>;
}

export async function startArticle(html: () => string): Promise<ArticleServer> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
