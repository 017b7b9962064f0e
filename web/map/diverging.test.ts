import { describe, expect, it } from 'vitest';
import { centrePosition, divergingPositions } from './diverging.ts';

const round = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);

describe('centrePosition', () => {
  it('finds the class holding the reference, or the threshold it sits on', () => {
    expect(centrePosition([10, 20, 30], 15)).toEqual({ kind: 'inside', index: 1 });
    expect(centrePosition([10, 20, 30], 5)).toEqual({ kind: 'inside', index: 0 });
    expect(centrePosition([10, 20, 30], 99)).toEqual({ kind: 'inside', index: 3 });
    expect(centrePosition([10, 20, 30], 20)).toEqual({ kind: 'boundary', index: 2 });
  });
});

describe('divergingPositions', () => {
  it('is symmetric around a middle centre class', () => {
    expect(round(divergingPositions(5, { kind: 'inside', index: 2 }))).toEqual([0.06, 0.28, 0.5, 0.72, 0.94]);
  });

  it('steps by the same amount on both sides of an off-centre class', () => {
    // one class below, three above: the low side stops at 1/3 of the way to the end
    expect(round(divergingPositions(5, { kind: 'inside', index: 1 }))).toEqual([0.353, 0.5, 0.647, 0.793, 0.94]);
  });

  it('has no neutral class when the reference is a threshold', () => {
    expect(round(divergingPositions(4, { kind: 'boundary', index: 2 }))).toEqual([0.06, 0.28, 0.72, 0.94]);
  });

  it('handles one class and references outside the data', () => {
    expect(divergingPositions(1, { kind: 'inside', index: 0 })).toEqual([0.5]);
    expect(round(divergingPositions(3, { kind: 'boundary', index: 0 }))).toEqual([0.647, 0.793, 0.94]);
  });
});
