import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Saint-Flour', 'Saint-Flour'],
    ['a,b', '"a,b"'],
  ])('text %j → %s', (v, want) => expect(csvCell(v)).toBe(want));
  it('keeps numbers as numbers, negative ones included, and empties nulls', () => {
    expect([csvCell(-12.5), csvCell(0), csvCell(null), csvCell(Number.NaN)]).toEqual(['-12.5', '0', '', '']);
  });
  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv(['code', 'name'], [['15', 'Cantal']])).toBe('\uFEFFcode,name\r\n15,Cantal\r\n');
  });
});
