/**
 * Plain HTTP helpers for the benchmark (loopback only): a free port, one GET that counts the
 * bytes on the wire without decoding them (so gzip sizes are real), and waiting for a server.
 */
import http from 'node:http';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** What one GET returned: status, body bytes as sent (compressed or not) and the encoding. */
export interface Fetched {
  status: number;
  bytes: number;
  encoding: string;
  body: Buffer;
}

/** One GET of `url`, body kept as raw bytes (never decompressed); rejects after `timeoutMs`. */
export function getRaw(url: string, headers: http.OutgoingHttpHeaders = {}, timeoutMs = 30_000): Promise<Fetched> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') return Promise.reject(new Error(`bench only requests 127.0.0.1, not ${u.hostname}`));
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Polls `url` until it answers 200, the `alive` check fails, or `timeoutMs` passes (bounded). */
export async function waitFor200(url: string, alive: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < until) {
    if (!alive()) throw new Error(`server exited before ${url} answered`);
    try {
      const r = await getRaw(url, {}, 2000);
      if (r.status === 200) return;
      last = `status ${r.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}
