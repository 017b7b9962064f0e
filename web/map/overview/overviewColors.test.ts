import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows, overviewLevelFor } from '../../../scripts/build/overview/spec.ts';
import { OUTSIDE_COLOR } from '../layers.ts';
import { NO_DATA_COLOR } from '../palette.ts';
import { colorTable, LUT_WIDTH } from './overviewColors.ts';

const hex = (rgba: Uint8Array, id: number) =>
  `#${[...rgba.subarray(id * 4, id * 4 + 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

describe('colorTable', () => {
  const codes = ['15014', '15187', '63113', '63001'];
  const idOf = new Map(codes.map((c, i) => [c, i + 1]));
  const colors = ['#ffffcc', '#41b6c4', '#253494'];

  it('gives each commune its class colour, no-data grey without a value, the outside fill when absent', () => {
    const table = colorTable({ codes, idOf }, [
      { code: '15014', value: 1 },
      { code: '15187', value: 50 },
      { code: '63113', value: null },
    ], [10, 40], colors);
    expect(table.width).toBe(LUT_WIDTH);
    expect(table.height).toBe(1);
    expect(hex(table.rgba, 1)).toBe('#ffffcc');
    expect(hex(table.rgba, 2)).toBe('#253494');
    expect(hex(table.rgba, 3)).toBe(NO_DATA_COLOR);
    expect(hex(table.rgba, 4)).toBe(OUTSIDE_COLOR);
    // every commune opaque, "no commune" (0) transparent: never drawn
    expect([1, 2, 3, 4].map((id) => table.rgba[id * 4 + 3])).toEqual([255, 255, 255, 255]);
    expect(table.rgba[3]).toBe(0);
  });

  it('colours each commune by its own value whatever the order of the values', () => {
    const values = [
      { code: '63001', value: 50 },
      { code: '15014', value: 1 },
      { code: '15187', value: 20 },
      { code: '63113', value: 45 },
    ];
    for (const list of [values, [...values].reverse(), [values[1], values[2], values[0], values[3]]]) {
      const table = colorTable({ codes, idOf }, list as typeof values, [10, 40], colors);
      expect([1, 2, 3, 4].map((id) => hex(table.rgba, id))).toEqual(['#ffffcc', '#41b6c4', '#253494', '#253494']);
    }
  });

  it('ignores codes that are not in the rasters, and grows rows of 256 communes', () => {
    const many = Array.from({ length: 600 }, (_, i) => `c${i}`);
    const table = colorTable({ codes: many, idOf: new Map(many.map((c, i) => [c, i + 1])) }, [{ code: 'unknown', value: 1 }, { code: 'c599', value: 99 }], [10], ['#000000', '#ffffff']);
    expect(table.height).toBe(3); // 601 texels (0…600)
    expect(hex(table.rgba, 600)).toBe('#ffffff');
  });
});

describe('overview raster encoding', () => {
  it('round-trips commune numbers through the row filter, including wrap-around differences', () => {
    const ids = Uint16Array.from([0, 65535, 3, 7, 65535, 0, 7, 3, 1, 1, 2, 2]);
    const bytes = encodeRows(ids, 4, 3);
    expect(bytes.length).toBe(24);
    expect([...decodeRows(bytes, 4, 3)]).toEqual([...ids]);
    expect(() => decodeRows(bytes, 5, 3)).toThrow(/24 bytes for 5×3/);
  });

  it('picks the coarsest level whose pixel is at most 1.25 device pixels', () => {
    expect(overviewLevelFor(3.2)).toBe(4);
    expect(overviewLevelFor(4)).toBe(4);
    expect(overviewLevelFor(4.4)).toBe(5);
    expect(overviewLevelFor(5.3)).toBe(5);
    expect(overviewLevelFor(5.4)).toBe(6);
    expect(overviewLevelFor(4, 2)).toBe(5);
    expect(overviewLevelFor(5.4, 2)).toBe(6);
  });
});
