import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeRows } from '../../scripts/build/overview/spec.ts';
import { INDICATORS } from '../../server/indicators/catalog.ts';

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const RASTER = { z: 4, x0: 0, y0: 0, width: 2, height: 1, bytes: 0 };
const PAGE = '?level=commune&indicator=ips&year=2022';

/** A server for the first view of PAGE: what each path answers, or a request that never ends. */
function server(hang: (path: string) => boolean = () => false) {
  return vi.fn((path: string) => {
    if (hang(path)) return new Promise<Response>(() => undefined);
    if (path === '/api/indicators') return Promise.resolve(json({ indicators: INDICATORS }));
    if (path.startsWith('/api/map?')) return Promise.resolve(json({ indicator: 'ips', level: 'commune', year: 2022, columns: { code: ['63113'], value: [101.5], n: [12], low_n: [false] } }));
    if (path === '/geo/insets.geojson') return Promise.resolve(json({ type: 'FeatureCollection', features: [] }));
    if (path === '/tiles/commune/overview.json') return Promise.resolve(json({ version: 1, codes: ['63113', '15014'], levels: [RASTER] }));
    if (path === '/tiles/commune/overview/4.bin') return Promise.resolve(new Response(encodeRows(new Uint16Array([1, 2]), 2, 1).buffer as ArrayBuffer));
    return Promise.resolve(new Response('not found', { status: 404 }));
  });
}

// fresh modules for each case: the overview loader keeps what it loaded for the page's lifetime
async function load() {
  const { seedFirstView } = await import('./firstView.ts');
  const { viewValuesOptions, insetsOptions } = await import('../api/queries.ts');
  const { loadedOverviewIndex, loadedOverviewRaster } = await import('../map/overview/overviewData.ts');
  const { parseViewQuery, resolveViewState } = await import('../state/url.ts');
  const valuesKey = viewValuesOptions(resolveViewState(parseViewQuery(PAGE), INDICATORS), INDICATORS).queryKey;
  return { seedFirstView, valuesKey, insetsKey: insetsOptions().queryKey, loadedOverviewIndex, loadedOverviewRaster };
}

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('seedFirstView', () => {
  it('puts the first view of a map page where the first render finds it', async () => {
    const fetchMock = server();
    vi.stubGlobal('fetch', fetchMock);
    const m = await load();
    const client = new QueryClient();
    await m.seedFirstView(client, '/', PAGE, 1, 5000);
    expect(client.getQueryData(['indicators'])).toEqual({ indicators: INDICATORS });
    // the values as the query gives them (rows), under the key the dashboard asks for
    expect(client.getQueryData<{ values: unknown[] }>(m.valuesKey)?.values).toEqual([expect.objectContaining({ code: '63113', value: 101.5, n: 12 })]);
    expect(client.getQueryData(m.insetsKey)).toEqual({ type: 'FeatureCollection', features: [] });
    expect(m.loadedOverviewIndex()?.idOf.get('15014')).toBe(2);
    expect([...(m.loadedOverviewRaster(4)?.ids ?? [])]).toEqual([1, 2]);
  });

  it('waits no longer than asked for data that does not come, and renders without it', async () => {
    vi.stubGlobal('fetch', server((path) => path.startsWith('/api/map?')));
    const m = await load();
    const client = new QueryClient();
    const start = performance.now();
    await m.seedFirstView(client, '/', PAGE, 1, 40);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(client.getQueryData(m.valuesKey)).toBeUndefined();
    // what had come is there all the same
    expect(m.loadedOverviewRaster(4)).toBeDefined();
  });

  it('asks for nothing on a page that is not a map', async () => {
    const fetchMock = server();
    vi.stubGlobal('fetch', fetchMock);
    const m = await load();
    await m.seedFirstView(new QueryClient(), '/territoire/commune/63113', '', 1, 5000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
