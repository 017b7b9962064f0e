/**
 * Row-by-row validation of an official release in its own CSV layout (Annuaire de l'éducation,
 * DEPP IPS, ARCEP, INSEE COG changes), as the reader streams it (scripts/import/read.ts): the
 * header is matched against the official column names (case, accents and separators ignored),
 * every problem is recorded with its line, column and reason like the measures report, and the
 * rows a kind accepts are kept for its apply step. Official files carry many columns the
 * dashboard does not use: those are accepted silently when they are in the kind's official list,
 * and reported as warnings (ignored) otherwise.
 */
import { MAX_PROBLEMS, cellPreview, type Problem, type ProblemCode } from '../report.ts';

export interface ColumnSpec {
  key: string;
  /** accepted names, compared after normHeader */
  names: readonly string[];
  /** accepted beginnings of a name (normHeader'd too), for headers that carry a date: "Meilleure estimation des locaux T4 2025" */
  prefixes?: readonly string[];
  required: boolean;
}

/** A header name compared loosely: lower case, no accents, runs of other characters → "_". */
export function normHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export const FORMULA_START = /^[=+\-@\t\r]/;

/** What a kind sees of one row. */
export interface RowContext {
  line: number;
  row: number;
  /** the trimmed cell of a column key ('' when the column is absent) */
  get(key: string): string;
  has(key: string): boolean;
  /** the row is refused (counted invalid) */
  error(key: string | null, raw: string | undefined, code: ProblemCode, reason: string): void;
  /** a remark: the row is kept */
  warn(key: string | null, raw: string | undefined, code: ProblemCode, reason: string): void;
}

export interface ReleaseParser<R> {
  columns: readonly ColumnSpec[];
  /** other columns of the official layout: accepted and not read (normalised names) */
  officialExtras?: readonly string[];
  /** columns whose name matches (e.g. ARCEP's quarter columns "T2 2024"): kept under their own name */
  dynamicColumn?: (norm: string, raw: string) => boolean;
  /** checks the header once the columns are known; returns a file-level reason to stop, or null */
  checkHeader?: (present: ReadonlySet<string>, dynamic: readonly string[]) => string | null;
  /** a parsed row; null = not for the dashboard (counted ignored); undefined = refused (a problem was recorded) */
  row(ctx: RowContext, dynamic: ReadonlyMap<string, string>): R | null | undefined;
  /** rows with the same key are duplicates */
  key?(r: R): string;
}

export class ReleaseValidator<R> {
  readonly problems: Problem[] = [];
  problemsTotal = 0;
  readonly byCode: Partial<Record<ProblemCode, number>> = {};
  readonly warnings: Problem[] = [];
  warningsTotal = 0;
  readonly warningsByCode: Partial<Record<ProblemCode, number>> = {};
  rowsTotal = 0;
  rowsInvalid = 0;
  rowsIgnored = 0;
  rowsEmpty = 0;
  readonly accepted: R[] = [];
  /** header names as written */
  columns: string[] = [];
  /** dynamic columns found (raw names), in file order */
  dynamic: string[] = [];
  headerBroken = false;
  private col = new Map<string, number>();
  private dynamicAt = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private rowHasProblem = false;

  constructor(
    private readonly parser: ReleaseParser<R>,
    /** true when `line` is a CSV line */
    private readonly csv: boolean,
  ) {}

  fileProblem(code: ProblemCode, reason: string, column: string | null = null, extra: Partial<Problem> = {}): void {
    this.add({ column, code, reason, ...extra });
  }

  header(fields: string[], line: number): boolean {
    this.columns = fields.map((f) => f.trim());
    const norm = this.columns.map(normHeader);
    const where = this.csv ? { line } : {};
    const claimed = new Set<number>();
    for (const c of this.parser.columns) {
      const accepted = c.names.map(normHeader);
      const prefixes = (c.prefixes ?? []).map(normHeader);
      const positions = norm.flatMap((h, i) => (accepted.includes(h) || prefixes.some((p) => h.startsWith(p)) ? [i] : []));
      if (positions.length > 1) {
        this.headerBroken = true;
        this.add({ ...where, column: this.columns[positions[1] ?? 0] ?? c.key, column_number: (positions[1] ?? 0) + 1, code: 'duplicate_column', reason: `column ${c.names[0]} appears twice (columns ${positions.map((p) => p + 1).join(' and ')})` });
      }
      const pos = positions[0] ?? -1;
      if (pos >= 0) {
        this.col.set(c.key, pos);
        claimed.add(pos);
      } else if (c.required) {
        this.headerBroken = true;
        const hint = fields.length === 1 ? `: the header has a single column "${cellPreview(fields[0] ?? '')}"; the official files are separated by semicolons` : '';
        this.add({ ...where, column: c.names[0] ?? c.key, code: 'missing_column', reason: `required column ${c.names[0]} is missing${hint}` });
      }
    }
    const extras = new Set((this.parser.officialExtras ?? []).map(normHeader));
    norm.forEach((h, i) => {
      if (claimed.has(i)) return;
      const raw = this.columns[i] ?? '';
      if (this.parser.dynamicColumn?.(h, raw)) {
        if (this.dynamicAt.has(raw)) {
          this.headerBroken = true;
          this.add({ ...where, column: raw, column_number: i + 1, code: 'duplicate_column', reason: `column ${raw} appears twice` });
        }
        this.dynamicAt.set(raw, i);
        this.dynamic.push(raw);
        return;
      }
      if (extras.has(h) || fields.length === 1) return;
      this.warn({ ...where, column: raw, column_number: i + 1, code: 'unknown_column', reason: `column "${cellPreview(raw)}" is not in the official layout: ignored` });
    });
    if (!this.headerBroken) {
      const stop = this.parser.checkHeader?.(new Set(this.col.keys()), this.dynamic) ?? null;
      if (stop) {
        this.headerBroken = true;
        this.add({ ...where, column: null, code: 'missing_column', reason: stop });
      }
    }
    return !this.headerBroken;
  }

  row(fields: string[], line: number, row: number): void {
    this.rowsTotal++;
    this.rowHasProblem = false;
    if (fields.length !== this.columns.length) {
      const hint = fields.length === 1 && this.columns.length > 1 ? ': is the delimiter the same as the header’s?' : '';
      this.problemAt(line, row, null, undefined, 'wrong_cell_count', `the row has ${fields.length} cell${fields.length > 1 ? 's' : ''}, the header ${this.columns.length}${hint}`, 'error');
      this.rowsInvalid++;
      return;
    }
    if (fields.every((f) => f.trim() === '')) {
      this.rowsEmpty++;
      return;
    }
    const ctx: RowContext = {
      line,
      row,
      get: (key) => {
        const i = this.col.get(key);
        return i === undefined ? '' : (fields[i] ?? '').trim();
      },
      has: (key) => this.col.has(key),
      error: (key, raw, code, reason) => this.problemAt(line, row, key, raw, code, reason, 'error'),
      warn: (key, raw, code, reason) => this.problemAt(line, row, key, raw, code, reason, 'warning'),
    };
    const dyn = new Map<string, string>();
    for (const [name, i] of this.dynamicAt) dyn.set(name, (fields[i] ?? '').trim());
    const r = this.parser.row(ctx, dyn);
    if (r && this.parser.key) {
      const k = this.parser.key(r);
      const first = this.seen.get(k);
      if (first !== undefined) this.problemAt(line, row, null, undefined, 'duplicate_row', `same ${k} as ${this.csv ? 'line' : 'row'} ${first}`, 'error');
      else this.seen.set(k, this.csv ? line : row);
    }
    if (this.rowHasProblem || r === undefined) {
      this.rowsInvalid++;
      return;
    }
    if (r === null) {
      this.rowsIgnored++;
      return;
    }
    this.accepted.push(r);
  }

  finish(): void {
    const order = (p: Problem, q: Problem) => (p.line ?? p.row ?? 0) - (q.line ?? q.row ?? 0);
    this.problems.sort(order);
    this.warnings.sort(order);
  }

  private problemAt(line: number, row: number, key: string | null, raw: string | undefined, code: ProblemCode, reason: string, severity: 'error' | 'warning'): void {
    // a column key of the parser, or the raw name of a dynamic column
    const at = key === null ? undefined : (this.col.get(key) ?? this.dynamicAt.get(key));
    const column = key === null ? null : at !== undefined ? (this.columns[at] ?? key) : key;
    const p: Problem = {
      ...(this.csv ? { line } : {}),
      row,
      column,
      ...(at !== undefined ? { column_number: at + 1 } : {}),
      ...(raw !== undefined ? { value: cellPreview(raw) } : {}),
      code,
      reason,
    };
    if (severity === 'warning') this.warn(p);
    else {
      this.rowHasProblem = true;
      this.add(p);
    }
  }

  private add(p: Problem): void {
    this.problemsTotal++;
    this.byCode[p.code] = (this.byCode[p.code] ?? 0) + 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private warn(p: Problem): void {
    this.warningsTotal++;
    this.warningsByCode[p.code] = (this.warningsByCode[p.code] ?? 0) + 1;
    if (this.warnings.length < MAX_PROBLEMS) this.warnings.push(p);
  }
}

/** A number cell: null when empty / NA, NaN with a problem recorded when unreadable or out of range. */
export function numberCell(ctx: RowContext, key: string, raw: string, { min, max, integer = false, what }: { min: number; max: number; integer?: boolean; what: string }): number | null | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '' || s === '-' || /^(na|nc|nd|s)$/i.test(s)) return null;
  const t = s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s;
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(n)) {
    ctx.error(key, raw, FORMULA_START.test(raw) && !/^[+-]?\d/.test(raw) ? 'formula_injection' : 'not_a_number', `${what} must be a number`);
    return undefined;
  }
  if (integer && !Number.isInteger(n)) {
    ctx.error(key, raw, 'not_an_integer', `${what} must be a whole number`);
    return undefined;
  }
  if (n < min || n > max) {
    ctx.error(key, raw, 'out_of_range', `${what} ${n} is ${n < min ? `below ${min}` : `above ${max}`}`);
    return undefined;
  }
  return n;
}

/** A text cell kept in the warehouse: refused when it could run as a spreadsheet formula or is too long. */
export function textCell(ctx: RowContext, key: string, raw: string, what: string, max = 200): string | undefined {
  if (FORMULA_START.test(raw)) {
    ctx.error(key, raw, 'formula_injection', `${what}: a text starting with =, +, -, @, a tab or a carriage return could run as a spreadsheet formula: it is refused`);
    return undefined;
  }
  if ([...raw].some((ch) => ch.charCodeAt(0) < 32)) {
    ctx.error(key, raw, 'formula_injection', `${what} holds control characters`);
    return undefined;
  }
  if (raw.length > max) {
    ctx.error(key, raw, 'text_too_long', `${what} is ${raw.length} characters long, ${max} at most`);
    return undefined;
  }
  return raw;
}
