/**
 * The results table of `npm run bench`: one row per measure, rendered as a Markdown table with
 * fixed columns (benchmark, measure, value, target, ok) and padded cells so it reads the same in
 * a terminal and in `bench/last-results.md`. Pure: no I/O, no clock.
 */

/** One measured value, already formatted, with its target and verdict when it has one. */
export interface ResultRow {
  /** section and subject, e.g. `api /api/health` */
  benchmark: string;
  /** what is measured, e.g. `p99 latency` */
  measure: string;
  /** the formatted value, e.g. `12.3 ms`, or `n/a (endpoint missing)` */
  value: string;
  /** the target in words, e.g. `< 50 ms`; empty when informational */
  target?: string;
  /** whether the target is met; undefined when there is no target or no value */
  ok?: boolean;
}

const HEADER = ['benchmark', 'measure', 'value', 'target', 'ok'] as const;
/** `value` is right-aligned; the rest left-aligned. */
const ALIGN = ['left', 'left', 'right', 'left', 'left'] as const;

/** Escapes what would break a Markdown table cell (pipes, newlines). */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `yes`, `**no**` or empty, for the ok column. */
export function verdict(ok: boolean | undefined): string {
  if (ok === undefined) return '';
  return ok ? 'yes' : '**no**';
}

/** Renders rows as a Markdown table, columns padded to their widest cell; ends with a newline. */
export function renderTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((r) => [r.benchmark, r.measure, r.value, r.target ?? '', verdict(r.ok)].map(escapeCell));
  const widths = HEADER.map((h, i) => Math.max(h.length, 3, ...cells.map((c) => (c[i] ?? '').length)));
  const pad = (text: string, i: number) => {
    const w = widths[i] ?? 0;
    return ALIGN[i] === 'right' ? text.padStart(w) : text.padEnd(w);
  };
  const line = (parts: readonly string[]) => `| ${parts.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (ALIGN[i] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(HEADER), rule, ...cells.map(line)].join('\n') + '\n';
}

/** Number with fixed decimals and thousands grouped by spaces (`12 345.6`), or `n/a`. */
export function num(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const [int = '', frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const sign = value < 0 && Number(value.toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** Bytes as decimal megabytes (1 MB = 10⁶ bytes) with one decimal, e.g. `45.4 MB`. */
export function megabytes(bytes: number): string {
  return `${num(bytes / 1e6, 1)} MB`;
}

/** Bytes in the most readable decimal unit: `812 B`, `3.4 kB`, `2.95 MB`. */
export function bytesHuman(bytes: number): string {
  if (bytes < 1e3) return `${num(bytes)} B`;
  if (bytes < 1e6) return `${num(bytes / 1e3, 1)} kB`;
  return `${num(bytes / 1e6, 2)} MB`;
}

/** Milliseconds with a precision that suits their size: `0.42 ms`, `12.3 ms`, `1 234 ms`. */
export function millis(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'n/a';
  if (ms < 10) return `${num(ms, 2)} ms`;
  if (ms < 1000) return `${num(ms, 1)} ms`;
  return `${num(ms)} ms`;
}
