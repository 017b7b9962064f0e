/**
 * `/api/map?format=columns` back to rows: the answer for all France's communes holds one array
 * per field (half the JSON of one object per commune, and arrays of plain numbers and strings
 * parse several times faster), and the page works on one object per territory.
 */
import type { MapResponse, MapValue } from './types.ts';

/** The columnar answer: `columns` instead of `values`. */
export type MapColumnsResponse = Omit<MapResponse, 'values'> & { columns: Partial<Record<string, unknown[]>> };

/** The fields every row has, written as one object literal (one shape: ~35,000 rows built fast). */
const FIELDS = ['code', 'value', 'n', 'low_n', 'num', 'den'] as const;

/** The answer with its values as rows (no column: no territory). */
export function withRows({ columns, ...rest }: MapColumnsResponse): MapResponse {
  const { code = [], value = [], n = [], low_n: lowN = [], num = [], den = [] } = columns;
  const extra = Object.keys(columns).filter((k) => !(FIELDS as readonly string[]).includes(k));
  const values: MapValue[] = new Array(code.length);
  for (let i = 0; i < code.length; i++) {
    const row = { code: code[i], value: value[i], n: n[i], low_n: lowN[i], num: num[i], den: den[i] } as MapValue & Record<string, unknown>;
    for (const k of extra) row[k] = columns[k]?.[i];
    values[i] = row;
  }
  return { ...rest, values };
}
