/**
 * Parsers for the ARCEP 2018 observatory files (`ftthCommunes.csv`, `communes.csv`): four title
 * lines before the header, comma-separated, numbers padded with spaces and "-" for none.
 * Codes are COG 2018: the build re-codes them to COG 2026.
 */
import type { BuildReport } from '../build/report.ts';
import { headerIndex, parseNumber, readCsv, type CsvRecord } from './csv.ts';

export interface FtthRow {
  communeCode: string;
  quarter: string;
  premisesFtth: number;
  line: number;
}

export interface ArcepCommuneRow {
  communeCode: string;
  logements: number;
  etablissements: number;
  line: number;
}

/** Skips the title lines: returns the records after the header line that starts with `first`. */
function afterHeader(text: string, first: string, file: string): { header: string[]; rest: Generator<CsvRecord> } {
  const records = readCsv(text, ',');
  // a manual loop: leaving a for-of would close the generator
  for (let r = records.next(); !r.done; r = records.next()) {
    if (r.value.fields[0]?.trim() === first) return { header: r.value.fields, rest: records };
  }
  throw new Error(`${file}: no header line starting with "${first}"`);
}

/** FttH-ready premises per commune for one quarter (e.g. "T1 2018"). */
export function parseFtthCommunes(
  text: string,
  quarter: string,
  src: { id: string; file: string },
  report: BuildReport,
): FtthRow[] {
  const { header, rest } = afterHeader(text, 'Code commune', src.file);
  const col = headerIndex(header, { code: ['Code commune'], field: ['Champ'], value: [quarter] }, src.file);
  const out: FtthRow[] = [];
  for (const { line, fields } of rest) {
    if ((fields[col.field] ?? '').trim() !== 'Locaux Raccordables') continue;
    const v = parseNumber(fields[col.value]);
    if (v === null || Number.isNaN(v) || v < 0) {
      report.add({ source: src.id, file: src.file, line, reason: 'FttH premises not a number', value: fields[col.value] ?? '' });
      continue;
    }
    out.push({ communeCode: (fields[col.code] ?? '').trim(), quarter, premisesFtth: v, line });
  }
  return out;
}

/** Dwellings and businesses per commune: the denominator of the FttH share. */
export function parseArcepCommunes(text: string, src: { id: string; file: string }, report: BuildReport): ArcepCommuneRow[] {
  const { header, rest } = afterHeader(text, 'Code commune', src.file);
  const col = headerIndex(header, { code: ['Code commune'], log: ['Logements'], etab: ['Établissements'] }, src.file);
  const out: ArcepCommuneRow[] = [];
  for (const { line, fields } of rest) {
    const log = parseNumber(fields[col.log]);
    const etab = parseNumber(fields[col.etab]);
    if (Number.isNaN(log) || Number.isNaN(etab)) {
      report.add({ source: src.id, file: src.file, line, reason: 'premises count not a number' });
      continue;
    }
    out.push({ communeCode: (fields[col.code] ?? '').trim(), logements: log ?? 0, etablissements: etab ?? 0, line });
  }
  return out;
}
