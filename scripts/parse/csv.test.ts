import { describe, expect, it } from 'vitest';
import { decodeText, headerIndex, parseNumber, readCsv } from './csv.ts';

describe('readCsv', () => {
  it('reads quoted fields with delimiters, quotes and newlines, keeping line numbers', () => {
    const text = '\uFEFFa;b;c\r\n1;"x;y";"say ""hi"""\n2;"multi\nline";z\n\n3;;\n';
    const recs = [...readCsv(text, ';')];
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', 'say "hi"'],
      ['2', 'multi\nline', 'z'],
      ['3', '', ''],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });
  it('throws with the line on an unterminated quote', () => {
    expect(() => [...readCsv('a,b\n1,"oops\n', ',')]).toThrow(/line 2/);
  });
});

describe('decodeText', () => {
  it('keeps UTF-8 and strips the BOM', () => {
    const r = decodeText(new TextEncoder().encode('\uFEFFÉcole'));
    expect(r).toEqual({ text: 'École', encoding: 'utf-8' });
  });
  it('falls back to Windows-1252', () => {
    const r = decodeText(Uint8Array.from([0xc9, 0x63, 0x6f, 0x6c, 0x65])); // "École" in cp1252
    expect(r).toEqual({ text: 'École', encoding: 'windows-1252' });
  });
});

describe('parseNumber', () => {
  it.each([
    ['12.4', 12.4],
    ['74,3', 74.3],
    [' 81    ', 81],
    ['1 234,5', 1234.5],
    ['540.0', 540],
    ['-', null],
    ['', null],
  ])('%j → %j', (raw, want) => expect(parseNumber(raw)).toBe(want));
  it('returns NaN for garbage', () => expect(parseNumber('12a')).toBeNaN());
});

describe('headerIndex', () => {
  it('finds alternative names case-insensitively and names what is missing', () => {
    expect(headerIndex(['UAI', 'IPS'], { uai: ['uai'], ips: ['ips'] }, 'f.csv')).toEqual({ uai: 0, ips: 1 });
    expect(() => headerIndex(['UAI'], { uai: ['uai'], ips: ['ips', 'IPS Ensemble'] }, 'f.csv')).toThrow(
      /f\.csv: missing column\(s\) ips \| IPS Ensemble/,
    );
  });
});
