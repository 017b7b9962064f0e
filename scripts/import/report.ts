/**
 * The import report: what an import (or its dry run) found and did, the same JSON for the CLI,
 * the HTTP endpoint and the audit log. Every problem names where (line of a CSV file or row of a
 * Parquet file, column) and why, with a stable code.
 */

/** Stable problem codes (documented in data/README.md). */
export type ProblemCode =
  | 'file_too_large'
  | 'file_format'
  | 'file_empty'
  | 'unterminated_quote'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'wrong_cell_count'
  | 'invalid_uai'
  | 'uai_check_letter'
  | 'unknown_uai'
  | 'wrong_year'
  | 'year_out_of_range'
  | 'unknown_measure'
  | 'not_a_number'
  | 'not_an_integer'
  | 'out_of_range'
  | 'unknown_value'
  | 'inconsistent'
  | 'duplicate_row'
  | 'invalid_date'
  | 'formula_injection'
  | 'text_too_long'
  | 'nothing_to_import'
  // official releases (scripts/import/releases/)
  | 'unknown_commune'
  | 'wrong_school_type'
  | 'outside_france'
  | 'outside_departement'
  | 'commune_differs'
  | 'coarse_position';

export interface Problem {
  /** 1-based line of a CSV file where the record starts (absent for Parquet and file-level problems) */
  line?: number;
  /** 1-based data row (header excluded); absent for file-level problems */
  row?: number;
  /** the column's name in the file's header (or the expected name when it is missing) */
  column: string | null;
  /** 1-based position of the column in the file */
  column_number?: number;
  /** the offending cell, cut to 80 characters */
  value?: string;
  code: ProblemCode;
  reason: string;
}

export type ImportStatus = 'dry_run' | 'applied' | 'refused';

/** What an import reads: partners' measures, or an official release in its own format. */
export type ImportKind = 'measures' | 'ips' | 'annuaire' | 'arcep' | 'boundaries';

/** What an official release import found and changes (scripts/import/releases/). */
export interface ReleaseSummary {
  /** producer, title and vintage recorded as the source of the values it brings */
  source: { id: string; title: string; producer: string; vintage: string; licence: string; page: string };
  /** kind-specific counts: schools_updated, schools_added, years, communes, … */
  counts: Record<string, number>;
  /** kind-specific lists (school years, quarters, …) */
  details: Record<string, (string | number)[]>;
}

export interface ImportReport {
  import_id: string;
  kind: ImportKind;
  status: ImportStatus;
  /** dry run: whether the real import would be applied with the same options */
  would_apply?: boolean;
  file: {
    name: string;
    bytes: number;
    sha256: string;
    format: 'csv' | 'parquet' | 'unknown';
    encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
    delimiter?: ',' | ';' | '\t';
    columns?: string[];
  };
  body: string;
  actor: string;
  at: string;
  options: { dry_run: boolean; skip_invalid: boolean };
  rows: {
    /** data rows read (header excluded, blank lines ignored) */
    total: number;
    valid: number;
    invalid: number;
    /** rows whose value cell is empty: nothing to import, not an error */
    empty: number;
    /** rows written to the new version (0 for a dry run or a refusal) */
    imported: number;
    /** invalid rows left out because skip_invalid was asked */
    skipped: number;
    /** official releases: rows the dashboard does not use (closed schools, other kinds of establishment…), not errors */
    ignored?: number;
    /** of the imported rows: how many replace a synthetic (demo) value, and a previously imported one */
    replaced_synthetic?: number;
    replaced_imported?: number;
  };
  /** valid rows per measure, with the school years and number of schools */
  measures: Record<string, { rows: number; schools: number; years: number[] }>;
  /** the first problems in file order (at most MAX_PROBLEMS) */
  problems: Problem[];
  problems_total: number;
  problems_by_code: Partial<Record<ProblemCode, number>>;
  /** official releases: remarks that do not refuse a row (an extra column, a position left unused…) */
  warnings?: Problem[];
  warnings_total?: number;
  warnings_by_code?: Partial<Record<ProblemCode, number>>;
  /** official releases: what the file brings */
  release?: ReleaseSummary;
  /** the warehouse version the import read from and, when applied, the version it published */
  build: { from: string | null; to: string | null };
  seconds: { read_validate: number; apply: number; total: number };
  message: string;
}

/** Detailed problems kept in a report; the rest are counted in problems_by_code. */
export const MAX_PROBLEMS = 1000;

/** A cell as shown in a problem: at most 80 characters. */
export function cellPreview(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
}

/** One line per problem, for the CLI: `line 4, column value: ...`. */
export function formatProblem(p: Problem): string {
  const where = [p.line !== undefined ? `line ${p.line}` : p.row !== undefined ? `row ${p.row}` : 'file', p.column ? `column ${p.column}${p.column_number ? ` (#${p.column_number})` : ''}` : null].filter(Boolean).join(', ');
  return `${where}: ${p.reason}${p.value !== undefined ? ` [${JSON.stringify(p.value)}]` : ''} (${p.code})`;
}

/** A readable summary of a report for the terminal. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.kind} import ${r.import_id}: ${r.status.toUpperCase()}${r.would_apply !== undefined ? ` (would ${r.would_apply ? '' : 'not '}apply)` : ''} — ${r.message}`,
    `  file ${r.file.name}: ${r.file.bytes} bytes, ${r.file.format}${r.file.encoding ? `, ${r.file.encoding}` : ''}${r.file.delimiter ? `, delimiter ${JSON.stringify(r.file.delimiter)}` : ''}, sha256 ${r.file.sha256}`,
    `  rows: ${r.rows.total} read, ${r.rows.valid} valid, ${r.rows.invalid} invalid, ${r.rows.empty} empty, ${r.rows.imported} imported, ${r.rows.skipped} skipped` +
      (r.rows.replaced_synthetic !== undefined ? ` (${r.rows.replaced_synthetic} replace demo values, ${r.rows.replaced_imported ?? 0} replace imported ones)` : ''),
  ];
  for (const [id, m] of Object.entries(r.measures)) lines.push(`  ${id}: ${m.rows} rows, ${m.schools} schools, years ${m.years.join(', ')}`);
  if (r.release) {
    const s = r.release.source;
    lines.push(`  source: ${s.producer}, ${s.title}, ${s.vintage}`);
    lines.push(`  ${Object.entries(r.release.counts).map(([k, n]) => `${k.replace(/_/g, ' ')} ${n}`).join(', ')}`);
    for (const [k, v] of Object.entries(r.release.details)) if (v.length) lines.push(`  ${k.replace(/_/g, ' ')}: ${v.slice(0, 20).join(', ')}${v.length > 20 ? ', …' : ''}`);
  }
  if (r.build.to) lines.push(`  warehouse ${r.build.from ?? '?'} → ${r.build.to}`);
  if (r.problems_total) {
    lines.push(`  problems: ${r.problems_total} (${Object.entries(r.problems_by_code).map(([c, n]) => `${c} ${n}`).join(', ')})`);
    for (const p of r.problems.slice(0, 50)) lines.push(`    ${formatProblem(p)}`);
    if (r.problems_total > 50) lines.push(`    … ${r.problems_total - 50} more (--json prints the first ${MAX_PROBLEMS})`);
  }
  if (r.warnings_total) {
    lines.push(`  warnings: ${r.warnings_total} (${Object.entries(r.warnings_by_code ?? {}).map(([c, n]) => `${c} ${n}`).join(', ')})`);
    for (const p of (r.warnings ?? []).slice(0, 20)) lines.push(`    ${formatProblem(p)}`);
    if (r.warnings_total > 20) lines.push(`    … ${r.warnings_total - 20} more (--json prints the first ${MAX_PROBLEMS})`);
  }
  lines.push(`  time: ${r.seconds.read_validate.toFixed(2)} s read and validate, ${r.seconds.apply.toFixed(2)} s apply, ${r.seconds.total.toFixed(2)} s total`);
  return lines.join('\n');
}
