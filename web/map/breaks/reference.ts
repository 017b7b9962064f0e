/**
 * The reference value a diverging palette is centred on, from /api/map rows. Every level
 * aggregates as a ratio of sums, so the value of the set of territories shown (all of France, or
 * the children of a parent) is scale × Σnum / Σden over them: exactly the parent's (or France's)
 * value, with no extra request. Indicators without a denominator (counts such as population)
 * have no comparable parent value: the mean per territory is used instead. Pure.
 */

/** The parts of an /api/map row used here. */
export interface RowSums {
  value: number | null;
  num: number | null;
  den: number | null;
}

export interface ReferenceValue {
  value: number;
  /** 'ratio': Σnum / Σden (the aggregate's own value); 'mean': unweighted mean of the rows */
  kind: 'ratio' | 'mean';
}

/** Unweighted mean of the rows' values, or null without values. */
export function meanOf(rows: readonly RowSums[]): ReferenceValue | null {
  const values = rows.map((r) => r.value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0) return null;
  return { value: values.reduce((s, v) => s + v, 0) / values.length, kind: 'mean' };
}

/**
 * The value of the whole set of rows, as the server would compute it for their parent:
 * scale × Σnum / Σden; the mean per territory for indicators without a denominator.
 */
export function aggregateOf(
  rows: readonly RowSums[],
  indicator: { scale: number; denominator: unknown },
): ReferenceValue | null {
  if (indicator.denominator === null) return meanOf(rows);
  let num = 0;
  let den = 0;
  for (const r of rows) {
    if (typeof r.num === 'number' && typeof r.den === 'number' && Number.isFinite(r.num) && Number.isFinite(r.den)) {
      num += r.num;
      den += r.den;
    }
  }
  return den > 0 ? { value: (indicator.scale * num) / den, kind: 'ratio' } : null;
}
