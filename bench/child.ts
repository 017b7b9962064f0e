/**
 * Child processes of the benchmark (the data build, the server): each runs in its own process
 * group so the whole group can be ended, keeps only the tail of its output for error messages,
 * and is killed if the benchmark itself exits or is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A spawned process group with the tail of its output. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  /** the last lines of stdout and stderr together */
  tail(): string;
  /** resolves with the exit code (or the signal name) once the process has exited */
  exited: Promise<number | string>;
  /** ends the process group: SIGTERM, then SIGKILL after `graceMs` */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();
let hooked = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of live) killGroup(pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const pid of live) killGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** Starts `command args` in `cwd` as the leader of a new process group. */
export function startChild(command: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; tailBytes?: number }): Child {
  hookExit();
  const proc = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = proc.pid;
  live.add(pid);
  const max = opts.tailBytes ?? 16_384;
  let buf = '';
  const keep = (chunk: Buffer) => {
    buf = (buf + chunk.toString('utf8')).slice(-max);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => {
      live.delete(pid);
      resolve(code ?? signal ?? 'unknown');
    });
    proc.once('error', (err) => {
      live.delete(pid);
      keep(Buffer.from(`\n${err.message}\n`));
      resolve('spawn error');
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    proc,
    pid,
    tail: () => buf,
    exited,
    async stop(graceMs = 5000) {
      if (done) return;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      killGroup(pid, 'SIGKILL'); // leftovers of the group, if any
    },
  };
}
