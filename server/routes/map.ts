/**
 * `GET /api/map?indicator=&level=&year=&within=&school_type=&sector=`: the value of one
 * indicator for every territory of a level, as ratios of sums, with the number of schools
 * behind each value and class-ready summary statistics.
 */
import { Hono } from 'hono';
import type { Warehouse } from '../db/warehouse.ts';
import type { Indicator } from '../indicators/catalog.ts';
import { MIN_SCHOOLS, selectionOf, type Selection } from '../selection.ts';
import { IMPORTABLE, mapValues, valueProvenance, type ValueProvenance } from '../services/values.ts';
import { IMPORTED_SOURCE } from '../indicators/measures.ts';
import { summarize } from '../stats.ts';
import { z } from 'zod';
import { selectionQuery, validate } from '../validation.ts';

/**
 * A number to 12 significant digits: sums of floats carry noise in their last digits
 * (3915920.3000000007) that doubles the size of a commune-level answer and means nothing.
 */
export function significant(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(12));
}

/** The map query: a selection, plus `names=true` to include territory names. */
export const mapQuery = selectionQuery.extend({
  names: z
    .enum(['true', 'false'], { error: () => 'must be true or false' })
    .optional()
    .describe('include each territory’s name (default false: names come with the geometry and /api/territories, and leaving them out keeps all France’s communes under 140 kB gzipped)'),
});

export const SYNTHETIC_NOTICE = 'données fictives : valeurs simulées de démonstration / synthetic demo data';
export const MIXED_NOTICE = 'données en partie fictives : valeurs importées par les partenaires et valeurs simulées de démonstration / partly synthetic demo data';

/**
 * The provenance block every response carrying indicator values includes. For an importable
 * indicator, `mix` (schools behind the values, and those imported) makes it 'imported', 'mixed'
 * or 'synthetic'; the "données fictives" notice stays whenever any synthetic value is included.
 */
export function provenanceOf(ind: Indicator, mix?: { imported: number; n: number }) {
  const provenance: ValueProvenance = mix ? valueProvenance(ind, mix.imported, mix.n).provenance : ind.provenance;
  const notice =
    provenance === 'synthetic' ? SYNTHETIC_NOTICE : provenance === 'mixed' ? MIXED_NOTICE : provenance === 'historical' ? 'donnée historique : ne décrit pas la situation actuelle / historical data' : null;
  const sources = provenance === 'imported' ? [IMPORTED_SOURCE] : provenance === 'mixed' ? [IMPORTED_SOURCE, ...ind.sources] : ind.sources;
  return { provenance, ...(notice ? { notice } : {}), sources };
}

/** The echo of a selection in responses. */
export function selectionEcho(sel: Selection) {
  return {
    indicator: sel.indicator.id,
    level: sel.level,
    year: sel.year,
    within: sel.within ? `${sel.within.level}:${sel.within.code}` : null,
    school_type: sel.schoolType,
    sector: sel.sector,
    unit: sel.indicator.unit,
  };
}

/** Map value routes over one opened warehouse. */
export function mapRoutes(db: Warehouse) {
  return new Hono().get('/', validate('query', mapQuery), async (c) => {
    const q = c.req.valid('query');
    const sel = selectionOf(q);
    const all = await mapValues(db, sel);
    const importable = IMPORTABLE.has(sel.indicator.id);
    let imported = 0;
    let n = 0;
    const values = all.map(({ name, imported_n = 0, ...rest }) => {
      imported += imported_n;
      n += rest.n ?? 0;
      return {
        ...(q.names === 'true' ? { name } : {}),
        ...rest,
        value: significant(rest.value),
        num: significant(rest.num),
        den: significant(rest.den),
        // share of the schools behind the value whose value is partners' imported data
        ...(importable ? { imported_share: valueProvenance(sel.indicator, imported_n, rest.n).imported_share } : {}),
      };
    });
    return c.json({
      ...selectionEcho(sel),
      ...provenanceOf(sel.indicator, importable ? { imported, n } : undefined),
      min_schools: MIN_SCHOOLS,
      values,
      stats: summarize(values.map((v) => v.value)),
    });
  });
}
