// The build-time precompression (scripts/web/precompress.ts): .br and .gz siblings of the text
// files of a folder that inflate back to the original; small files, binary files and the
// siblings themselves are left alone.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_BYTES, precompressDir } from './precompress.ts';

const JS = Array.from({ length: 200 }, (_, i) => `export const value${i} = "territoire ${i}";`).join('\n');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz beside the text files that inflate to the original, and skips the rest', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'main-abc.js'), JS);
    writeFileSync(path.join(dir, 'assets', 'worker-abc.mjs'), JS);
    writeFileSync(path.join(dir, 'assets', 'style.css'), `.a { color: red; }\n`.repeat(100));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>x</p>'.repeat(200)}`);
    writeFileSync(path.join(dir, 'small.js'), 'export {};'); // under MIN_BYTES
    writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7)); // not text

    const done = await precompressDir(dir);
    expect(done).toEqual(['assets/main-abc.js', 'assets/style.css', 'assets/worker-abc.mjs', 'index.html']);
    for (const file of done) {
      const original = readFileSync(path.join(dir, file));
      const br = readFileSync(path.join(dir, `${file}.br`));
      const gz = readFileSync(path.join(dir, `${file}.gz`));
      expect(br.length).toBeLessThan(original.length);
      expect(gz.length).toBeLessThan(original.length);
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(gz).equals(original)).toBe(true);
      expect(gz.subarray(0, 2).toString('hex')).toBe('1f8b'); // a gzip stream, not raw deflate
    }
    expect(readFileSync(path.join(dir, 'small.js')).length).toBeLessThan(MIN_BYTES);
    expect(existsSync(path.join(dir, 'small.js.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'assets', 'logo.png.br'))).toBe(false);

    // a second run (a rebuild over a kept folder) rewrites the siblings and never compresses them again
    expect(await precompressDir(dir)).toEqual(done);
    const names = readdirSync(dir, { recursive: true }).map(String);
    expect(names.filter((n) => /\.(br|gz)\.(br|gz)$/.test(n))).toEqual([]);
    expect(names.filter((n) => n.endsWith('.br')).sort()).toEqual(done.map((f) => `${f}.br`));
  });

  it('answers nothing for an empty folder', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    expect(await precompressDir(dir)).toEqual([]);
  });
});
