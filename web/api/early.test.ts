import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from './client.ts';
import { sendEarly, takeEarly } from './early.ts';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('early requests', () => {
  it('answers the first fetchJson of the same path with the early body, then asks again', async () => {
    const fetchMock = vi.fn(async (url: string) => json({ url, n: fetchMock.mock.calls.length }));
    vi.stubGlobal('fetch', fetchMock);
    sendEarly('/api/map?indicator=ips&level=commune&year=2022', 'json');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await fetchJson('/api/map?indicator=ips&level=commune&year=2022')).toEqual({ url: '/api/map?indicator=ips&level=commune&year=2022', n: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // taken once: a later query (a refetch) sends its own request
    await fetchJson('/api/map?indicator=ips&level=commune&year=2022');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends nothing twice, and keeps bytes as bytes', async () => {
    const fetchMock = vi.fn(async () => new Response(new Uint8Array([1, 0, 2, 0])));
    vi.stubGlobal('fetch', fetchMock);
    sendEarly('/tiles/commune/overview/4.bin', 'bytes');
    sendEarly('/tiles/commune/overview/4.bin', 'bytes');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect([...new Uint8Array(await (takeEarly<ArrayBuffer>('/tiles/commune/overview/4.bin') as Promise<ArrayBuffer>))]).toEqual([1, 0, 2, 0]);
    expect(takeEarly('/tiles/commune/overview/4.bin')).toBeUndefined();
  });

  it('lets a failed early request be asked again, so the error shown is the real answer', async () => {
    const answers = [json({ error: { code: 'busy', message: 'try later' } }, 503), json({ error: { code: 'invalid_parameter', message: 'year: not available', param: 'year' } }, 400)];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()));
    sendEarly('/api/map?indicator=ips&level=commune&year=1999', 'json');
    await expect(fetchJson('/api/map?indicator=ips&level=commune&year=1999')).rejects.toMatchObject({ status: 400, code: 'invalid_parameter', param: 'year' });
  });
});
