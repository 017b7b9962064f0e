/**
 * Equity section: the time of a full `/api/equity` block (SQL reads, every measure for every year,
 * Moran's I and LISA with 999 permutations, JSON) in-process over the built warehouse, each run on
 * a fresh app so no cache answers. Targets from issue #5: the communes of the académie de
 * Clermont-Ferrand under 1 s, all communes of France under 10 s. Also reported: the split between
 * SQL and computation, and the longest event-loop stall during a France-wide request (the
 * permutation loops yield every few thousand units so the server keeps answering).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../server/app.ts';
import { openWarehouse, type Warehouse } from '../server/db/warehouse.ts';
import { equityBlock } from '../server/equity/block.ts';
import { equityQuery, loadInput, planOf } from '../server/routes/equity.ts';
import { latencySummary } from './stats.ts';
import { millis, num, type ResultRow } from './table.ts';

/**
 * thd_share (per school, 7 years) exists in the communes that have a school (≈ 17,700 for
 * France); ftth_share (per commune, 1 year) in every commune with a polygon (≈ 34,900).
 */
const CASES = [
  { name: 'communes of académie 06 (thd_share)', url: '/api/equity?indicator=thd_share&year=2025&within=academie:06&by=commune', runs: 5, targetMs: 1000 },
  { name: 'communes of académie 06 (ftth_share)', url: '/api/equity?indicator=ftth_share&within=academie:06&by=commune', runs: 5, targetMs: 1000 },
  { name: 'communes of France (thd_share)', url: '/api/equity?indicator=thd_share&year=2025&by=commune', runs: 3, targetMs: 10_000 },
  { name: 'all communes of France (ftth_share)', url: '/api/equity?indicator=ftth_share&by=commune', runs: 3, targetMs: 10_000 },
  { name: 'schools of France (thd_share)', url: '/api/equity?indicator=thd_share&year=2025&by=school', runs: 2, targetMs: undefined },
] as const;

async function timeRequest(db: Warehouse, url: string): Promise<{ ms: number; body: Record<string, unknown>; stallMs: number }> {
  const app = createApp({ db, log: () => {} });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const t0 = performance.now();
  const res = await app.request(url);
  const body = (await res.json()) as Record<string, unknown>;
  const ms = performance.now() - t0;
  delay.disable();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body, stallMs: delay.max / 1e6 };
}

/** Splits one run into SQL reads and computation (same plan as the route). */
async function split(db: Warehouse, url: string): Promise<{ sqlMs: number; computeMs: number }> {
  const q = equityQuery.parse(Object.fromEntries(new URL(url, 'http://x').searchParams));
  const plan = planOf(q);
  const t0 = performance.now();
  const input = await loadInput(db, plan);
  const t1 = performance.now();
  await equityBlock(input);
  return { sqlMs: t1 - t0, computeMs: performance.now() - t1 };
}

/** Runs every case; the warehouse must have been built (`npm run data:build`). */
export async function benchEquity(root: string, log: (line: string) => void): Promise<ResultRow[]> {
  const dir = path.join(root, 'data', 'warehouse');
  if (!existsSync(path.join(dir, 'warehouse.duckdb'))) throw new Error('no warehouse: run `npm run data:build` first');
  const db = await openWarehouse(dir);
  const rows: ResultRow[] = [];
  try {
    for (const c of CASES) {
      const benchmark = `equity ${c.name}`;
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof timeRequest>> | undefined;
      for (let r = 0; r < c.runs; r++) {
        last = await timeRequest(db, c.url);
        times.push(last.ms);
        log(`equity: ${c.name} run ${r + 1}/${c.runs}: ${last.ms.toFixed(0)} ms`);
      }
      const { sqlMs, computeMs } = await split(db, c.url);
      const worst = Math.max(...times);
      const body = last?.body as { units: number; spatial: { units: number; lisa: { clusters: unknown[] } | null; moran: { permutations: number } | null } };
      rows.push(
        { benchmark, measure: `full block, ${body.spatial.moran?.permutations ?? 0} permutations (median of ${c.runs})`, value: millis(latencySummary(times).p50) },
        c.targetMs === undefined
          ? { benchmark, measure: 'full block, slowest run', value: millis(worst) }
          : { benchmark, measure: 'full block, slowest run', value: millis(worst), target: `< ${millis(c.targetMs)}`, ok: worst < c.targetMs },
        { benchmark, measure: 'of which SQL reads / computation', value: `${millis(sqlMs)} / ${millis(computeMs)}` },
        { benchmark, measure: 'units (spatial units), significant LISA', value: `${num(body.units)} (${num(body.spatial.units)}), ${num(body.spatial.lisa?.clusters.length ?? 0)}` },
        { benchmark, measure: 'longest event-loop stall', value: millis(last?.stallMs) },
      );
    }
  } finally {
    db.close();
  }
  return rows;
}
