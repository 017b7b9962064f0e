/**
 * API section: the real server on a free loopback port, then for each endpoint a warm-up GET
 * (and its size, gzip and raw) followed by a bounded autocannon run at 50 connections with
 * `Accept-Encoding: gzip`, as a browser sends. An endpoint answering 404 is reported as missing.
 */
import { getRaw } from './http.ts';
import { BODIES_SKIPPED, runLoad, type LoadResult } from './load.ts';
import { startServer } from './server.ts';
import { bytesHuman, millis, num, type ResultRow } from './table.ts';

/** The measured endpoints; `optional` ones may not exist yet (404 → n/a). */
export const API_ENDPOINTS = [
  { name: 'health', path: '/api/health' },
  { name: 'map departement', path: '/api/map?indicator=ips&level=departement&year=2022' },
  { name: 'map commune', path: '/api/map?indicator=thd_share&level=commune&year=2025' },
  { name: 'schools', path: '/api/schools?indicator=ips&year=2022', optional: true },
] as const;

/** Concurrent connections of each API run. */
export const API_CONNECTIONS = 50;
const GZIP = { 'accept-encoding': 'gzip' };
const TARGET_P99_MS = 50;
const TARGET_P50_RATIO = 3;

interface Measured {
  name: string;
  path: string;
  load?: LoadResult;
  /** bytes sent when gzip is accepted, and whether the server did compress */
  gzipBytes?: number;
  compressed?: boolean;
  rawBytes?: number;
  missing?: boolean;
}

function rowsOf(m: Measured, health: LoadResult | undefined): ResultRow[] {
  const benchmark = `api ${m.path}`;
  if (m.missing || !m.load) return [{ benchmark, measure: 'requests/s', value: 'n/a (endpoint missing)' }];
  const l = m.load;
  const isCommune = m.name === 'map commune';
  const rows: ResultRow[] = [
    { benchmark, measure: 'requests/s', value: num(l.perSecond) },
    { benchmark, measure: 'p50 latency', value: millis(l.p50) },
    isCommune
      ? { benchmark, measure: 'p99 latency', value: millis(l.p99), target: `< ${TARGET_P99_MS} ms`, ok: l.p99 < TARGET_P99_MS }
      : { benchmark, measure: 'p99 latency', value: millis(l.p99) },
  ];
  if (isCommune && health) {
    const ratio = l.p50 / health.p50;
    rows.push({ benchmark, measure: 'p50 / health p50', value: Number.isFinite(ratio) ? `${num(ratio, 1)}×` : 'n/a', target: `≤ ${TARGET_P50_RATIO}×`, ok: ratio <= TARGET_P50_RATIO });
  }
  rows.push(
    { benchmark, measure: 'non-2xx', value: num(l.non2xx), target: '0', ok: l.non2xx === 0 },
    { benchmark, measure: 'errors (socket, timeout)', value: num(l.errors), target: '0', ok: l.errors === 0 },
    { benchmark, measure: 'server CPU (cores)', value: num(l.serverCores, 2) },
    { benchmark, measure: 'bytes/response gzip', value: m.gzipBytes === undefined ? 'n/a' : `${bytesHuman(m.gzipBytes)}${m.compressed ? '' : ' (not compressed)'}` },
    { benchmark, measure: 'bytes/response raw', value: m.rawBytes === undefined ? 'n/a' : bytesHuman(m.rawBytes) },
  );
  return rows;
}

/** Measures every endpoint in turn for `seconds` each; the server is stopped at the end. */
export async function benchApi(root: string, seconds: number, log: (line: string) => void): Promise<ResultRow[]> {
  const server = await startServer(root);
  log(`api: server on ${server.base} (pid ${server.pid})`);
  if (!BODIES_SKIPPED) log('api: warning: autocannon accumulates response bodies; large answers may be client-bound');
  const measured: Measured[] = [];
  try {
    for (const ep of API_ENDPOINTS) {
      const url = `${server.base}${ep.path}`;
      const warm = await getRaw(url, GZIP);
      if (warm.status === 404 && 'optional' in ep) {
        log(`api: ${ep.path} answers 404, reported as missing`);
        measured.push({ name: ep.name, path: ep.path, missing: true });
        continue;
      }
      if (warm.status !== 200) throw new Error(`warm-up ${ep.path} answered ${warm.status}: ${warm.body.toString('utf8').slice(0, 300)}`);
      const rawBytes = (await getRaw(url, { 'accept-encoding': 'identity' })).bytes;
      log(`api: ${ep.path} (${seconds} s, ${API_CONNECTIONS} connections)`);
      const load = await runLoad({ base: server.base, requests: [{ path: ep.path }], connections: API_CONNECTIONS, seconds, headers: GZIP, serverPid: server.pid });
      log(`api:   ${num(load.perSecond)} req/s, p50 ${millis(load.p50)}, p99 ${millis(load.p99)}, non-2xx ${load.non2xx}, errors ${load.errors}, CPU server ${num(load.serverCores, 2)} / bench ${num(load.clientCores, 2)} cores`);
      measured.push({ name: ep.name, path: ep.path, load, gzipBytes: warm.bytes, compressed: warm.encoding === 'gzip', rawBytes });
    }
  } finally {
    await server.stop();
  }
  const health = measured.find((m) => m.name === 'health')?.load;
  return measured.flatMap((m) => rowsOf(m, health));
}
