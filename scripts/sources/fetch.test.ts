// Fetch: mirror first, then the download cache, then the official download with retries and a
// size/format check. Effects (fetch, log, sleep) are passed in: no network is touched.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchSource, resolveMirrorDir, type FetchEffects } from './fetch.ts';
import type { Source } from './manifest.ts';

const SRC: Source = {
  id: 'demo-csv',
  producer: 'test',
  title: 'a test source',
  page: 'https://example.invalid/page',
  download: 'https://example.invalid/file.csv',
  licence: 'test',
  vintage: '2026',
  format: 'csv',
  mirrorPath: 'demo/file.csv',
  minBytes: 20,
  expectStart: ['uai;ips'],
};
const GOOD = 'uai;ips\n0010005A;110.4\n0010008D;95.1\n';

type TestEffects = FetchEffects & { logs: string[]; calls: number };

function effects(responses: (() => Response)[]): TestEffects {
  const fx: TestEffects = {
    logs: [] as string[],
    calls: 0,
    fetch: (async () => {
      const r: (() => Response) | undefined = responses[fx.calls++];
      if (!r) throw new Error('no more responses');
      return r();
    }) as typeof fetch,
    log: (line: string) => void fx.logs.push(line),
    sleep: async () => {},
  };
  return fx;
}

describe('fetchSource', () => {
  it('reads the mirror when it has the file', async () => {
    const mirror = mkdtempSync(path.join(tmpdir(), 'mirror-'));
    mkdirSync(path.join(mirror, 'demo'));
    writeFileSync(path.join(mirror, 'demo/file.csv'), GOOD);
    const fx = effects([]);
    expect(await fetchSource(SRC, { root: mirror, mirrorDir: mirror }, fx)).toBe(path.join(mirror, 'demo/file.csv'));
    expect(fx.calls).toBe(0);
    expect(fx.logs[0]).toMatch(/demo-csv: mirror demo\/file\.csv/);
  });

  it('downloads into data/raw after a failed attempt, and uses the cache next time', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'root-'));
    const fx = effects([() => new Response('busy', { status: 503 }), () => new Response(GOOD)]);
    const file = await fetchSource(SRC, { root, mirrorDir: null }, fx);
    expect(file).toBe(path.join(root, 'data/raw/demo/file.csv'));
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
    expect(fx.calls).toBe(2);
    const again = effects([]);
    expect(await fetchSource(SRC, { root, mirrorDir: null }, again)).toBe(file);
    expect(again.calls).toBe(0);
  });

  it('refuses an HTML error page and a truncated file, naming the source', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'root-'));
    const html = effects([0, 1, 2].map(() => () => new Response('<!doctype html><p>maintenance</p> padding padding')));
    await expect(fetchSource(SRC, { root, mirrorDir: null, retries: 3 }, html)).rejects.toThrow(/demo-csv: download failed after 3 attempts.*does not look like csv/);
    const short = effects([() => new Response('uai;ips\n')]);
    await expect(fetchSource(SRC, { root, mirrorDir: null, retries: 1 }, short)).rejects.toThrow(/expected at least 20 \(truncated\?\)/);
  });

  it('says what to do for a source with no official download', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'root-'));
    await expect(fetchSource({ ...SRC, download: null }, { root, mirrorDir: null }, effects([]))).rejects.toThrow(/set OPENDATA_DIR/);
  });
});

describe('resolveMirrorDir', () => {
  it('prefers OPENDATA_DIR and fails clearly when it does not exist', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mirror-'));
    expect(resolveMirrorDir('/nowhere', { OPENDATA_DIR: dir })).toBe(dir);
    expect(() => resolveMirrorDir('/nowhere', { OPENDATA_DIR: '/nowhere/at/all' })).toThrow(/OPENDATA_DIR=\/nowhere\/at\/all: folder not found/);
    expect(resolveMirrorDir('/nowhere/project', {})).toBeNull();
  });
});
