import { describe, expect, it } from 'vitest';
import { embedRows, htmlScripts, jsClosure, staticImports, type EmbedMeasure } from './embedRows.ts';

describe('embed bench: what a built page loads', () => {
  it('reads the module script and modulepreloads of a page', () => {
    const html = `<script type="module" crossorigin src="/assets/embed-chart-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-b.js"><link rel="stylesheet" href="/assets/x.css">`;
    expect(htmlScripts(html)).toEqual(['/assets/embed-chart-a.js', '/assets/react-b.js']);
  });

  it('follows static imports, not dynamic ones', () => {
    const files: Record<string, string> = {
      'a.js': 'import{j as e,$ as r}from"./b.js";import"./c.js";const x=()=>import("./heavy.js");export{x}',
      'b.js': 'export{j}from"./c.js";',
      'c.js': 'console.log(1)',
      'heavy.js': 'maplibre',
    };
    expect(staticImports(files['a.js'] as string)).toEqual(['./b.js', './c.js']);
    expect(jsClosure(['/assets/a.js'], (f) => files[f] as string).sort()).toEqual(['a.js', 'b.js', 'c.js']);
  });

  it('checks the targets: chart JS under 150 kB without MapLibre, map embed ready under 2 s', () => {
    const m = (over: Partial<EmbedMeasure>): EmbedMeasure => ({ label: 'x', jsGzip: 100_000, jsFiles: 3, maplibre: false, readyMs: [900, 1100, 1000], jsTransferred: 1, maplibreRequests: 0, ...over });
    const ok = embedRows(m({}), m({ readyMs: [1500] }));
    expect(ok.filter((r) => r.ok !== undefined).map((r) => r.ok)).toEqual([true, true, true]);
    const bad = embedRows(m({ jsGzip: 160_000, maplibre: true }), m({ readyMs: [2500, 2600, 2400] }));
    expect(bad.filter((r) => r.ok !== undefined).map((r) => r.ok)).toEqual([false, false, false]);
    expect(bad.find((r) => r.measure.startsWith('navigation') && r.target)?.value).toBe('2 500 ms');
  });
});
