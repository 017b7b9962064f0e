// The first view's data named as preloads in a map page (server/embed/pages.ts, from
// web/boot/earlyRequests.ts): the catalog and the view's values on every map page, the commune
// overview at the commune level below the vector zooms, nothing on other pages; the path of the
// values is the one the values query asks for.
import { describe, expect, it } from 'vitest';
import { preloadLinks } from '../../server/embed/pages.ts';
import { INDICATORS } from '../../server/indicators/catalog.ts';
import { mapValuesOptions } from '../../web/api/queries.ts';
import { earlyRequests } from '../../web/boot/earlyRequests.ts';
import { useTinyWebApp } from './helpers.ts';

const ORIGIN = 'http://localhost';
const latest = Math.max(...(INDICATORS.find((i) => i.id === 'ips')?.years ?? []));

describe('earlyRequests', () => {
  const urls = (pathname: string, search: string, pixelRatio?: number) => earlyRequests(pathname, search, pixelRatio).map((r) => r.url);

  it('asks for the catalog, the values, the inset frames and the overview of a whole-France commune map', () => {
    expect(earlyRequests('/', '?level=commune&indicator=ips&year=2022')).toEqual([
      { url: '/api/indicators', as: 'json' },
      { url: '/api/map?indicator=ips&level=commune&year=2022&format=columns', as: 'json' },
      { url: '/geo/insets.geojson', as: 'json' },
      { url: '/tiles/commune/overview.json', as: 'json' },
      { url: '/tiles/commune/overview/4.bin', as: 'bytes' },
    ]);
    // a sharper screen draws a finer level; a camera past the overview zooms needs none
    expect(urls('/embed/map', '?level=commune&indicator=ips&year=2022', 2).at(-1)).toBe('/tiles/commune/overview/5.bin');
    expect(urls('/', '?level=commune&indicator=ips&year=2022&map=7/45.1/2.6')).toHaveLength(3);
  });

  it('resolves defaults as the page does: latest year, the parent and the school filters of a per-school indicator', () => {
    expect(urls('/', '')).toEqual(['/api/indicators', `/api/map?indicator=ips&level=departement&year=${latest}&format=columns`, '/geo/insets.geojson']);
    expect(urls('/', '?level=commune&indicator=ips&year=2022&within=departement:15&school_type=college&sector=public')[1]).toBe(
      '/api/map?indicator=ips&level=commune&year=2022&within=departement%3A15&school_type=college&sector=public&format=columns',
    );
  });

  it('is the path the values query fetches', async () => {
    const sent: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = ((url: string) => {
      sent.push(url);
      return Promise.resolve(new Response('{"columns":{}}', { status: 200 }));
    }) as typeof fetch;
    try {
      const options = mapValuesOptions('ips', 'commune', 2022, 'departement:15', { schoolType: 'college', sector: 'public' });
      await options.queryFn?.({ signal: new AbortController().signal } as never);
    } finally {
      globalThis.fetch = original;
    }
    expect(sent).toEqual([earlyRequests('/', '?level=commune&indicator=ips&year=2022&within=departement:15&school_type=college&sector=public')[1]?.url]);
  });

  it('asks for nothing on pages that do not start with the map', () => {
    expect(urls('/territoire/departement/15', '?indicator=ips')).toEqual([]);
    expect(urls('/embed/chart', '?chart=series&level=departement&code=15&indicator=ips')).toEqual([]);
    expect(preloadLinks(`${ORIGIN}/objectifs`)).toBe('');
  });
});

describe('map pages as served', () => {
  const page = '<!doctype html><html lang="fr"><head>\n<meta charset="utf-8" />\n<title>carte</title><script type="module" src="/assets/main.js"></script></head><body></body></html>';
  const web = useTinyWebApp({ 'index.html': page, 'embed.html': page, 'embed-chart.html': page });
  const app = { request: (url: string) => web.app().request(url) };

  it('names them right after the charset, before the scripts, as fetches a plain fetch() matches', async () => {
    const html = await (await app.request(`${ORIGIN}/?level=commune&indicator=ips&year=2022`)).text();
    const links = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous">/g)].map((m) => m[1]);
    expect(links).toEqual(['/api/indicators', '/api/map?indicator=ips&amp;level=commune&amp;year=2022&amp;format=columns', '/geo/insets.geojson', '/tiles/commune/overview.json', '/tiles/commune/overview/4.bin']);
    expect(html.indexOf('<meta charset')).toBeLessThan(html.indexOf('rel="preload"'));
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('<script'));
    // the discovery link is still there
    expect(html).toContain('application/json+oembed');
  });

  it('names none in a chart embed or a profile page', async () => {
    for (const p of ['/embed/chart?chart=series&level=departement&code=15&indicator=ips', '/territoire/departement/15']) {
      expect(await (await app.request(`${ORIGIN}${p}`)).text()).not.toContain('rel="preload"');
    }
  });
});
