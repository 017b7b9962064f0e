/**
 * Pure logic of the territory table: sorting (nulls always last, ties by name), the window of
 * rows to render for a scroll position (the table draws only the rows in view, so all
 * ~35,000 communes stay fast), and keyboard moves in the grid.
 */
import { localeOf, type Lang } from '../i18n/index.ts';

export type SortKey = 'name' | 'code' | 'value' | 'n';
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export interface TableRow {
  code: string;
  name: string;
  value: number | null;
  n: number | null;
}

/** Clicking a column header: the same column flips, another starts (text A→Z, numbers high→low). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: key === 'name' || key === 'code' ? 'ascending' : 'descending' };
}

/** A sorted copy of `rows`; missing values go last in both directions, ties by name. */
export function sortRows<T extends TableRow>(rows: readonly T[], sort: Sort, lang: Lang): T[] {
  const collator = new Intl.Collator(localeOf(lang), { sensitivity: 'base', numeric: true });
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const byName = (a: T, b: T) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  const compare = (a: T, b: T): number => {
    if (sort.key === 'name') return sign * byName(a, b);
    if (sort.key === 'code') return sign * collator.compare(a.code, b.code);
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  };
  return [...rows].sort(compare);
}

/** Rows `[start, end)` to render for a scroll position, with `overscan` rows either side. */
export function windowRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  return { start: Math.max(0, Math.min(total, first - overscan)), end: Math.min(total, first + count + overscan) };
}

/** The scrollTop that brings row `index` fully into view below a sticky header (unchanged if it is). */
export function scrollToRow(index: number, scrollTop: number, viewport: number, rowHeight: number, header: number): number {
  const top = header + index * rowHeight;
  if (top - header < scrollTop) return Math.max(0, top - header);
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

export interface Cell {
  row: number;
  col: number;
}

/**
 * The grid cell a key moves to (WAI-ARIA grid pattern): arrows, PageUp/PageDown by `page`
 * rows, Home/End to the row's first/last cell, Ctrl+Home/End to the first/last row. Null for
 * keys the grid does not handle.
 */
export function gridMove(at: Cell, key: string, ctrl: boolean, rows: number, cols: number, page: number): Cell | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'ArrowRight':
      return { row: at.row, col: Math.min(cols - 1, at.col + 1) };
    case 'ArrowLeft':
      return { row: at.row, col: Math.max(0, at.col - 1) };
    case 'PageDown':
      return { row: clampRow(at.row + page), col: at.col };
    case 'PageUp':
      return { row: clampRow(at.row - page), col: at.col };
    case 'Home':
      return ctrl ? { row: 0, col: at.col } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: Math.max(0, rows - 1), col: at.col } : { row: at.row, col: cols - 1 };
    default:
      return null;
  }
}
