/**
 * Shared set-up for in-process API tests: a fresh tiny fixture warehouse per test file, the app
 * over it, and a `get` returning status, JSON body and headers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openWarehouse, type Warehouse } from '../../server/db/warehouse.ts';
import { makeTinyWarehouse } from '../fixtures/tiny-warehouse.ts';

export interface TinyApi {
  app: () => ReturnType<typeof createApp>;
  dir: () => string;
  get: (url: string) => Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
}

/** Registers beforeAll/afterAll hooks and returns accessors valid inside tests (`options`: see makeTinyWarehouse). */
export function useTinyApi(options: Parameters<typeof makeTinyWarehouse>[0] = {}): TinyApi {
  let dir = '';
  let db: Warehouse | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  beforeAll(async () => {
    dir = await makeTinyWarehouse(options);
    db = await openWarehouse(dir);
    app = createApp({ db, log: () => {} });
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const appOf = () => {
    if (!app) throw new Error('app not ready');
    return app;
  };
  return {
    app: appOf,
    dir: () => dir,
    get: async (url) => {
      const res = await appOf().request(url);
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
    },
  };
}

/** The app over a tiny warehouse, serving a temporary built front end. */
export interface TinyWebApp {
  app: () => ReturnType<typeof createApp>;
  webDir: () => string;
}

/**
 * Registers beforeAll/afterAll hooks for the app serving a temporary web folder: `files` maps
 * paths under it (`index.html`, `assets/x.js`…) to their text; `prepare` may change the folder
 * before the app starts (precompress it, remove a file).
 */
export function useTinyWebApp(files: Record<string, string>, prepare?: (webDir: string) => Promise<void> | void): TinyWebApp {
  let dir = '';
  let webDir = '';
  let db: Warehouse | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  beforeAll(async () => {
    dir = await makeTinyWarehouse();
    db = await openWarehouse(dir);
    webDir = mkdtempSync(path.join(tmpdir(), 'web-'));
    mkdirSync(path.join(webDir, 'assets'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(webDir, file)), { recursive: true });
      writeFileSync(path.join(webDir, file), text);
    }
    await prepare?.(webDir);
    app = createApp({ db, webDir, log: () => {} });
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  });
  return {
    app: () => {
      if (!app) throw new Error('app not ready');
      return app;
    },
    webDir: () => webDir,
  };
}
