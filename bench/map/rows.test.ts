import { describe, expect, it } from 'vitest';
import type { Load } from './browser.ts';
import { mapRows, median } from './rows.ts';

const load = (readyMs: number, bytes: number, switches: number[], interactiveMs = readyMs): Load => ({
  readyMs,
  interactiveMs,
  bytes,
  bytesAtReady: bytes - 1000,
  requests: 20,
  mapSize: { width: 900, height: 600 },
  switches,
});

describe('map bench rows', () => {
  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('checks the targets and the speed-up over the baseline', () => {
    const app = { label: 'map app', fresh: 2, runs: [load(1500, 1.5e6, [150, 160, 40], 2000), load(1700, 1.6e6, [170, 180, 50], 2500)] };
    const ours = { label: 'map baseline (ours)', fresh: 1, runs: [load(9000, 4e6, [3000]), load(9500, 4e6, [3100])] };
    const published = { label: 'map baseline (published)', fresh: 1, runs: [load(6000, 5e6, [3000])] };
    const rows = mapRows(app, [ours, published]);
    const row = (measure: string) => rows.find((r) => r.measure.startsWith(measure));
    expect(row('navigation → ready')).toMatchObject({ benchmark: 'map app', value: '1 500 ms', ok: true });
    expect(row('bytes transferred (page load)')).toMatchObject({ value: '1.50 MB', ok: true });
    expect(row('indicator switch → ready (new values)')).toMatchObject({ value: '160.0 ms', ok: true });
    expect(row('indicator switch → ready (values cached)')).toMatchObject({ value: '40.0 ms' });
    expect(row('baseline ready / app ready (ours)')).toMatchObject({ value: '6.0×', ok: true });
    expect(row('baseline ready / app ready (published)')).toMatchObject({ value: '4.0×', ok: false });
    // interactive: the app's own median, the baselines' ready; reported without a target
    expect(row('navigation → interactive')).toMatchObject({ value: '2 000 ms' });
    expect(row('baseline interactive / app interactive (ours)')).toMatchObject({ value: '4.5×' });
    expect(row('baseline interactive / app interactive (ours)')?.ok).toBeUndefined();
    expect(rows.filter((r) => r.benchmark === 'map baseline (published)').map((r) => r.value)).toEqual(['6 000 ms', '5.00 MB', '3 000 ms']);
  });

  it('fails a target that is missed', () => {
    const rows = mapRows({ label: 'a', fresh: 1, runs: [load(2500, 3e6, [400])] }, [{ label: 'b', fresh: 1, runs: [load(5000, 1, [1])] }]);
    expect(rows.filter((r) => r.ok === false).map((r) => r.measure)).toEqual([
      'navigation → ready (median of 1)',
      'bytes transferred (page load)',
      'indicator switch → ready (new values)',
      'baseline ready / app ready (b)',
    ]);
  });
});
