/**
 * `/api/map?format=columns` back to rows: the answer for all France's communes holds one array
 * per field (half the JSON of one object per commune, and arrays of plain numbers and strings
 * parse several times faster), and the page works on one object per territory.
 */
import type { MapResponse, MapValue } from './types.ts';

/** The columnar answer: `columns` instead of `values`. */
export type MapColumnsResponse = Omit<MapResponse, 'values'> & { columns: Partial<Record<keyof MapValue, unknown[]>> };

/** The answer with its values as rows (no column: no territory). */
export function withRows({ columns, ...rest }: MapColumnsResponse): MapResponse {
  const keys = Object.keys(columns) as (keyof MapValue)[];
  const length = columns.code?.length ?? 0;
  const values: MapValue[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const row: Record<string, unknown> = {};
    for (const k of keys) row[k] = columns[k]?.[i];
    values[i] = row as unknown as MapValue;
  }
  return { ...rest, values };
}
