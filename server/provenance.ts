/**
 * Provenance of the values an answer carries, in one place for every route and export: whether
 * they are open, historical, demo ("données fictives") or partners' imported data, or a mix of
 * imported and demo values (with the share imported), the notice that must go with them and the
 * sources they rest on (the importing bodies and dates for imported values). Pure, no I/O: the
 * imports behind a selection are read by server/services/imports.ts.
 */
import { z } from 'zod';
import type { Indicator, SourceRef } from './indicators/catalog.ts';
import { IMPORTED_SOURCE, MEASURES } from './indicators/measures.ts';

/** A value's provenance: the catalog's, or for importable indicators 'imported', 'synthetic' or both ('mixed'). */
export type ValueProvenance = Indicator['provenance'] | 'mixed';

/** Indicators partners' imported measures can feed (server/indicators/measures.ts). */
export const IMPORTABLE: ReadonlySet<string> = new Set(MEASURES.flatMap((m) => m.indicators));

export const SYNTHETIC_NOTICE = 'données fictives : valeurs simulées de démonstration / synthetic demo data';
export const MIXED_NOTICE = 'données en partie fictives : valeurs importées par les partenaires et valeurs simulées de démonstration / partly synthetic demo data';
export const HISTORICAL_NOTICE = 'donnée historique : ne décrit pas la situation actuelle / historical data';

/** The notice that must accompany values of this provenance (none for open or imported data). */
export function noticeOf(provenance: ValueProvenance): string | null {
  return provenance === 'synthetic' ? SYNTHETIC_NOTICE : provenance === 'mixed' ? MIXED_NOTICE : provenance === 'historical' ? HISTORICAL_NOTICE : null;
}

/** Schools behind a value, and those of them whose value is imported. */
export interface Mix {
  imported: number;
  n: number | null;
}

/**
 * Where a value comes from: for an importable indicator, 'imported' when every school behind it
 * has an imported value, 'synthetic' when none has, 'mixed' otherwise, with the imported share
 * (null without schools); for the others the catalog's provenance and no share.
 */
export function valueProvenance(ind: Indicator, imported: number, n: number | null): { provenance: ValueProvenance; imported_share: number | null } {
  if (!IMPORTABLE.has(ind.id) || !n) return { provenance: ind.provenance, imported_share: null };
  return { provenance: imported === 0 ? 'synthetic' : imported >= n ? 'imported' : 'mixed', imported_share: imported / n };
}

/** Sums mixes (the schools behind several values). */
export function addMixes(mixes: Iterable<Mix>): { imported: number; n: number } {
  let imported = 0;
  let n = 0;
  for (const m of mixes) {
    imported += m.imported;
    n += m.n ?? 0;
  }
  return { imported, n };
}

/** An importing body and the date of its latest import behind some values. */
export interface ImportRef {
  body: string;
  /** ISO date (YYYY-MM-DD) of the body's latest import behind the values */
  date: string;
  /** school values (school × indicator × year) resting on this body's imports */
  schools: number;
}

/**
 * The imported-data source: the generic one, or named after the importing bodies and dated
 * ("Région Auvergne-Rhône-Alpes ; DANE", "import du 2026-11-28") when they are known.
 */
export function importedSource(imports: readonly ImportRef[] = []): SourceRef {
  if (imports.length === 0) return IMPORTED_SOURCE;
  const dates = [...new Set(imports.map((i) => i.date))].sort();
  const vintage = dates.length === 1 ? `import du ${dates[0]}` : `imports du ${dates[0]} au ${dates[dates.length - 1]}`;
  return { ...IMPORTED_SOURCE, producer: imports.map((i) => i.body).join(' ; '), vintage };
}

/** The sources values of `provenance` rest on: imported data first, then the indicator's own. */
export function sourcesOf(ind: Indicator, provenance: ValueProvenance, imports: readonly ImportRef[] = []): SourceRef[] {
  if (provenance === 'imported') return [importedSource(imports)];
  if (provenance === 'mixed') return [importedSource(imports), ...ind.sources];
  return ind.sources;
}

/**
 * The provenance block of a response carrying indicator values. With `mix` (the schools behind
 * all the values and those imported), an importable indicator is 'imported', 'mixed' or
 * 'synthetic' and gets its `imported_share`; the "données fictives" notice stays whenever any
 * demo value is included; `imports` (when any) names the importing bodies and dates.
 */
export function provenanceOf(ind: Indicator, mix?: Mix, imports: readonly ImportRef[] = []) {
  const p = mix ? valueProvenance(ind, mix.imported, mix.n) : { provenance: ind.provenance as ValueProvenance, imported_share: null };
  const notice = noticeOf(p.provenance);
  const shown = p.provenance === 'imported' || p.provenance === 'mixed' ? imports : [];
  return {
    provenance: p.provenance,
    ...(mix && IMPORTABLE.has(ind.id) ? { imported_share: p.imported_share } : {}),
    ...(notice ? { notice } : {}),
    sources: sourcesOf(ind, p.provenance, shown),
    ...(shown.length > 0 ? { imports: shown } : {}),
  };
}

/** The provenance columns of an export row: provenance, notice, source, vintage, licence. */
export function provenanceCells(ind: Indicator, provenance: ValueProvenance = ind.provenance, imports: readonly ImportRef[] = []): string[] {
  const sources = sourcesOf(ind, provenance, imports);
  return [
    provenance,
    noticeOf(provenance) ?? '',
    sources.map((s) => `${s.producer} — ${s.title}`).join(' ; '),
    sources.map((s) => s.vintage).join(' ; '),
    sources.map((s) => s.licence).join(' ; '),
  ];
}

/** The provenance block as a zod schema, for the OpenAPI document (components.schemas.Provenance). */
export const provenanceSchema = z
  .object({
    provenance: z
      .enum(['open-data', 'historical', 'synthetic', 'imported', 'mixed'])
      .describe('open-data, historical, synthetic (demo: « données fictives »), imported (partners’ data), or mixed (imported and demo values together)'),
    imported_share: z.number().min(0).max(1).nullable().optional().describe('importable indicators: share of the schools behind the values whose value is imported (null without schools)'),
    notice: z.string().optional().describe('« données fictives … » when any demo value is included (« en partie fictives » when mixed); a warning on historical data'),
    sources: z.array(z.object({ id: z.string(), producer: z.string(), title: z.string(), vintage: z.string(), url: z.string(), licence: z.string() })).describe('what the values rest on; for imported values the importing bodies and the import dates'),
    imports: z
      .array(z.object({ body: z.string().describe('the importing body'), date: z.string().describe('date of its latest import behind the values (YYYY-MM-DD)'), schools: z.number().int().describe('school values resting on it') }))
      .optional()
      .describe('the importing bodies behind imported or mixed values, latest first'),
  })
  .describe('Where values come from. Top level of /api/map, /api/schools, /api/series, /api/equity and each indicator of /api/compare; per value (provenance, imported_share) in map values, series points, compare values and profile entries.');
