/**
 * The real server for the API and soak benchmarks: `node --import tsx server/index.ts` on a
 * free loopback port, in its own process group, ready once `/api/health` answers 200.
 */
import path from 'node:path';
import { startChild, type Child } from './child.ts';
import { freePort, waitFor200 } from './http.ts';

/** A running server: its base URL (`http://127.0.0.1:<port>`) and the node process. */
export interface BenchServer {
  base: string;
  pid: number;
  tail(): string;
  stop(): Promise<void>;
}

/** Starts the server from `root` over the published warehouse and waits until it is healthy. */
export async function startServer(root: string): Promise<BenchServer> {
  const port = await freePort();
  const child: Child = startChild(process.execPath, ['--import', 'tsx', path.join('server', 'index.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
  });
  let alive = true;
  void child.exited.then(() => (alive = false));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${base}/api/health`, () => alive);
  } catch (err) {
    await child.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- server output ---\n${child.tail()}`, { cause: err });
  }
  return { base, pid: child.pid, tail: child.tail, stop: () => child.stop() };
}
