/**
 * Shared set-up for in-process API tests: a fresh tiny fixture warehouse per test file, the app
 * over it, and a `get` returning status, JSON body and headers.
 */
import { rmSync } from 'node:fs';
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
