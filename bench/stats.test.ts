// Unit tests of the benchmark's pure statistics, options and RSS sample lookup.
import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.ts';
import { sampleAt } from './proc.ts';
import { growth, latencySummary, percentileSorted } from './stats.ts';

describe('statistics', () => {
  it('percentiles by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileSorted(xs, 50)).toBe(50);
    expect(percentileSorted(xs, 99)).toBe(99);
    expect(percentileSorted(xs, 100)).toBe(100);
    expect(percentileSorted([7], 99)).toBe(7);
    expect(percentileSorted([], 50)).toBeNaN();
  });

  it('latencySummary sorts numerically without touching its input', () => {
    const xs = [10, 2, 1.5, 30, 4];
    expect(latencySummary(xs)).toEqual({ p50: 4, p99: 30, count: 5 });
    expect(xs).toEqual([10, 2, 1.5, 30, 4]);
  });

  it('growth', () => {
    expect(growth(100, 110)).toBeCloseTo(0.1);
    expect(growth(0, 5)).toBeNaN();
  });

  it('sampleAt picks the sample closest in time', () => {
    const s = [{ t: 0, bytes: 1 }, { t: 9.98, bytes: 2 }, { t: 11, bytes: 3 }];
    expect(sampleAt(s, 10)?.bytes).toBe(2);
    expect(sampleAt([], 10)).toBeUndefined();
  });
});

describe('parseOptions', () => {
  it('defaults to every section, 10 s per API endpoint and a 60 s soak', () => {
    expect(parseOptions({})).toEqual({ sections: ['build', 'api', 'soak', 'map', 'equity', 'import', 'embed'], apiSeconds: 10, soakSeconds: 60, mapRuns: 3, strict: false });
  });

  it('selects sections in run order and reads the durations', () => {
    const o = parseOptions({ BENCH_ONLY: 'soak, api', BENCH_SOAK_SECONDS: '15', BENCH_API_SECONDS: '3', BENCH_STRICT: '1' });
    expect(o).toEqual({ sections: ['api', 'soak'], apiSeconds: 3, soakSeconds: 15, mapRuns: 3, strict: true });
  });

  it('rejects unknown sections and unbounded durations', () => {
    expect(() => parseOptions({ BENCH_ONLY: 'web' })).toThrow(/unknown section/);
    expect(() => parseOptions({ BENCH_SOAK_SECONDS: '0' })).toThrow(/between 1 and/);
    expect(() => parseOptions({ BENCH_SOAK_SECONDS: 'lots' })).toThrow(/between 1 and/);
  });
});
