/**
 * A Vite plugin that names a lazily imported chunk as `<link rel="modulepreload">` in the pages
 * whose scripts may import it: the browser fetches (and compiles) it alongside the page's own
 * scripts, but runs it only when the page imports it. MapLibre is such a chunk: the map's first
 * frame is drawn without it (web/map/overview/firstFrame.ts), so evaluating ~1 MB of script
 * waits until then, yet the import finds it already there.
 */
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  name: string;
  fileName: string;
  imports: readonly string[];
  dynamicImports: readonly string[];
}

/** Whether `from` reaches `target` through static or dynamic imports. */
function reaches(bundle: Record<string, { type: string }>, from: string, target: string, seen = new Set<string>()): boolean {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  const chunk = bundle[from] as ChunkLike | undefined;
  if (chunk?.type !== 'chunk') return false;
  return [...chunk.imports, ...chunk.dynamicImports].some((next) => reaches(bundle, next, target, seen));
}

export function preloadLazy(chunkName: string): Plugin {
  return {
    name: 'preload-lazy-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle as Record<string, { type: string }> | undefined;
        const entry = ctx.chunk as ChunkLike | undefined;
        if (!bundle || !entry) return [];
        const lazy = Object.values(bundle).find((c): c is ChunkLike => c.type === 'chunk' && (c as ChunkLike).name === chunkName);
        if (!lazy || !reaches(bundle, entry.fileName, lazy.fileName)) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${lazy.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
