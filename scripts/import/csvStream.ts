/**
 * A streaming CSV tokenizer for import files: text arrives in chunks (any size, split anywhere),
 * records come out with the 1-based line where they start. RFC 4180 quotes (embedded delimiter,
 * doubled quotes, newlines), CRLF or LF, blank lines skipped. Same rules as scripts/parse/csv.ts
 * (a quote opens a quoted part only at the start of a field) but without holding the whole file.
 */

/** Receives each record; `fields` is a fresh array the receiver may keep. */
export type RecordSink = (fields: string[], line: number) => void;

export class CsvTokenizer {
  private readonly d: number;
  private fields: string[] = [];
  private field = '';
  /** inside a quoted part */
  private quoted = false;
  /** just saw a quote inside a quoted part: either the closing quote or the first of a doubled one */
  private quotePending = false;
  /** at the first character of a field (a quote there opens a quoted part) */
  private atFieldStart = true;
  /** the previous chunk ended with CR: a LF at the start of the next one belongs to it */
  private afterCr = false;
  private line = 1;
  private recordLine = 1;

  constructor(
    delimiter: string,
    private readonly sink: RecordSink,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** The line of the record being read (for an unterminated quote at the end). */
  get openRecordLine(): number {
    return this.recordLine;
  }

  /** Feeds the next piece of text. */
  push(text: string): void {
    const n = text.length;
    const d = this.d;
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (n > 0 && text.charCodeAt(0) === 10) i = 1;
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (text.charCodeAt(i) === 34) {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false;
          continue;
        }
        const q = text.indexOf('"', i);
        const part = q < 0 ? text.slice(i) : text.slice(i, q);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++;
        this.field += part;
        if (q < 0) return;
        i = q + 1;
        this.quotePending = true;
        continue;
      }
      if (this.atFieldStart && text.charCodeAt(i) === 34) {
        this.atFieldStart = false;
        this.quoted = true;
        i++;
        continue;
      }
      // unquoted run up to a delimiter or the end of the line
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      if (j > i) {
        this.field = this.field === '' ? text.slice(i, j) : this.field + text.slice(i, j);
        this.atFieldStart = false;
      }
      if (j >= n) return;
      if (c === d) {
        this.fields.push(this.field);
        this.field = '';
        this.atFieldStart = true;
        i = j + 1;
        continue;
      }
      // end of line (CR, LF or CRLF)
      i = j + 1;
      if (c === 13) {
        if (i < n) {
          if (text.charCodeAt(i) === 10) i++;
        } else this.afterCr = true;
      }
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
    }
  }

  /** Flushes the last record; throws when a quoted field is still open. */
  end(): void {
    if (this.quoted && !this.quotePending) throw new UnterminatedQuoteError(this.recordLine);
    this.quoted = false;
    this.quotePending = false;
    this.endRecord();
  }

  private endRecord(): void {
    this.fields.push(this.field);
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.atFieldStart = true;
    if (fields.length === 1 && fields[0] === '') return;
    this.sink(fields, this.recordLine);
  }
}

export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: a quoted cell is never closed`);
  }
}

/**
 * The delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes
 * (comma when none appears: a one-column header is then reported as missing columns).
 */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}
