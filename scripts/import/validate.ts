/**
 * Validation of a measures file in the long format of server/indicators/measures.ts, row by row
 * as the reader streams it: every problem is recorded with its line (or row), column and reason,
 * and the valid rows are kept in compact columns (typed arrays, strings interned) ready to be
 * appended to DuckDB. Nothing here does I/O; the known schools and the date come in.
 */
import { IMPORT_COLUMNS, MEASURES, MEASURE_YEARS, parseSchoolYear, type ImportColumnKey, type Measure } from '../../server/indicators/measures.ts';
import { parseNumber } from '../parse/csv.ts';
import { uaiProblem } from '../parse/uai.ts';
import { MAX_PROBLEMS, cellPreview, type Problem, type ProblemCode } from './report.ts';

/** The schools of the warehouse an import is checked against. */
export interface KnownSchools {
  /** UAI → position in `uais` */
  index: Map<string, number>;
  uais: string[];
  /** real 2022 headcount per school (NaN when unknown) */
  pupils: Float64Array;
  /** the 7 digits of a UAI as a number → position (-1 when two schools share them): a fast path */
  byDigits: Map<number, number>;
}

/** The number written by the first 7 characters when they are digits, else -1. */
function digitsOf(uai: string): number {
  let n = 0;
  for (let k = 0; k < 7; k++) {
    const c = uai.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function knownSchools(rows: Iterable<{ uai: string; pupils: number | null }>): KnownSchools {
  const uais: string[] = [];
  const pupilList: number[] = [];
  for (const r of rows) {
    uais.push(r.uai);
    pupilList.push(r.pupils ?? NaN);
  }
  const byDigits = new Map<number, number>();
  uais.forEach((u, i) => {
    const d = u.length === 8 ? digitsOf(u) : -1;
    if (d >= 0) byDigits.set(d, byDigits.has(d) ? -1 : i);
  });
  return { index: new Map(uais.map((u, i) => [u, i])), uais, pupils: Float64Array.from(pupilList), byDigits };
}

/** Interned strings (sources, dates, text values): id = position. */
export class Dict {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

/** The valid rows, column by column; -1 = no text / no date / no source. */
export class AcceptedRows {
  n = 0;
  school = new Int32Array(1024);
  year = new Uint16Array(1024);
  measure = new Uint8Array(1024);
  num = new Float64Array(1024);
  text = new Int32Array(1024);
  date = new Int32Array(1024);
  source = new Int32Array(1024);
  /** line (CSV) or row (Parquet), and 1-based data row, for problems found after the row was read */
  where = new Int32Array(1024);
  rowNo = new Int32Array(1024);
  /** set when a later check rejects the row */
  dropped = new Uint8Array(1024);
  readonly strings = new Dict();

  push(school: number, year: number, measure: number, num: number, text: number, date: number, source: number, where: number, rowNo: number): number {
    if (this.n === this.school.length) this.grow();
    const i = this.n++;
    this.school[i] = school;
    this.year[i] = year;
    this.measure[i] = measure;
    this.num[i] = num;
    this.text[i] = text;
    this.date[i] = date;
    this.source[i] = source;
    this.where[i] = where;
    this.rowNo[i] = rowNo;
    return i;
  }

  private grow(): void {
    const size = this.school.length * 2;
    const g = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.school = g(this.school, Int32Array);
    this.year = g(this.year, Uint16Array);
    this.measure = g(this.measure, Uint8Array);
    this.num = g(this.num, Float64Array);
    this.text = g(this.text, Int32Array);
    this.date = g(this.date, Int32Array);
    this.source = g(this.source, Int32Array);
    this.where = g(this.where, Int32Array);
    this.rowNo = g(this.rowNo, Int32Array);
    this.dropped = g(this.dropped, Uint8Array);
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;
/** a decimal comma, as French spreadsheets write numbers: the fast path before parseNumber */
const COMMA_NUMBER = /^-?\d{1,15},\d{1,15}$/;
const MAX_SOURCE = 200;
const MEASURE_INDEX = new Map(MEASURES.map((m, i) => [m.id, i]));
const YEAR_INDEX = new Map(MEASURE_YEARS.map((y, i) => [y, i]));
const M_DEVICES = MEASURE_INDEX.get('devices') ?? -1;
const M_DEVICES_RECENT = MEASURE_INDEX.get('devices_recent') ?? -1;
const M_ENT_PUPILS = MEASURE_INDEX.get('ent_active_pupils') ?? -1;

type YearParse = { year: number } | { error: ProblemCode; reason: string };

/** Validates one file's header and rows; see the module comment. */
export class MeasuresValidator {
  readonly problems: Problem[] = [];
  problemsTotal = 0;
  readonly byCode: Partial<Record<ProblemCode, number>> = {};
  rowsTotal = 0;
  rowsInvalid = 0;
  rowsEmpty = 0;
  readonly accepted = new AcceptedRows();
  /** header names as written, and each wanted column's position (-1 when absent) */
  columns: string[] = [];
  private col: Record<ImportColumnKey, number> = { uai: -1, year: -1, measure: -1, value: -1, date: -1, source: -1, name: -1 };
  private readonly years = new Map<string, YearParse>();
  /** date cell → interned ISO date, or a problem (few distinct dates in a file) */
  private readonly dates = new Map<string, number | { code: ProblemCode; reason: string }>();
  /**
   * per (school, year, measure), one array (one memory access per row): 0 = not seen yet,
   * i + 1 = accepted as row i of `accepted`, -where = first seen on that line/row but refused
   */
  private readonly seen: Int32Array;
  private rowHasProblem = false;

  constructor(
    private readonly known: KnownSchools,
    /** today as YYYY-MM-DD: measures cannot be dated later */
    private readonly today: string,
    /** true when `where` is a CSV line (else a Parquet row) */
    private readonly csv: boolean,
  ) {
    const keys = known.uais.length * MEASURE_YEARS.length * MEASURES.length;
    this.seen = new Int32Array(keys);
  }

  /** A file-level problem (no line): the import cannot go on. */
  fileProblem(code: ProblemCode, reason: string, column: string | null = null, extra: Partial<Problem> = {}): void {
    this.add({ column, code, reason, ...extra });
  }

  /** Checks the header; false when a required column is missing or a column is unknown. */
  header(fields: string[], line: number): boolean {
    this.columns = fields.map((f) => f.trim());
    const norm = this.columns.map((f) => f.toLowerCase());
    let ok = true;
    const claimed = new Map<number, ImportColumnKey>();
    for (const c of IMPORT_COLUMNS) {
      const positions = norm.flatMap((h, i) => ((c.names as readonly string[]).includes(h) ? [i] : []));
      if (positions.length > 1) {
        ok = false;
        this.add({ line: this.csv ? line : undefined, column: this.columns[positions[1] ?? 0] ?? c.key, column_number: (positions[1] ?? 0) + 1, code: 'duplicate_column', reason: `column ${c.key} appears twice (columns ${positions.map((p) => p + 1).join(' and ')})` });
      }
      const pos = positions[0] ?? -1;
      this.col[c.key] = pos;
      if (pos >= 0) claimed.set(pos, c.key);
      else if (c.required) {
        ok = false;
        const hint = fields.length === 1 ? `: the header has a single column "${cellPreview(fields[0] ?? '')}"; separate columns with a comma, a semicolon or a tab` : '';
        this.add({ line: this.csv ? line : undefined, column: c.key, code: 'missing_column', reason: `required column ${c.key} is missing (accepted names: ${c.names.join(', ')})${hint}` });
      }
    }
    this.columns.forEach((name, i) => {
      if (claimed.has(i) || fields.length === 1) return;
      ok = false;
      this.add({ line: this.csv ? line : undefined, column: name, column_number: i + 1, code: 'unknown_column', reason: `unknown column "${cellPreview(name)}": the columns are ${IMPORT_COLUMNS.map((c) => c.key).join(', ')}` });
    });
    return ok;
  }

  /** Validates one data row (`row` is 1-based, header excluded; `line` 0 for Parquet). */
  row(fields: string[], line: number, row: number): void {
    this.rowsTotal++;
    this.rowHasProblem = false;
    const where = this.csv ? line : row;
    const ncol = this.columns.length;
    if (fields.length !== ncol) {
      const hint = fields.length === 1 && ncol > 1 ? ': is the delimiter the same as the header’s?' : '';
      this.cellProblem(line, row, -1, undefined, 'wrong_cell_count', `the row has ${fields.length} cell${fields.length > 1 ? 's' : ''}, the header ${ncol}${hint}`);
      this.rowsInvalid++;
      return;
    }
    const rawValue = fields[this.col.value] ?? '';
    if (rawValue.trim() === '') {
      this.rowsEmpty++;
      return;
    }
    const school = this.school(fields[this.col.uai] ?? '', line, row);
    const year = this.year(fields[this.col.year] ?? '', line, row);
    const m = this.measure(fields[this.col.measure] ?? '', line, row);
    const measure = m >= 0 ? MEASURES[m] : undefined;
    let num = NaN;
    let text = -1;
    if (measure) {
      const v = this.value(measure, rawValue, line, row, school);
      if (v === null) {
        // NA, NC, "-": no data, like an empty cell (counted, not imported, not an error)
        if (!this.rowHasProblem) {
          this.rowsEmpty++;
          return;
        }
      } else if (typeof v === 'number') num = v;
      else if (typeof v === 'string') text = this.accepted.strings.id(v);
    }
    const date = this.col.date >= 0 ? this.date(fields[this.col.date] ?? '', line, row) : -1;
    const source = this.col.source >= 0 ? this.source(fields[this.col.source] ?? '', line, row) : -1;
    let key = -1;
    let firstSight = false;
    if (school >= 0 && year >= 0 && m >= 0) {
      key = (school * MEASURE_YEARS.length + year) * MEASURES.length + m;
      const s = this.seen[key] ?? 0;
      if (s !== 0) {
        const first = s > 0 ? (this.accepted.where[s - 1] ?? 0) : -s;
        this.cellProblem(line, row, this.col.measure, undefined, 'duplicate_row', `same school, school year and measure as ${this.csv ? 'line' : 'row'} ${first}`);
      } else firstSight = true;
    }
    if (this.rowHasProblem) {
      if (firstSight) this.seen[key] = -where;
      this.rowsInvalid++;
      return;
    }
    const i = this.accepted.push(school, MEASURE_YEARS[year] ?? 0, m, num, text, date, source, where, row);
    this.seen[key] = i + 1;
  }

  /** Checks that need several rows (devices_recent ≤ devices for the same school and year). */
  finish(): void {
    const a = this.accepted;
    const nm = MEASURES.length;
    for (let i = 0; i < a.n; i++) {
      if (a.measure[i] !== M_DEVICES_RECENT) continue;
      const base = ((a.school[i] ?? 0) * MEASURE_YEARS.length + (YEAR_INDEX.get(a.year[i] ?? 0) ?? 0)) * nm;
      const d = (this.seen[base + M_DEVICES] ?? 0) - 1;
      if (d < 0 || (a.num[i] ?? 0) <= (a.num[d] ?? 0)) continue;
      a.dropped[i] = 1;
      this.rowsInvalid++;
      this.add({
        ...(this.csv ? { line: a.where[i] ?? 0 } : {}),
        row: a.rowNo[i] ?? 0,
        column: this.columns[this.col.value] ?? 'value',
        column_number: this.col.value + 1,
        value: String(a.num[i]),
        code: 'inconsistent',
        reason: `devices_recent ${a.num[i]} is above devices ${a.num[d]} for the same school and year (${this.csv ? 'line' : 'row'} ${a.where[d]})`,
      });
    }
    this.problems.sort((p, q) => (p.line ?? p.row ?? 0) - (q.line ?? q.row ?? 0));
  }

  /** Valid rows still kept after `finish`. */
  get validRows(): number {
    let n = 0;
    for (let i = 0; i < this.accepted.n; i++) if (!this.accepted.dropped[i]) n++;
    return n;
  }

  private school(raw: string, line: number, row: number): number {
    if (raw.length === 8) {
      const d = digitsOf(raw);
      const i = d >= 0 ? (this.known.byDigits.get(d) ?? -1) : -1;
      if (i >= 0 && this.known.uais[i]?.charCodeAt(7) === raw.charCodeAt(7)) return i;
    }
    const idx = this.known.index.get(raw);
    if (idx !== undefined) return idx;
    const norm = raw.trim().toUpperCase();
    const again = this.known.index.get(norm);
    if (again !== undefined) return again;
    // a school of the warehouse is accepted as it is written there; others are explained
    const p = uaiProblem(norm);
    if (p === null) this.cellProblem(line, row, this.col.uai, raw, 'unknown_uai', `no school with UAI ${norm} in the warehouse`);
    else if (p.startsWith('UAI check letter')) this.cellProblem(line, row, this.col.uai, raw, 'uai_check_letter', `wrong check letter: ${p}`);
    else this.cellProblem(line, row, this.col.uai, raw, 'invalid_uai', p);
    return -1;
  }

  private year(raw: string, line: number, row: number): number {
    let y = this.years.get(raw);
    if (!y) {
      y = parseSchoolYear(raw);
      this.years.set(raw, y);
    }
    if ('error' in y) {
      this.cellProblem(line, row, this.col.year, raw, y.error, y.reason);
      return -1;
    }
    return YEAR_INDEX.get(y.year) ?? -1;
  }

  private measure(raw: string, line: number, row: number): number {
    const m = MEASURE_INDEX.get(raw) ?? MEASURE_INDEX.get(raw.trim().toLowerCase());
    if (m !== undefined) return m;
    this.cellProblem(line, row, this.col.measure, raw, 'unknown_measure', `unknown measure: use one of ${MEASURES.map((x) => x.id).join(', ')}`);
    return -1;
  }

  /** The value (number or text), null for "no data", undefined after a problem. */
  private value(measure: Measure, raw: string, line: number, row: number, school: number): number | string | null | undefined {
    const c = this.col.value;
    if (measure.kind === 'text') {
      const v = raw.trim().toLowerCase();
      if (measure.values.includes(v)) return v;
      if (v === 'na' || v === 'nc' || v === '-') return null;
      this.cellProblem(line, row, c, raw, FORMULA_START.test(raw) ? 'formula_injection' : 'unknown_value', `${measure.id} must be one of ${measure.values.join(', ')}`);
      return undefined;
    }
    const n = PLAIN_NUMBER.test(raw) ? Number(raw) : COMMA_NUMBER.test(raw) ? Number(raw.replace(',', '.')) : parseNumber(raw);
    if (n === null) return null;
    if (Number.isNaN(n)) {
      this.cellProblem(line, row, c, raw, FORMULA_START.test(raw) && !/^[+-]?\d/.test(raw) ? 'formula_injection' : 'not_a_number', `${measure.id} must be a number (${measure.unit.fr || measure.unit.en})`);
      return undefined;
    }
    if (measure.integer && !Number.isInteger(n)) {
      this.cellProblem(line, row, c, raw, 'not_an_integer', `${measure.id} must be a whole number`);
      return undefined;
    }
    if (n < measure.min || n > measure.max) {
      const side = n < measure.min ? `below the minimum ${measure.min}` : `above the maximum ${measure.max}`;
      this.cellProblem(line, row, c, raw, 'out_of_range', `${measure.id} ${n} is ${side} (${measure.unit.en})`);
      return undefined;
    }
    if (school >= 0 && MEASURE_INDEX.get(measure.id) === M_ENT_PUPILS) {
      const pupils = this.known.pupils[school] ?? NaN;
      if (!Number.isNaN(pupils) && n > pupils) {
        this.cellProblem(line, row, c, raw, 'inconsistent', `ent_active_pupils ${n} is above the school's ${pupils} pupils (rentrée 2022)`);
        return undefined;
      }
    }
    return n;
  }

  private date(raw: string, line: number, row: number): number {
    let d = this.dates.get(raw);
    if (d === undefined) {
      d = this.parseDate(raw);
      if (this.dates.size < 100_000) this.dates.set(raw, d);
    }
    if (typeof d === 'number') return d;
    this.cellProblem(line, row, this.col.date, raw, d.code, d.reason);
    return -1;
  }

  private parseDate(raw: string): number | { code: ProblemCode; reason: string } {
    const s = raw.trim();
    if (s === '') return -1;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
    let iso: string | null = null;
    if (m) {
      const [y, mo, d] = s.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
      const t = new Date(`${y}-${mo}-${d}T00:00:00Z`);
      if (!Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === `${y}-${mo}-${d}`) iso = `${y}-${mo}-${d}`;
    }
    if (iso === null) return { code: FORMULA_START.test(s) ? 'formula_injection' : 'invalid_date', reason: 'the date must be a real date written YYYY-MM-DD or DD/MM/YYYY' };
    if (iso < '2000-01-01' || iso > this.today) return { code: 'invalid_date', reason: `the date must be between 2000-01-01 and today (${this.today})` };
    return this.accepted.strings.id(iso);
  }

  /** the last source cell and its id (a file usually repeats the same source on every row) */
  private lastSource: { raw: string; id: number } | null = null;

  private source(raw: string, line: number, row: number): number {
    if (this.lastSource?.raw === raw) return this.lastSource.id;
    const id = this.sourceId(raw, line, row);
    if (id >= 0) this.lastSource = { raw, id };
    return id;
  }

  private sourceId(raw: string, line: number, row: number): number {
    const s = raw.trim();
    if (s === '') return -1;
    if (FORMULA_START.test(raw) || FORMULA_START.test(s)) {
      this.cellProblem(line, row, this.col.source, raw, 'formula_injection', 'a text starting with =, +, -, @, a tab or a carriage return could run as a spreadsheet formula: it is refused, write it without that first character');
      return -1;
    }
    if (s.length > MAX_SOURCE) {
      this.cellProblem(line, row, this.col.source, raw, 'text_too_long', `the source is ${s.length} characters long, ${MAX_SOURCE} at most`);
      return -1;
    }
    return this.accepted.strings.id(s);
  }

  private cellProblem(line: number, row: number, col: number, raw: string | undefined, code: ProblemCode, reason: string): void {
    this.rowHasProblem = true;
    this.add({
      ...(this.csv ? { line } : {}),
      row,
      column: col >= 0 ? (this.columns[col] ?? null) : null,
      ...(col >= 0 ? { column_number: col + 1 } : {}),
      ...(raw !== undefined ? { value: cellPreview(raw) } : {}),
      code,
      reason,
    });
  }

  private add(p: Problem): void {
    this.problemsTotal++;
    this.byCode[p.code] = (this.byCode[p.code] ?? 0) + 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }
}
