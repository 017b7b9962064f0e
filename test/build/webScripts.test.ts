/**
 * The built web bundle (dist/web, built by the test setup): MapLibre is in no script the map pages
 * load at start (it is imported once the first frame is drawn), and the chart embed loads none of
 * it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

/** The scripts a built page loads at start: its module script and its modulepreloads. */
async function startScripts(page: string): Promise<string[]> {
  const html = await readFile(path.join(WEB, page), 'utf8');
  const modules = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  return [...modules, ...preloads];
}

const code = (url: string) => readFile(path.join(WEB, url), 'utf8');

describe('web scripts', () => {
  it('starts the map pages without MapLibre', async () => {
    for (const page of ['index.html', 'embed.html']) {
      const scripts = await startScripts(page);
      expect(scripts.length, page).toBeGreaterThan(0);
      // (MapLibre's shaders carry `#pragma maplibre`: its library is in no script loaded at start)
      for (const s of scripts) expect(await code(s), `${page}: ${s}`).not.toMatch(/#pragma maplibre/);
    }
  });

  it('loads none of MapLibre in the chart embed', async () => {
    const scripts = await startScripts('embed-chart.html');
    for (const s of scripts) expect(await code(s), s).not.toMatch(/maplibre-gl|#pragma maplibre/i);
  });
});
