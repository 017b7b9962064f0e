// Embeds and oEmbed (issue #6): framing policy per path, CSP everywhere, no cookies, the oEmbed
// endpoint (maps, and the charts of profiles, comparisons and objectives), the discovery link in
// served pages, the public origin (PUBLIC_ORIGIN), data downloads named after the view, and a real
// oEmbed consumer from npm (@extractus/oembed-extractor) reading a running server on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { extract } from '@extractus/oembed-extractor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTinyWebApp } from './helpers.ts';

const PAGE = (name: string) => `<!doctype html><html><head><title>${name}</title></head><body><div id="root"></div></body></html>`;

const web = useTinyWebApp({
  'index.html': PAGE('index'),
  'embed.html': PAGE('embed'),
  'embed-chart.html': PAGE('embed-chart'),
  'embed.js': '// resize script',
});
const ORIGIN = 'http://localhost';
const oembed = (url: string, extra = '') => web.app().request(`${ORIGIN}/oembed?url=${encodeURIComponent(url)}&format=json${extra}`);

describe('framing policy', () => {
  it.each(['/', '/territoire/departement/15', '/comparer', '/api/health', '/api/indicators', '/index.html'])('%s refuses framing', async (p) => {
    const res = await web.app().request(`${ORIGIN}${p}`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it.each(['/embed/map?indicator=ips', '/embed/map', '/embed/chart?chart=series&level=departement&code=15&indicator=ips', '/embed.js', '/oembed?url=x'])('%s may be framed by any site', async (p) => {
    const res = await web.app().request(`${ORIGIN}${p}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('serves embed.html for /embed/map, embed-chart.html for /embed/chart and index.html elsewhere', async () => {
    expect(await (await web.app().request(`${ORIGIN}/embed/map?level=region`)).text()).toContain('<title>embed</title>');
    expect(await (await web.app().request(`${ORIGIN}/embed/chart?chart=objective&id=x`)).text()).toContain('<title>embed-chart</title>');
    expect(await (await web.app().request(`${ORIGIN}/comparer`)).text()).toContain('<title>index</title>');
  });
});

describe('GET /oembed', () => {
  it('answers a rich embed of the same view for a dashboard URL', async () => {
    const res = await oembed(`${ORIGIN}/?indicator=ips&level=region&year=2022`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 720, height: 640 });
    expect(body.title).toMatch(/IPS.*régions · 2022/);
    expect(typeof body.provider_name).toBe('string');
    const html = String(body.html);
    expect(html).toContain(`src="${ORIGIN}/embed/map?indicator=ips&amp;level=region&amp;year=2022"`);
    expect(html).toMatch(/<iframe [^>]*title="[^"]+"[^>]*aria-label="[^"]+"/);
    expect(html).toContain(`<script async src="${ORIGIN}/embed.js"></script>`);
  });

  it('accepts embed URLs, honours maxwidth/maxheight and marks demo data', async () => {
    const res = await oembed(`${ORIGIN}/embed/map?indicator=recent_devices_share`, '&maxwidth=400&maxheight=300');
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ width: 400, height: 300 });
    expect(body.title).toContain('(données fictives)');
  });

  it('keeps an author description with punctuation', async () => {
    const alt = 'Carte de l’IPS en 2022 : Paris (75) en tête !';
    const res = await oembed(`${ORIGIN}/embed/map?indicator=ips&alt=${encodeURIComponent(alt)}`);
    const src = /src="([^"]+)"/.exec(String(((await res.json()) as Record<string, unknown>).html))?.[1] ?? '';
    expect(new URL(src.replace(/&amp;/g, '&')).searchParams.get('alt')).toBe(alt);
  });

  it('drops hostile query values and escapes the snippet', async () => {
    const res = await oembed(`${ORIGIN}/?indicator=ips&title="><script>alert(1)</script>`);
    const html = String(((await res.json()) as Record<string, unknown>).html);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('title=%22');
  });

  it.each([
    ['http://evil.example/?indicator=ips', 404],
    [`${ORIGIN}/api/health`, 404],
    [`${ORIGIN}/objectifs`, 404],
    [`${ORIGIN}/comparer`, 404],
    [`${ORIGIN}/embed/chart?chart=pie`, 404],
    ['not a url', 404],
  ])('refuses %s', async (url, status) => {
    const res = await oembed(url);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('url');
  });

  it('answers 501 for format=xml and 400 without url', async () => {
    const xml = await web.app().request(`${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/`)}&format=xml`);
    expect(xml.status).toBe(501);
    expect(xml.headers.get('content-type')).toContain('application/json');
    expect((await web.app().request(`${ORIGIN}/oembed?format=json`)).status).toBe(400);
    expect((await web.app().request(`${ORIGIN}/oembed?url=x&maxwidth=-5`)).status).toBe(400);
  });
});

describe('GET /oembed for charts', () => {
  const html = async (url: string) => {
    const res = await oembed(url);
    expect(res.status, url).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    return { body, src: (/src="([^"]+)"/.exec(String(body.html))?.[1] ?? '').replace(/&amp;/g, '&') };
  };

  it('embeds the series chart of a pasted profile, with the height of a chart', async () => {
    const { body, src } = await html(`${ORIGIN}/territoire/departement/15?year=2024&indicator=thd_share`);
    expect(src).toBe(`${ORIGIN}/embed/chart?chart=series&level=departement&code=15&indicator=thd_share`);
    expect(body).toMatchObject({ type: 'rich', height: 480 });
    expect(body.title).toMatch(/très haut débit — évolution · departement 15 \(données fictives\)/);
  });

  it('embeds the distribution of an indicator with one year, a comparison and an objective', async () => {
    expect((await html(`${ORIGIN}/territoire/departement/63?year=2022&indicator=pupils&school=0630001C`)).src).toBe(
      `${ORIGIN}/embed/chart?chart=distribution&level=departement&code=63&indicator=pupils&year=2022&school=0630001C`,
    );
    expect((await html(`${ORIGIN}/comparer?territories=departement:03,departement:15&indicators=nope,ips&year=2024`)).src).toBe(
      `${ORIGIN}/embed/chart?chart=compare&territories=departement:03,departement:15&indicator=ips&year=2024`,
    );
    const objective = await html(`${ORIGIN}/objectifs/cantal-thd?lang=en`);
    expect(objective.src).toBe(`${ORIGIN}/embed/chart?chart=objective&id=cantal-thd&lang=en`);
    expect(objective.body.title).toMatch(/^Objectif cantal-thd/);
    expect((await html(`${ORIGIN}/embed/chart?chart=theil&level=departement&code=15&indicator=ips&year=2022`)).src).toBe(
      `${ORIGIN}/embed/chart?chart=theil&level=departement&code=15&indicator=ips&year=2022`,
    );
  });

  it('profile pages carry the discovery link of their chart', async () => {
    const page = await (await web.app().request(`${ORIGIN}/territoire/departement/15?indicator=ips`)).text();
    expect(page).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]+territoire%2Fdepartement%2F15[^"]*"/);
  });
});

describe('PUBLIC_ORIGIN', () => {
  const saved = process.env.PUBLIC_ORIGIN;
  afterAll(() => {
    if (saved === undefined) delete process.env.PUBLIC_ORIGIN;
    else process.env.PUBLIC_ORIGIN = saved;
  });

  it('writes the public origin in answers, snippets and discovery links, and accepts pasted public URLs', async () => {
    process.env.PUBLIC_ORIGIN = 'https://equite.example.org/';
    const res = await oembed('https://equite.example.org/?indicator=ips&level=region');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.provider_url).toBe('https://equite.example.org/');
    expect(String(body.html)).toContain('src="https://equite.example.org/embed/map?indicator=ips&amp;level=region"');
    expect(String(body.html)).toContain('<script async src="https://equite.example.org/embed.js"></script>');
    // the request's own origin still works (a proxy that does not rewrite the pasted URL)
    expect((await oembed(`${ORIGIN}/?indicator=ips`)).status).toBe(200);
    const page = await (await web.app().request(`${ORIGIN}/?indicator=ips&level=region`)).text();
    const href = /type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(new URL(href).origin).toBe('https://equite.example.org');
    expect(new URL(href).searchParams.get('url')).toBe('https://equite.example.org/?indicator=ips&level=region');
  });

  it('ignores a value that is not an http(s) origin', async () => {
    for (const bad of ['javascript:alert(1)', 'https://equite.example.org/sub/path', 'not a url']) {
      process.env.PUBLIC_ORIGIN = bad;
      const body = (await (await oembed(`${ORIGIN}/?indicator=ips`)).json()) as Record<string, unknown>;
      expect(body.provider_url, bad).toBe(`${ORIGIN}/`);
    }
    delete process.env.PUBLIC_ORIGIN;
  });
});

describe('data downloads are named after the view', () => {
  it.each([
    ['/api/export?kind=schools&indicator=ips&year=2022&within=departement:63&format=csv', 'copaneeta_etablissements-puy-de-dome_ips_2022.csv'],
    ['/api/export?kind=map&indicator=ips&level=commune&year=2022&within=departement:63&format=csv', 'copaneeta_communes-puy-de-dome_ips_2022.csv'],
    ['/api/export?kind=map&indicator=ips&level=departement&year=2022&format=parquet', 'copaneeta_departements_ips_2022.parquet'],
  ])('%s', async (url, name) => {
    const res = await web.app().request(`${ORIGIN}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
  });
});

describe('oEmbed discovery', () => {
  it('the map page and the embed page carry the discovery link of their URL', async () => {
    for (const p of ['/?indicator=ips&level=region', '/embed/map?indicator=ips']) {
      const html = await (await web.app().request(`${ORIGIN}${p}`)).text();
      const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
      expect(href, p).toBeDefined();
      const url = new URL((href as string).replace(/&amp;/g, '&'));
      expect(url.pathname).toBe('/oembed');
      expect(url.searchParams.get('url')).toBe(`${ORIGIN}${p}`);
    }
  });

  it('other pages have none', async () => {
    expect(await (await web.app().request(`${ORIGIN}/comparer`)).text()).not.toContain('json+oembed');
  });
});

describe('an npm oEmbed consumer (@extractus/oembed-extractor)', () => {
  let server: ServerType | undefined;
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: (req) => web.app().fetch(req), hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('discovers the provider from a pasted dashboard URL and gets valid HTML', async () => {
    const pasted = `${base}/?indicator=ips&level=departement&year=2022`;
    const data = await extract(pasted);
    expect(data).toMatchObject({ type: 'rich', version: '1.0', method: 'auto-discovery' });
    expect(String(data.html)).toContain(`${base}/embed/map?indicator=ips&amp;level=departement&amp;year=2022`);
  });
});
