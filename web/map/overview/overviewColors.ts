/**
 * The overview's colour lookup table: one RGBA texel per commune number (0 = no commune, never
 * drawn), 256 texels per row. The same rule as the vector fill (featureState.ts): a commune among
 * the values gets its class colour, or the no-data colour without a value; a commune outside the
 * values (outside the drilled territory) gets the "outside" fill. Pure, so it is unit-tested.
 */
import { rgb } from 'd3';
import type { MapValue } from '../../api/types.ts';
import { classIndex, hasValue } from '../classify.ts';
import { OUTSIDE_COLOR } from '../layers.ts';
import { NO_DATA_COLOR } from '../palette.ts';

export const LUT_WIDTH = 256;

/** The départements' borders drawn by the overview: MapLibre's context line of the commune level (layers.ts). */
export const BORDER_COLOR = '#4b5563';

/** A colour lookup table for `count` communes (numbers 1…count). */
export interface ColorTable {
  width: number;
  height: number;
  /** RGBA bytes, texel i = commune number i */
  rgba: Uint8Array;
}

/** An opaque colour as the 32-bit word whose bytes in memory are R, G, B, A (whatever the platform's byte order). */
function packed(color: string): number {
  const c = rgb(color);
  const bytes = new Uint8Array([Math.round(c.r), Math.round(c.g), Math.round(c.b), 255]);
  return new Uint32Array(bytes.buffer)[0] as number;
}

/** The département of a commune code (`15014` → `15`, `2A004` → `2A`, `97411` → `974`). */
export const departementOf = (code: string): string => code.slice(0, code.startsWith('97') ? 3 : 2);

/**
 * One byte per commune number (256 per row, as the colour table): a number for its département
 * (1…255 in order of appearance, 0 for "no commune"), so the overview draws the départements'
 * borders where two neighbouring pixels differ.
 */
export interface DepartementTable {
  width: number;
  height: number;
  bytes: Uint8Array;
}

export function departementTable(codes: readonly string[]): DepartementTable {
  const height = Math.ceil((codes.length + 1) / LUT_WIDTH);
  const bytes = new Uint8Array(LUT_WIDTH * height);
  const numbers = new Map<string, number>();
  codes.forEach((code, i) => {
    const d = departementOf(code);
    let n = numbers.get(d);
    if (n === undefined) numbers.set(d, (n = numbers.size + 1));
    if (n > 255) throw new Error(`overview: more than 255 départements (${d})`);
    bytes[i + 1] = n;
  });
  return { width: LUT_WIDTH, height, bytes };
}

/** The rasters' communes: `codes[i - 1]` is commune number i, `idOf` the reverse. */
export interface CommuneNumbers {
  codes: readonly string[];
  idOf: ReadonlyMap<string, number>;
}

/** The lookup table colouring `values` (by code, through `communes`) with `colors` at `thresholds`. */
export function colorTable(
  communes: CommuneNumbers,
  values: readonly Pick<MapValue, 'code' | 'value'>[],
  thresholds: readonly number[],
  colors: readonly string[],
): ColorTable {
  const { codes, idOf } = communes;
  const count = codes.length;
  const height = Math.ceil((count + 1) / LUT_WIDTH);
  const rgba = new Uint8Array(LUT_WIDTH * height * 4);
  // one 32-bit word per commune: each colour packed once, then one write per commune
  const words = new Uint32Array(rgba.buffer);
  words.fill(packed(OUTSIDE_COLOR), 1, count + 1);
  const classWords = colors.map(packed);
  const noData = packed(NO_DATA_COLOR);
  // the API's values and the rasters' codes are both in code order: the next value's commune is
  // most often the one after the last, found without a lookup (~35,000 lookups otherwise)
  let next = 0;
  for (const v of values) {
    const id = codes[next] === v.code ? next + 1 : idOf.get(v.code);
    if (id === undefined) continue;
    next = id;
    words[id] = (hasValue(v.value) ? classWords[classIndex(thresholds, v.value)] : undefined) ?? noData;
  }
  return { width: LUT_WIDTH, height, rgba };
}
