/**
 * One bounded autocannon run (programmatic API) against the loopback server, with our own
 * latency samples (sub-millisecond; autocannon's histogram keeps whole milliseconds) and a
 * per-request check of the expected status, so deliberate 400s are not counted as errors.
 * Responses still in flight when the time is up are not counted (autocannon drops them).
 */
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { cpuSeconds } from './proc.ts';
import { latencySummary } from './stats.ts';

/**
 * autocannon 8 appends every response body to a string (`body += chunk`, a UTF-8 decode) even
 * when nothing reads it; for the 0.4–5 MB map and schools answers that costs the load generator
 * a full core and caps the run near 160 req/s while the server idles at 10 % CPU. Nothing here
 * reads bodies (statuses only), so the accumulation is switched off once, for this process.
 */
function skipBodyAccumulation(): boolean {
  try {
    const queue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype?: { addBody?: unknown } };
    if (typeof queue.prototype?.addBody !== 'function') return false;
    queue.prototype.addBody = () => {};
    return true;
  } catch {
    return false;
  }
}
/** Whether response bodies are skipped (false would mean the client may be the bottleneck). */
export const BODIES_SKIPPED = skipBodyAccumulation();

/** One request of the mix and the status it must answer (default: any 2xx). */
export interface LoadRequest {
  path: string;
  expect?: number;
}

export interface LoadOptions {
  /** `http://127.0.0.1:<port>` */
  base: string;
  requests: readonly LoadRequest[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** the server's pid, to report its CPU use during the run */
  serverPid?: number;
}

/** What a run measured. Latencies (ms) are those of the 2xx responses, as autocannon's. */
export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** responses that are not 2xx (expected ones included) */
  non2xx: number;
  /** responses with the status they were expected to have when that is not 2xx (e.g. 400) */
  expected: number;
  /** responses whose status was not the expected one */
  unexpected: number;
  /** socket errors and timeouts */
  errors: number;
  /** a few unexpected answers, `status path`, for the log */
  examples: string[];
  /** mean cores busy during the run: the server (NaN without `serverPid`) and this process */
  serverCores: number;
  clientCores: number;
}

const okStatus = (status: number, expect: number | undefined) => (expect === undefined ? status >= 200 && status < 300 : status === expect);

/** Runs the mix for `seconds` with `connections` keep-alive connections; bounded by time. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  if (!opts.base.startsWith('http://127.0.0.1:')) throw new Error(`bench only loads 127.0.0.1, not ${opts.base}`);
  const latencies: number[] = [];
  const examples = new Set<string>();
  let expected = 0;
  let unexpected = 0;
  const requests: autocannon.Request[] = opts.requests.map((r) => ({
    method: 'GET',
    path: r.path,
    onResponse: (status: number) => {
      if (!okStatus(status, r.expect)) {
        unexpected++;
        if (examples.size < 5) examples.add(`${status} ${r.path}`);
      } else if (r.expect !== undefined && (status < 200 || status >= 300)) expected++;
    },
  }));
  // every connection walks the mix from a different offset, so the mix is even from the start
  let clients = 0;
  const setupClient = (client: autocannon.Client) => {
    const k = clients++ % requests.length;
    if (k) client.setRequests([...requests.slice(k), ...requests.slice(0, k)]);
  };
  const cpu0 = { server: opts.serverPid ? cpuSeconds(opts.serverPid) : null, client: cpuSeconds('self'), t: performance.now() };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: opts.base, connections: opts.connections, duration: opts.seconds, timeout: 30, headers: opts.headers ?? {}, requests, setupClient },
      (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300 && latencies.length < 5_000_000) latencies.push(responseTime);
    });
  });
  const wall = (performance.now() - cpu0.t) / 1000;
  const cores = (before: number | null, after: number | null) => (before === null || after === null ? Number.NaN : (after - before) / wall);
  const serverCores = cores(cpu0.server, opts.serverPid ? cpuSeconds(opts.serverPid) : null);
  const clientCores = cores(cpu0.client, cpuSeconds('self'));
  const { p50, p99 } = latencySummary(latencies);
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requests: total,
    perSecond: total / Math.max(result.duration, 1e-9),
    p50,
    p99,
    non2xx: result.non2xx,
    expected,
    unexpected,
    errors: result.errors,
    examples: [...examples],
    serverCores,
    clientCores,
  };
}
