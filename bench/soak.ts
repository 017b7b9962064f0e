/**
 * Soak section: a fresh server under 100 connections for BENCH_SOAK_SECONDS over a mix of
 * endpoints (bad requests included, which must answer 400), sampling the server's RSS every
 * second. Reports the traffic, the errors and whether memory is stable after the first 10 s.
 */
import { getRaw } from './http.ts';
import { runLoad, type LoadRequest } from './load.ts';
import { sampleAt, sampleRss } from './proc.ts';
import { startServer } from './server.ts';
import { growth } from './stats.ts';
import { megabytes, millis, num, type ResultRow } from './table.ts';

/** Concurrent connections of the soak. */
export const SOAK_CONNECTIONS = 100;
const TARGET_GROWTH = 0.2;

/** The mix: every valid request must answer 2xx, every `expect: 400` one exactly 400. */
export const SOAK_MIX: readonly LoadRequest[] = [
  { path: '/api/health' },
  { path: '/api/indicators' },
  { path: '/api/map?indicator=ips&level=region&year=2022' },
  { path: '/api/map?indicator=ips&level=academie&year=2021' },
  { path: '/api/map?indicator=ips&level=departement&year=2022' },
  { path: '/api/map?indicator=thd_share&level=departement&year=2019' },
  { path: '/api/map?indicator=thd_share&level=commune&year=2025' },
  { path: '/api/map?indicator=pupils_per_device&level=commune&year=2023&within=departement:63' },
  { path: '/api/map?indicator=ftth_share&level=commune' },
  { path: '/api/map?indicator=population&level=departement' },
  { path: '/api/map?indicator=ent_active_share&level=academie&year=2024' },
  { path: '/api/map?indicator=nope&level=region', expect: 400 },
  { path: '/api/map?indicator=ips&level=planet', expect: 400 },
  { path: '/api/map?indicator=ips&level=region&year=1900', expect: 400 },
  { path: '/api/map?indicator=ips&level=region&within=departement:63', expect: 400 },
];
const SCHOOLS = '/api/schools?indicator=ips&year=2022';

/** Runs the soak for `seconds`; the server is stopped at the end. */
export async function benchSoak(root: string, seconds: number, log: (line: string) => void): Promise<ResultRow[]> {
  const server = await startServer(root);
  const bench = 'soak';
  try {
    const mix = [...SOAK_MIX];
    const schools = await getRaw(`${server.base}${SCHOOLS}`, { 'accept-encoding': 'gzip' });
    if (schools.status === 200) mix.push({ path: SCHOOLS });
    log(`soak: server on ${server.base} (pid ${server.pid}), ${mix.length} URLs${schools.status === 200 ? '' : ' (no /api/schools yet)'}`);
    for (const r of mix) await getRaw(`${server.base}${r.path}`, { 'accept-encoding': 'gzip' }); // warm-up, statuses checked under load
    const sampler = sampleRss(server.pid, 1000);
    log(`soak: ${seconds} s at ${SOAK_CONNECTIONS} connections`);
    const load = await runLoad({ base: server.base, requests: mix, connections: SOAK_CONNECTIONS, seconds, headers: { 'accept-encoding': 'gzip' }, serverPid: server.pid });
    const samples = sampler.stop();
    const mark = Math.min(10, Math.floor(seconds / 2));
    const start = samples[0]?.bytes ?? Number.NaN;
    const atMark = sampleAt(samples, mark)?.bytes ?? Number.NaN;
    const end = samples.at(-1)?.bytes ?? Number.NaN;
    const peak = Math.max(...samples.map((s) => s.bytes));
    const g = growth(atMark, end);
    const errors = load.unexpected + load.errors;
    if (load.examples.length) log(`soak: unexpected answers, e.g. ${load.examples.join('; ')}`);
    log(`soak: ${num(load.requests)} requests, ${errors} errors, RSS ${megabytes(start)} → ${megabytes(atMark)} → ${megabytes(end)}`);
    return [
      { benchmark: bench, measure: 'requests (total)', value: num(load.requests) },
      { benchmark: bench, measure: 'requests/s', value: num(load.perSecond) },
      { benchmark: bench, measure: 'p99 latency (2xx)', value: millis(load.p99) },
      { benchmark: bench, measure: 'expected 400s', value: num(load.expected) },
      { benchmark: bench, measure: 'server CPU (cores)', value: num(load.serverCores, 2) },
      { benchmark: bench, measure: 'errors (unexpected status, socket)', value: num(errors), target: '0', ok: errors === 0 },
      { benchmark: bench, measure: 'server RSS at start', value: megabytes(start) },
      { benchmark: bench, measure: `server RSS after ${mark} s`, value: megabytes(atMark) },
      { benchmark: bench, measure: 'server RSS at end', value: megabytes(end) },
      { benchmark: bench, measure: 'server RSS peak', value: megabytes(peak) },
      {
        benchmark: bench,
        measure: `RSS growth ${mark} s → end`,
        value: Number.isFinite(g) ? `${g >= 0 ? '+' : ''}${num(g * 100, 1)} %` : 'n/a',
        target: `< ${TARGET_GROWTH * 100} %`,
        ...(Number.isFinite(g) ? { ok: g < TARGET_GROWTH } : {}),
      },
    ];
  } finally {
    await server.stop();
  }
}
