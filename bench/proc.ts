/**
 * Memory of a process from `/proc/<pid>/status` (Linux): current (VmRSS) and peak (VmHWM)
 * resident set sizes, and a once-a-second RSS sampler for the soak.
 */
import { existsSync, readFileSync } from 'node:fs';

/** True when `/proc/<pid>/status` can be read here (Linux). */
export const HAS_PROC = existsSync('/proc/self/status');

/** A `Vm*` field of `/proc/<pid>/status` in bytes, or null when the process is gone. */
export function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return m?.[1] ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** One RSS reading, `t` in seconds since the sampler started. */
export interface RssSample {
  t: number;
  bytes: number;
}

/** Samples a process's RSS every `intervalMs` (first sample at once) until `stop()`. */
export function sampleRss(pid: number, intervalMs = 1000): { samples: RssSample[]; stop: () => RssSample[] } {
  const t0 = performance.now();
  const samples: RssSample[] = [];
  const take = () => {
    const bytes = procMemory(pid, 'VmRSS');
    if (bytes !== null) samples.push({ t: (performance.now() - t0) / 1000, bytes });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** The sample closest to `t` seconds, or undefined when there is none. */
export function sampleAt(samples: readonly RssSample[], t: number): RssSample | undefined {
  let best: RssSample | undefined;
  for (const s of samples) if (!best || Math.abs(s.t - t) < Math.abs(best.t - t)) best = s;
  return best;
}

/** CPU time (user + system) used so far by a process, in seconds, or null when it is gone. */
export function cpuSeconds(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
