/**
 * Benchmark options from the environment: `BENCH_ONLY=build,api,soak,map,equity,import,embed` selects sections,
 * `BENCH_API_SECONDS` (default 10) and `BENCH_SOAK_SECONDS` (default 60) bound each run,
 * `BENCH_MAP_RUNS` (default 3) is the number of measured page loads of the map and embed sections,
 * `BENCH_STRICT=1` makes a missed target exit non-zero. Pure, so it is unit-tested.
 */

/** The sections of `npm run bench`, in the order they run. */
export const SECTIONS = ['build', 'api', 'soak', 'map', 'equity', 'import', 'embed'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Section[];
  /** seconds of load per API endpoint */
  apiSeconds: number;
  /** seconds of the mixed soak */
  soakSeconds: number;
  /** measured page loads per page in the map section */
  mapRuns: number;
  /** exit 1 when a target is missed (a crashed section always exits 1) */
  strict: boolean;
}

/** Upper bound of any timed run, so a typo cannot start an hour-long load. */
export const MAX_SECONDS = 1800;

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1 || n > MAX_SECONDS) {
    throw new Error(`${name} must be a number of seconds between 1 and ${MAX_SECONDS}, got "${raw}"`);
  }
  return Math.round(n);
}

/** BENCH_MAP_RUNS: a whole number of page loads from 1 to 20 (default 3). */
function runs(raw: string | undefined): number {
  const text = raw?.trim();
  if (!text) return 3;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error(`BENCH_MAP_RUNS must be a whole number from 1 to 20, got "${text}"`);
  return n;
}

/** Reads the options; throws with a clear message on an unknown section or a bad number. */
export function parseOptions(env: NodeJS.ProcessEnv): BenchOptions {
  const only = env.BENCH_ONLY?.trim();
  let sections: Section[] = [...SECTIONS];
  if (only) {
    const asked = only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length) throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; use ${SECTIONS.join(',')}`);
    sections = SECTIONS.filter((s) => asked.includes(s));
  }
  return {
    sections,
    apiSeconds: seconds(env, 'BENCH_API_SECONDS', 10),
    soakSeconds: seconds(env, 'BENCH_SOAK_SECONDS', 60),
    mapRuns: runs(env.BENCH_MAP_RUNS),
    strict: env.BENCH_STRICT === '1' || env.BENCH_STRICT === 'true',
  };
}
