/**
 * A small, strict CSV reader for the open-data files: any delimiter, RFC 4180 quotes (with
 * embedded delimiters, quotes and newlines), a leading BOM, CRLF, and the source line number of
 * every record so that bad rows are reported with file and line.
 */

export interface CsvRecord {
  /** 1-based line where the record starts in the file */
  line: number;
  fields: string[];
}

/** Decodes bytes as UTF-8 (BOM removed); falls back to Windows-1252 when they are not UTF-8. */
export function decodeText(buf: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(buf), encoding: 'windows-1252' };
  }
}

/** Yields every record of `text` (including the header) with its starting line. */
export function* readCsv(text: string, delimiter: string): Generator<CsvRecord> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const d = delimiter.charCodeAt(0);
  const n = src.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (i < n && src.charCodeAt(i) === 34 /* " */) {
        i++;
        for (;;) {
          const q = src.indexOf('"', i);
          if (q < 0) throw new Error(`line ${start}: unterminated quoted field`);
          const chunk = src.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          field += chunk;
          i = q + 1;
          if (src.charCodeAt(i) === 34) {
            field += '"';
            i++;
          } else break;
        }
      }
      // unquoted part (or the rest after a closing quote) up to delimiter or end of line
      let j = i;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      field += src.slice(i, j);
      i = j;
      fields.push(field);
      field = '';
      if (i < n && src.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n && src.charCodeAt(i) === 13) i++;
      if (i < n && src.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { line: start, fields };
  }
}

/** Maps header names to column indexes; throws naming the missing columns. */
export function headerIndex<K extends string>(
  header: readonly string[],
  wanted: Record<K, readonly string[]>,
  file: string,
): Record<K, number> {
  const norm = header.map((h) => h.trim().toLowerCase());
  const out = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const idx = wanted[key].map((name) => norm.indexOf(name.toLowerCase())).find((x) => x >= 0);
    if (idx === undefined) missing.push(wanted[key].join(' | '));
    else out[key] = idx;
  }
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return out;
}

/**
 * Parses a French or plain number ("1 234,5", "12.4", " 81    "); "" / "-" / "NA" → null.
 * Returns NaN for anything else so callers can report the bad cell.
 */
export function parseNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '' || s === '-' || s.toUpperCase() === 'NA' || s.toUpperCase() === 'NC') return null;
  const t = s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}
