import { describe, expect, it } from 'vitest';
import { applyDiff, colorsByCode, diffColors, type FeatureStateTarget } from './featureState.ts';
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
