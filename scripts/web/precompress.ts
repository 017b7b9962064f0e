/**
 * Precompression of the built web bundle: a Vite plugin that writes a brotli (`file.br`, quality
 * 11) and a gzip (`file.gz`, level 9) sibling of every text asset of the output folder, so the
 * server sends them as they are (serveStatic `precompressed`) instead of compressing the 1 MB
 * MapLibre chunk on every request. Files under MIN_BYTES are left alone (not worth it).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The text files worth compressing (by extension). */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/i;
/** Below this size a compressed sibling saves nothing worth a file. */
export const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Writes `.br` and `.gz` beside every text file of `dir` (recursively) of at least MIN_BYTES;
 * answers the files compressed (paths relative to `dir`). Runs the files concurrently (zlib's
 * thread pool), and never compresses a `.br`/`.gz` again (they do not match TEXT).
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter((f) => TEXT.test(f));
  const done = await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      if (body.length < MIN_BYTES) return null;
      const [br, gzipped] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gz(body, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      return path.relative(dir, file);
    }),
  );
  return done.filter((f): f is string => f !== null).sort();
}

/** The Vite plugin: precompresses the output folder once the bundle is written (build only). */
export function precompress(): Plugin {
  let outDir = '';
  let log = (msg: string) => console.log(msg);
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      log = (msg) => config.logger.info(msg);
    },
    async closeBundle() {
      const started = Date.now();
      const files = await precompressDir(outDir);
      log(`precompressed ${files.length} files (br + gz) in ${Date.now() - started} ms`);
    },
  };
}
