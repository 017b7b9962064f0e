/**
 * The import kinds, one registry for the CLI (scripts/data.ts) and the admin endpoint
 * (server/admin/routes.ts): partners' measures, and the official releases in their own formats
 * (scripts/import/releases/). Adding a kind = one entry here.
 */
import { importMeasures, type ImportOptions } from './measures.ts';
import { annuaireKind } from './releases/annuaire.ts';
import { arcepKind } from './releases/arcep.ts';
import { boundariesKind } from './releases/boundaries.ts';
import { looksLikeGeoJson } from './releases/geojsonSniff.ts';
import { ipsKind } from './releases/ips.ts';
import { importRelease } from './releases/run.ts';
import type { ImportKind, ImportReport } from './report.ts';

export interface FileImportKind {
  kind: ImportKind;
  describe: string;
  run(o: ImportOptions): Promise<ImportReport>;
}

export const FILE_IMPORT_KINDS: readonly FileImportKind[] = [
  { kind: 'measures', describe: 'per-school measures in the long format (CSV or Parquet; templates: npm run data -- template <theme>)', run: importMeasures },
  ...[ipsKind, annuaireKind, arcepKind].map((k) => ({ kind: k.kind, describe: k.describe, run: (o: ImportOptions) => importRelease(k as Parameters<typeof importRelease>[0], o) })),
  {
    kind: 'boundaries',
    describe: `${boundariesKind.describe}; or a GeoJSON of commune boundaries (etalab contours / IGN, plain or gzipped): a new build of every geometry product`,
    // a GeoJSON file is a new year of boundaries (releases/contours.ts, loaded only then: it runs the data build)
    run: async (o: ImportOptions) =>
      (await looksLikeGeoJson(o.file)) ? (await import('./releases/contours.ts')).importContours(o) : importRelease(boundariesKind as Parameters<typeof importRelease>[0], o),
  },
];

export const FILE_IMPORT_KIND_IDS = FILE_IMPORT_KINDS.map((k) => k.kind) as [ImportKind, ...ImportKind[]];

export function fileImportKind(kind: string): FileImportKind | undefined {
  return FILE_IMPORT_KINDS.find((k) => k.kind === kind);
}
