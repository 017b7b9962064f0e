import { describe, expect, it } from 'vitest';
import { applyColors, applyDiff, colorsByCode, diffColors, type FeatureStateTarget } from './featureState.ts';
import { NO_DATA_COLOR } from './palette.ts';

describe('colorsByCode', () => {
  it('gives each code its class colour, and the no-data colour without a value', () => {
    const values = [
      { code: 'a', value: 1 },
      { code: 'b', value: 5 },
      { code: 'c', value: 9 },
      { code: 'd', value: null },
    ];
    expect([...colorsByCode(values, [4, 8], ['#111111', '#222222', '#333333'])]).toEqual([
      ['a', '#111111'],
      ['b', '#222222'],
      ['c', '#333333'],
      ['d', NO_DATA_COLOR],
    ]);
  });
});

describe('diffColors', () => {
  it('sends only changed colours and removes codes that left the selection', () => {
    const prev = new Map([['a', '#111111'], ['b', '#222222'], ['gone', '#333333']]);
    const next = new Map([['a', '#111111'], ['b', '#333333'], ['new', '#444444']]);
    expect(diffColors(prev, next)).toEqual({ set: [['b', '#333333'], ['new', '#444444']], remove: ['gone'] });
    expect(diffColors(next, next)).toEqual({ set: [], remove: [] });
  });

  it('stays linear for all France’s communes', () => {
    const codes = Array.from({ length: 35_000 }, (_, i) => String(i).padStart(5, '0'));
    const prev = new Map(codes.map((c, i) => [c, i % 2 ? '#000000' : '#ffffff']));
    const next = new Map(codes.map((c) => [c, '#ffffff']));
    const t0 = performance.now();
    const diff = diffColors(prev, next);
    expect(diff.set).toHaveLength(17_500);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('applyDiff', () => {
  it('sets and removes feature-state on the vector source and its layer', () => {
    const calls: unknown[] = [];
    const map: FeatureStateTarget = {
      setFeatureState: (f, s) => calls.push(['set', f, s]),
      removeFeatureState: (f, k) => calls.push(['remove', f, k]),
    };
    applyDiff(map, 'commune', 'color', { set: [['15014', '#123456']], remove: ['63113'] });
    expect(calls).toEqual([
      ['set', { source: 'commune', sourceLayer: 'commune', id: '15014' }, { color: '#123456' }],
      ['remove', { source: 'commune', sourceLayer: 'commune', id: '63113' }, 'color'],
    ]);
  });
});

describe('applyColors', () => {
  const recorder = () => {
    const calls: [string, string, unknown][] = [];
    const map: FeatureStateTarget = {
      setFeatureState: (f, s) => calls.push(['set', f.id, { ...s }]),
      removeFeatureState: (f, k) => calls.push(['remove', f.id, k]),
    };
    return { calls, map };
  };
  const colors = ['#111111', '#222222', '#333333'];

  it('sends every colour first, then only the changes, and removes codes that left', () => {
    const { calls, map } = recorder();
    const applied = new Map<string, string>();
    const first = [{ code: 'a', value: 1 }, { code: 'b', value: 5 }, { code: 'gone', value: null }];
    expect(applyColors(map, 'commune', 'color', applied, first, [4, 8], colors)).toBe(3);
    expect(calls).toEqual([
      ['set', 'a', { color: '#111111' }],
      ['set', 'b', { color: '#222222' }],
      ['set', 'gone', { color: NO_DATA_COLOR }],
    ]);
    calls.length = 0;
    const next = [{ code: 'a', value: 2 }, { code: 'b', value: 9 }, { code: 'new', value: 5 }];
    expect(applyColors(map, 'commune', 'color', applied, next, [4, 8], colors)).toBe(3);
    expect(calls).toEqual([
      ['set', 'b', { color: '#333333' }],
      ['set', 'new', { color: '#222222' }],
      ['remove', 'gone', 'color'],
    ]);
    expect([...applied]).toEqual([['a', '#111111'], ['b', '#333333'], ['new', '#222222']]);
    calls.length = 0;
    expect(applyColors(map, 'commune', 'color', applied, next, [4, 8], colors)).toBe(0);
    expect(calls).toEqual([]);
  });

  it('gives the same colours as colorsByCode + diffColors', () => {
    const values = Array.from({ length: 2000 }, (_, i) => ({ code: String(i).padStart(5, '0'), value: i % 7 ? (i * 37) % 100 : null }));
    const { map } = recorder();
    const applied = new Map<string, string>();
    applyColors(map, 'commune', 'color', applied, values, [20, 50, 80], [...colors, '#444444']);
    expect(applied).toEqual(colorsByCode(values, [20, 50, 80], [...colors, '#444444']));
  });
});
