// The streaming tokenizer gives the same records and lines as the whole-text reader
// (scripts/parse/csv.ts), wherever the text is cut into chunks.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../parse/csv.ts';
import { CsvTokenizer, UnterminatedQuoteError, detectDelimiter } from './csvStream.ts';

function tokenize(chunks: string[], delimiter = ','): [number, string[]][] {
  const out: [number, string[]][] = [];
  const t = new CsvTokenizer(delimiter, (fields, line) => out.push([line, fields]));
  for (const c of chunks) t.push(c);
  t.end();
  return out;
}

const TEXT = 'a,b,c\r\n1,"x, ""quoted""",3\n\n2,"multi\nline",\r\n"",,"end"\r\n4,5,6';

describe('CsvTokenizer', () => {
  it('matches readCsv for every cut of the text into two and three chunks', () => {
    const want = [...readCsv(TEXT, ',')].map((r) => [r.line, r.fields]);
    expect(want[2]).toEqual([4, ['2', 'multi\nline', '']]);
    for (let i = 0; i <= TEXT.length; i++) {
      expect(tokenize([TEXT.slice(0, i), TEXT.slice(i)]), `cut at ${i}`).toEqual(want);
      const j = Math.min(TEXT.length, i + 3);
      expect(tokenize([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)]), `cuts at ${i}, ${j}`).toEqual(want);
    }
  });
  it('reports a quote never closed with the line where its record starts', () => {
    expect(() => tokenize(['a,b\n1,"open\n2,3\n'])).toThrow(UnterminatedQuoteError);
    try {
      tokenize(['a,b\n1,"open\n2,3\n']);
    } catch (err) {
      expect((err as UnterminatedQuoteError).line).toBe(2);
    }
  });
  it('detects the delimiter of a header line', () => {
    expect(detectDelimiter('uai;year;measure;value')).toBe(';');
    expect(detectDelimiter('uai,year,measure,value')).toBe(',');
    expect(detectDelimiter('uai\tyear\tmeasure')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('uai|year')).toBe(',');
  });
});
