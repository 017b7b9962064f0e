import { describe, expect, it } from 'vitest';
import { gridMove, nameIndex, nextSort, scrollToRow, sortRows, sortRowsIndexed, windowRange, type Sort, type TableRow } from './table.ts';

const ROWS: TableRow[] = [
  { code: '15187', name: 'Saint-Flour', value: 102.3, n: 10 },
  { code: '15014', name: 'Aurillac', value: 106.1, n: 30 },
  { code: '15002', name: 'Alleuze', value: null, n: 0 },
  { code: '15120', name: 'Murat', value: 102.3, n: 4 },
  { code: '15003', name: 'Ally', value: 101.7, n: 1 },
];
const codes = (rows: TableRow[]) => rows.map((r) => r.code);

describe('sortRows', () => {
  it('sorts names the French way (accents and case ignored)', () => {
    const rows = [...ROWS, { code: '15099', name: 'Égliseneuve', value: 1, n: 1 }];
    expect(sortRows(rows, { key: 'name', dir: 'ascending' }, 'fr').map((r) => r.name)).toEqual([
      'Alleuze', 'Ally', 'Aurillac', 'Égliseneuve', 'Murat', 'Saint-Flour',
    ]);
  });

  it('puts missing values last both ways and breaks ties by name', () => {
    expect(codes(sortRows(ROWS, { key: 'value', dir: 'descending' }, 'fr'))).toEqual(['15014', '15120', '15187', '15003', '15002']);
    expect(codes(sortRows(ROWS, { key: 'value', dir: 'ascending' }, 'fr'))).toEqual(['15003', '15120', '15187', '15014', '15002']);
  });

  it('sorts codes and school counts, and does not mutate its input', () => {
    const before = codes(ROWS);
    expect(codes(sortRows(ROWS, { key: 'code', dir: 'descending' }, 'fr'))[0]).toBe('15187');
    expect(codes(sortRows(ROWS, { key: 'n', dir: 'descending' }, 'fr'))[0]).toBe('15014');
    expect(codes(ROWS)).toEqual(before);
  });
});

describe('sortRowsIndexed', () => {
  const rows: TableRow[] = [
    ...ROWS,
    { code: '15099', name: 'Égliseneuve', value: 101.7, n: 4 },
    { code: '2A004', name: 'Ajaccio', value: null, n: 2 },
    { code: '15010', name: 'Aurillac', value: 106.1, n: 30 }, // same name: ties by code
  ];
  const index = nameIndex(rows, 'fr');
  const sorts: Sort[] = (['name', 'code', 'value', 'n'] as const).flatMap((key) => [
    { key, dir: 'ascending' as const },
    { key, dir: 'descending' as const },
  ]);

  it('sorts exactly as sortRows does, for every column and direction', () => {
    for (const sort of sorts) expect(codes(sortRowsIndexed(rows, sort, index)), `${sort.key} ${sort.dir}`).toEqual(codes(sortRows(rows, sort, 'fr')));
  });

  it('keeps the name order for other values of the same territories, and puts unknown codes last', () => {
    const other = rows.map((r) => ({ ...r, value: r.value === null ? 1 : -r.value }));
    expect(codes(sortRowsIndexed(other, { key: 'name', dir: 'ascending' }, index))).toEqual(codes(sortRows(rows, { key: 'name', dir: 'ascending' }, 'fr')));
    const extra = [...rows, { code: '01001', name: 'Zzz', value: 1, n: 1 }];
    expect(codes(sortRowsIndexed(extra, { key: 'name', dir: 'ascending' }, index)).at(-1)).toBe('01001');
    expect(index.name.get('15099')).toBe('Égliseneuve');
  });
});

describe('nextSort', () => {
  it('flips the same column and starts numbers high to low', () => {
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'name')).toEqual({ key: 'name', dir: 'descending' });
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'value')).toEqual({ key: 'value', dir: 'descending' });
    expect(nextSort({ key: 'value', dir: 'descending' }, 'code')).toEqual({ key: 'code', dir: 'ascending' });
  });
});

describe('windowing', () => {
  it('renders only the rows in view plus an overscan', () => {
    expect(windowRange(0, 340, 34, 35_000, 5)).toEqual({ start: 0, end: 16 });
    expect(windowRange(34 * 1000, 340, 34, 35_000, 5)).toEqual({ start: 995, end: 1016 });
    expect(windowRange(34 * 40_000, 340, 34, 35_000, 5)).toEqual({ start: 35_000, end: 35_000 });
    expect(windowRange(0, 340, 34, 3, 5)).toEqual({ start: 0, end: 3 });
  });

  it('scrolls just enough to show a row under the sticky header', () => {
    expect(scrollToRow(0, 0, 300, 30, 36)).toBe(0);
    expect(scrollToRow(20, 0, 300, 30, 36)).toBe(36 + 21 * 30 - 300);
    expect(scrollToRow(2, 500, 300, 30, 36)).toBe(60);
    expect(scrollToRow(5, 100, 300, 30, 36)).toBe(100);
  });
});

describe('gridMove', () => {
  const at = { row: 5, col: 1 };
  it('follows the grid pattern keys', () => {
    expect(gridMove(at, 'ArrowDown', false, 10, 4, 8)).toEqual({ row: 6, col: 1 });
    expect(gridMove({ row: 9, col: 1 }, 'ArrowDown', false, 10, 4, 8)).toEqual({ row: 9, col: 1 });
    expect(gridMove(at, 'ArrowLeft', false, 10, 4, 8)).toEqual({ row: 5, col: 0 });
    expect(gridMove(at, 'PageDown', false, 10, 4, 8)).toEqual({ row: 9, col: 1 });
    expect(gridMove(at, 'PageUp', false, 10, 4, 8)).toEqual({ row: 0, col: 1 });
    expect(gridMove(at, 'End', false, 10, 4, 8)).toEqual({ row: 5, col: 3 });
    expect(gridMove(at, 'End', true, 10, 4, 8)).toEqual({ row: 9, col: 1 });
    expect(gridMove(at, 'Home', true, 10, 4, 8)).toEqual({ row: 0, col: 1 });
    expect(gridMove(at, 'x', false, 10, 4, 8)).toBeNull();
  });
});
