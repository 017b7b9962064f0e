/**
 * Reads an import file as a stream of records into a validator, whatever its format: CSV (comma,
 * semicolon or tab; UTF-8 with or without BOM, else Windows-1252 as French spreadsheets export)
 * or Parquet (recognised by its magic bytes, read by DuckDB chunk by chunk). The file is read
 * once (twice for a Windows-1252 CSV: the first pass stops at the first byte that is not UTF-8),
 * hashed (SHA-256) on the way; memory stays flat whatever its size.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvTokenizer, UnterminatedQuoteError, detectDelimiter } from './csvStream.ts';
import type { ImportReport, ProblemCode } from './report.ts';

/** What the validator must offer the reader. */
export interface RecordSink {
  header(fields: string[], line: number): boolean;
  row(fields: string[], line: number, row: number): void;
  fileProblem(code: ProblemCode, reason: string, column?: string | null, extra?: { line?: number; row?: number }): void;
}

export type FileInfo = ImportReport['file'];

/** The file cannot be read at all (binary, UTF-16, not Parquet…): a file-level problem. */
export class FileRefused extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const CHUNK = 1 << 20;

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Streams `file` into the sink made by `makeSink` (called again from scratch when a CSV turns out
 * not to be UTF-8). Resolves with what was learnt about the file; throws FileRefused.
 */
export async function readInto<S extends RecordSink>(file: string, name: string, makeSink: (csv: boolean) => S): Promise<{ info: FileInfo; sink: S }> {
  const bytes = (await stat(file)).size;
  const head = await firstBytes(file, 65536);
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') {
    const sink = makeSink(false);
    const columns = await readParquet(file, sink);
    return { info: { name, bytes, sha256: await sha256File(file), format: 'parquet', columns }, sink };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new FileRefused('file_format', 'the file is UTF-16: save it as CSV UTF-8 (or CSV with semicolons from a French spreadsheet)');
  }
  if (head.includes(0)) throw new FileRefused('file_format', 'the file is binary (it holds NUL bytes), neither CSV nor Parquet');
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  try {
    const sink = makeSink(true);
    const got = await readCsvStream(file, sink, 'utf-8', bom);
    return { info: { name, bytes, sha256: got.sha256, format: 'csv', encoding: bom ? 'utf-8-bom' : 'utf-8', delimiter: got.delimiter, columns: got.columns }, sink };
  } catch (err) {
    if (!(err instanceof TypeError) || (err as { code?: string }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw err;
  }
  const sink = makeSink(true);
  const got = await readCsvStream(file, sink, 'windows-1252', false);
  return { info: { name, bytes, sha256: got.sha256, format: 'csv', encoding: 'windows-1252', delimiter: got.delimiter, columns: got.columns }, sink };
}

class StopReading extends Error {}

async function readCsvStream(file: string, sink: RecordSink, encoding: 'utf-8' | 'windows-1252', bom: boolean): Promise<{ sha256: string; delimiter: ',' | ';' | '\t'; columns: string[] }> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let tokenizer: CsvTokenizer | null = null;
  let pending = '';
  let delimiter: ',' | ';' | '\t' = ',';
  let columns: string[] = [];
  let row = 0;
  let headerDone = false;
  const onRecord = (fields: string[], line: number) => {
    if (!headerDone) {
      headerDone = true;
      columns = fields.map((f) => f.trim());
      if (!sink.header(fields, line)) throw new StopReading();
      return;
    }
    sink.row(fields, line, ++row);
  };
  const feed = (text: string, last: boolean) => {
    if (!tokenizer) {
      pending += text;
      const nl = pending.search(/[\r\n]/);
      if (nl < 0 && !last) return;
      delimiter = detectDelimiter(nl < 0 ? pending : pending.slice(0, nl));
      tokenizer = new CsvTokenizer(delimiter, onRecord);
      text = pending;
      pending = '';
    }
    tokenizer.push(text);
  };
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  try {
    let first = true;
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      hash.update(buf);
      let text = decoder.decode(buf, { stream: true });
      if (first && encoding === 'utf-8' && bom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      feed(text, false);
    }
    feed(decoder.decode(), true);
    if (!tokenizer && !headerDone) throw new FileRefused('file_empty', 'the file is empty: it needs a header line and rows');
    try {
      (tokenizer as CsvTokenizer | null)?.end();
    } catch (err) {
      if (!(err instanceof UnterminatedQuoteError)) throw err;
      sink.fileProblem('unterminated_quote', `a quoted cell opened on line ${err.line} is never closed: every following line was read into it`, null, { line: err.line, row: row + 1 });
    }
    if (!headerDone) throw new FileRefused('file_empty', 'the file is empty: it needs a header line and rows');
  } catch (err) {
    if (!(err instanceof StopReading)) throw err;
  } finally {
    stream.destroy();
  }
  return { sha256: hash.digest('hex'), delimiter, columns };
}

async function readParquet(file: string, sink: RecordSink): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' });
  const conn = await db.connect();
  try {
    let columns: string[];
    try {
      const d = await conn.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($file)', { file });
      columns = d.getRowObjects().map((r) => String(r.column_name));
    } catch (err) {
      throw new FileRefused('file_format', `not a readable Parquet file (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
    if (!sink.header(columns, 0)) return columns;
    const result = await conn.stream('SELECT COLUMNS(*)::VARCHAR FROM read_parquet($file)', { file });
    let row = 0;
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const cols = chunk.getColumns();
      const n = chunk.rowCount;
      for (let r = 0; r < n; r++) {
        const fields = new Array<string>(cols.length);
        for (let c = 0; c < cols.length; c++) {
          const v = cols[c]?.[r];
          fields[c] = v === null || v === undefined ? '' : String(v);
        }
        sink.row(fields, 0, ++row);
      }
    }
    return columns;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
