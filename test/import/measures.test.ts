// The measures importer end to end on a tiny project (test/import/project.ts): good files of every
// accepted shape are applied as a new version whose values the app then serves with provenance
// 'imported'; a corpus of bad files is refused with the exact line, column and reason of each
// problem, and the served data (seen through the app) does not change.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshFacts, writeWarehouse } from '../../scripts/build/warehouse.ts';
import { DEMO, SCHOOLS, SCHOOL_YEARS, TERRITORIES } from '../fixtures/tiny-warehouse.ts';
import { readAudit } from '../../scripts/import/audit.ts';
import { importMeasures, type ImportOptions } from '../../scripts/import/measures.ts';
import type { ImportReport } from '../../scripts/import/report.ts';
import { byCode, servedJson, servedSnapshot, windows1252, writeInput } from './helpers.ts';
import { FIXTURE_VERSION, makeTinyProject, type TinyProject } from './project.ts';

let p: TinyProject;
beforeEach(async () => {
  p = await makeTinyProject();
});
afterEach(() => p.remove());

const run = (file: string, o: Partial<ImportOptions> = {}) => importMeasures({ dataDir: p.dataDir, file, body: 'DANE Clermont', actor: 'test', ...o });
const HEADER = 'uai,year,measure,value,date,source';

describe('good files', () => {
  it('applies a comma-separated UTF-8 file as a new version; the app serves the imported values with their provenance', async () => {
    const file = writeInput(p, 'mesures.csv', [
      HEADER,
      '0150001A,2025,bandwidth_measured_mbps,45.5,2025-10-01,Mesure DANE',
      '0150001A,2025-2026,access_tech,Fibre,,Mesure DANE',
      '0150002B,2025,devices,150,,Inventaire',
    ].join('\n'));
    const r = await run(file);
    expect(r).toMatchObject({
      status: 'applied',
      file: { format: 'csv', encoding: 'utf-8', delimiter: ',', columns: ['uai', 'year', 'measure', 'value', 'date', 'source'] },
      rows: { total: 3, valid: 3, invalid: 0, imported: 3, skipped: 0, replaced_synthetic: 3, replaced_imported: 0 },
      problems_total: 0,
      build: { from: FIXTURE_VERSION },
      measures: { bandwidth_measured_mbps: { rows: 1, schools: 1, years: [2025] }, devices: { rows: 1 } },
    });
    expect(r.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(p.dataDir, 'warehouse', 'build.json'), 'utf8')).toContain(`"parent": "${FIXTURE_VERSION}"`);

    const thd = await servedJson(p, '/api/map?indicator=thd_share&level=departement&year=2025');
    expect(thd).toMatchObject({ provenance: 'mixed', notice: expect.stringContaining('en partie fictives') });
    expect(byCode(thd)['15']).toMatchObject({ value: 100, n: 2, imported_share: 0.5 }); // 45.5 and 300 Mbit/s ≥ 30
    expect(byCode(thd)['63']).toMatchObject({ value: 100, imported_share: 0 });
    const ppd = await servedJson(p, '/api/map?indicator=pupils_per_device&level=departement&year=2025');
    expect(byCode(ppd)['15']?.value).toBeCloseTo(400 / (10 + 150), 10); // imported 150 devices replace the demo 100
    const health = await servedJson(p, '/api/health');
    expect(health).toMatchObject({ build: { id: r.build.to, parent: FIXTURE_VERSION }, imports: [{ import_id: r.import_id, body: 'DANE Clermont', rows_imported: 3 }] });
    const profile = await servedJson(p, '/api/territories/commune/15014?year=2025');
    const entry = (profile.profile as { indicator: string }[]).find((e) => e.indicator === 'bandwidth_mean');
    expect(entry).toMatchObject({ provenance: 'imported', imported_share: 1, value: 45.5 });
  });

  it('reads semicolons, a UTF-8 BOM and decimal commas, as French spreadsheets write them', async () => {
    const file = writeInput(p, 'tableur.csv', `\uFEFFUAI;Année;Mesure;Valeur;Date;Source\r\n0630001C;2025-2026;maintenance_delay_days;3,5;01/10/2025;"Région ; inventaire"\r\n`);
    const r = await run(file);
    expect(r).toMatchObject({ status: 'applied', file: { encoding: 'utf-8-bom', delimiter: ';' }, rows: { imported: 1 } });
    const m = await servedJson(p, '/api/map?indicator=maintenance_delay_days&level=commune&year=2025&within=departement:63');
    expect(byCode(m)['63113']?.value).toBeCloseTo((3.5 + 5) / 2, 10);
  });

  it('reads Windows-1252 bytes (accents and typographic dashes) and keeps the text right', async () => {
    const file = writeInput(p, 'excel.csv', windows1252('uai;year;measure;value;source\r\n0150002B;2025;interactive_displays;12;Conseil départemental – état des lieux\r\n'));
    const r = await run(file);
    expect(r).toMatchObject({ status: 'applied', file: { encoding: 'windows-1252' } });
    const db = await DuckDBInstance.create(path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll('SELECT uai, year, measure, value_num, source FROM imported_measures')).getRowObjectsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([{ uai: '0150002B', year: 2025, measure: 'interactive_displays', value_num: 12, source: 'Conseil départemental – état des lieux' }]);
  });

  it('reads Parquet (typed columns) written by DuckDB', async () => {
    const file = path.join(p.root, 'mesures.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`COPY (SELECT * FROM (VALUES ('0630002D', 2025, 'devices', 500.0, DATE '2025-09-15'), ('0630002D', 2025, 'devices_recent', 450.0, NULL)) t(uai, year, measure, value, date)) TO '${file}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
    const r = await run(file);
    expect(r).toMatchObject({ status: 'applied', file: { format: 'parquet', columns: ['uai', 'year', 'measure', 'value', 'date'] }, rows: { imported: 2 } });
    const share = await servedJson(p, '/api/map?indicator=recent_devices_share&level=departement&year=2025');
    expect(byCode(share)['63']).toMatchObject({ imported_share: 0.5 });
    expect(byCode(share)['63']?.value).toBeCloseTo(((20 + 450) / (40 + 500)) * 100, 9); // sent to 12 significant digits
  });

  it('keeps the demo pair of a ratio when only one of its measures is imported', async () => {
    await run(writeInput(p, 'devices.csv', `${HEADER}\n0150001A,2025,devices,20,,\n`));
    const share = await servedJson(p, '/api/map?indicator=recent_devices_share&level=commune&year=2025&within=departement:15');
    expect(byCode(share)['15014']).toMatchObject({ value: 50, imported_share: 0 }); // demo 5 / demo 10, never 5 / 20
    const ppd = await servedJson(p, '/api/map?indicator=pupils_per_device&level=commune&year=2025&within=departement:15');
    expect(byCode(ppd)['15014']).toMatchObject({ value: 5, imported_share: 1 }); // real 100 pupils / imported 20 devices
  });

  it('replaces previously imported values, and rolls back to the previous version', async () => {
    const first = await run(writeInput(p, 'a.csv', `${HEADER}\n0150001A,2025,bandwidth_measured_mbps,10,,\n`));
    const second = await run(writeInput(p, 'b.csv', `${HEADER}\n0150001A,2025,bandwidth_measured_mbps,80,,\n0150001A,2024,bandwidth_measured_mbps,60,,\n`));
    expect(second).toMatchObject({ status: 'applied', build: { from: first.build.to }, rows: { replaced_imported: 1, replaced_synthetic: 1 } });
    expect(byCode(await servedJson(p, '/api/map?indicator=bandwidth_mean&level=commune&year=2025&within=departement:15'))['15014']?.value).toBe(80);
    const { rollback } = await import('../../scripts/import/rollback.ts');
    expect(await rollback({ dataDir: p.dataDir, actor: 'test' })).toMatchObject({ from: second.build.to, to: first.build.to });
    expect(byCode(await servedJson(p, '/api/map?indicator=bandwidth_mean&level=commune&year=2025&within=departement:15'))['15014']?.value).toBe(10);
    const audit = await readAudit(p.dataDir);
    expect(audit.map((e) => [e.action, e.status, e.build_from, e.build_to])).toEqual([
      ['import', 'applied', FIXTURE_VERSION, first.build.to],
      ['import', 'applied', first.build.to, second.build.to],
      ['rollback', 'done', second.build.to, first.build.to],
    ]);
    expect(audit[0]).toMatchObject({ file_name: 'a.csv', body: 'DANE Clermont', actor: 'test', rows_total: 1, rows_imported: 1, checksum_sha256: first.file.sha256 });
  });

  it('updates facts in place exactly as a full rebuild would (changed rows, new school-years)', async () => {
    await run(writeInput(p, 'a.csv', `${HEADER}\n0150001A,2025,bandwidth_measured_mbps,10,,\n0630001C,2024,devices,30,,\n0630001C,2024,devices_recent,3,,\n0150002B,2025,access_tech,adsl,,\n`));
    await run(writeInput(p, 'b.csv', `${HEADER}\n0150001A,2025,bandwidth_measured_mbps,80,,\n0630002D,2023,ent_active_pupils,100,,\n0150002B,2025,devices,10,,\n0150002B,2025,devices_recent,10,,\n`));
    const copy = path.join(p.root, 'copy.duckdb');
    copyFileSync(path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'), copy);
    const db = await DuckDBInstance.create(copy);
    const conn = await db.connect();
    const all = async () => JSON.stringify((await conn.runAndReadAll('SELECT * FROM facts ORDER BY ALL')).getRowsJS());
    const updated = await all();
    await refreshFacts(conn, 'rebuild');
    const rebuilt = await all();
    const imported = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM facts WHERE provenance = 'imported'`)).getRowObjectsJS()[0]?.n;
    conn.closeSync();
    db.closeSync();
    expect(updated).toBe(rebuilt);
    expect(imported).toBe(2 + 2 + 1 + 1 + 2); // thd + mean 2025; ppd + recent 2024 (a new school-year); fibre; ent 2023 (new); ppd + recent 2025
  });

  it('a small import recomputes only its school-years, with the same result as a full rebuild', async () => {
    // one school-year each: a small part of the warehouse, so refreshFacts gets the scope
    await run(writeInput(p, 'a.csv', `${HEADER}\n0630001C,2024,devices,30,,\n0630001C,2024,devices_recent,3,,\n`));
    await run(writeInput(p, 'b.csv', `${HEADER}\n0150002B,2025,access_tech,adsl,,\n0150002B,2025,devices,10,,\n`));
    const copy = path.join(p.root, 'copy.duckdb');
    copyFileSync(path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'), copy);
    const db = await DuckDBInstance.create(copy);
    const conn = await db.connect();
    const all = async () => JSON.stringify((await conn.runAndReadAll('SELECT * FROM facts ORDER BY ALL')).getRowsJS());
    const updated = await all();
    // and the scoped path itself, on the copy: nothing left to change
    await conn.run(`CREATE TEMP TABLE facts_scope AS SELECT '0150002B' AS uai, 2025 AS year`);
    await refreshFacts(conn, 'update', 'facts_scope');
    const again = await all();
    await refreshFacts(conn, 'rebuild');
    const rebuilt = await all();
    conn.closeSync();
    db.closeSync();
    expect(updated).toBe(rebuilt);
    expect(again).toBe(rebuilt);
    expect(updated).toContain('"imported"');
  });

  it('survives a rebuild: the build carries the imported data over from the served warehouse', async () => {
    await run(writeInput(p, 'a.csv', `${HEADER}\n0150001A,2025,bandwidth_measured_mbps,10,,\n`));
    const file = path.join(p.root, 'rebuilt.duckdb');
    const counts = await writeWarehouse(file, {
      territories: TERRITORIES, withoutGeometry: [], aliases: new Map(), schools: SCHOOLS, schoolYears: SCHOOL_YEARS, demo: DEMO,
      ftth: [], meta: { build_id: 'rebuilt' }, carryImportsFrom: path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'),
    });
    expect(counts.imported_measures).toBe(1);
    const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll(`SELECT indicator, num, provenance FROM facts WHERE uai = '0150001A' AND year = 2025 AND indicator = 'bandwidth_mean'`)).getRowObjectsJS();
    const imports = (await conn.runAndReadAll('SELECT file_name, body FROM imports')).getRowObjectsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([{ indicator: 'bandwidth_mean', num: 10, provenance: 'imported' }]);
    expect(imports).toEqual([{ file_name: 'a.csv', body: 'DANE Clermont' }]);
  });

  it('dry-runs: the report without any change, and nothing in the audit log', async () => {
    const before = await servedSnapshot(p);
    const r = await run(writeInput(p, 'ok.csv', `${HEADER}\n0150001A,2025,devices,12,,\n`), { dryRun: true });
    expect(r).toMatchObject({ status: 'dry_run', would_apply: true, rows: { valid: 1, imported: 0 }, build: { from: FIXTURE_VERSION, to: null } });
    expect(await servedSnapshot(p)).toEqual(before);
    expect(await readAudit(p.dataDir)).toEqual([]);
  });

  it('ignores rows whose value is left empty (a filled-in template) and counts them', async () => {
    const r = await run(writeInput(p, 'template.csv', `${HEADER},name\n0150001A,2025-2026,devices,,,,École A\n0150002B,2025-2026,devices,30,,,École B\n0630001C,2025-2026,devices,NC,,,École C\n`));
    expect(r).toMatchObject({ status: 'applied', rows: { total: 3, valid: 1, empty: 2, imported: 1 } });
  });
});

/** Imports `content` and expects a refusal with exactly `problems`, the served data unchanged. */
async function refused(name: string, content: string | Uint8Array, problems: Partial<ImportReport['problems'][number]>[], o: Partial<ImportOptions> = {}): Promise<ImportReport> {
  const before = await servedSnapshot(p);
  const r = await run(writeInput(p, name, content), o);
  expect(r.status, r.message).toBe('refused');
  expect(r.problems).toMatchObject(problems);
  expect(r.problems).toHaveLength(problems.length);
  expect(await servedSnapshot(p)).toEqual(before);
  expect(readdirSync(path.join(p.dataDir, 'builds'))).toEqual([FIXTURE_VERSION]);
  expect(existsSync(path.join(p.dataDir, '.lock'))).toBe(false);
  return r;
}

describe('bad files are refused whole, with line, column and reason, and change nothing', () => {
  it('a header in another delimiter than the known ones', async () => {
    await refused('pipe.csv', 'uai|year|measure|value\n0150001A|2025|devices|12\n', [
      { line: 1, column: 'uai', code: 'missing_column', reason: expect.stringContaining('single column') },
      { line: 1, column: 'year', code: 'missing_column' },
      { line: 1, column: 'measure', code: 'missing_column' },
      { line: 1, column: 'value', code: 'missing_column' },
    ]);
  });
  it('rows in another delimiter than the header', async () => {
    await refused('mixed.csv', 'uai;year;measure;value\n0150001A,2025,devices,12\n', [
      { line: 2, row: 1, column: null, code: 'wrong_cell_count', reason: 'the row has 1 cell, the header 4: is the delimiter the same as the header’s?' },
    ]);
  });
  it('a missing column, an unknown extra column and a row with an extra cell', async () => {
    await refused('missing.csv', 'uai,year,measure\n0150001A,2025,devices\n', [{ line: 1, column: 'value', code: 'missing_column' }]);
    await refused('extra.csv', 'uai,year,measure,value,commentaire\n0150001A,2025,devices,12,ok\n', [
      { line: 1, column: 'commentaire', column_number: 5, code: 'unknown_column' },
    ]);
    await refused('cells.csv', `${HEADER}\n0150001A,2025,devices,12,,,surplus\n`, [{ line: 2, row: 1, code: 'wrong_cell_count', reason: 'the row has 7 cells, the header 6' }]);
  });
  it('duplicate rows (same school, year and measure), whatever the year is written', async () => {
    await refused('dup.csv', `${HEADER}\n0150001A,2025,devices,12,,\n0150002B,2025,devices,12,,\n0150001A,2025-2026,devices,13,,\n`, [
      { line: 4, row: 3, column: 'measure', code: 'duplicate_row', reason: 'same school, school year and measure as line 2' },
    ]);
    // the first occurrence refused for another reason still counts as the first
    await refused('dup2.csv', `${HEADER}\n0150001A,2025,devices,-1,,\n0150001A,2025,devices,13,,\n`, [
      { line: 2, row: 1, column: 'value', code: 'out_of_range' },
      { line: 3, row: 2, column: 'measure', code: 'duplicate_row', reason: 'same school, school year and measure as line 2' },
    ]);
  });
  it('unknown codes: UAI, check letter, malformed UAI, measure, access technology', async () => {
    await refused('codes.csv', [
      HEADER,
      '0630001J,2025,devices,12,,', // well formed, not in the warehouse
      '0630001K,2025,devices,12,,', // wrong check letter
      'ABC,2025,devices,12,,',
      '0150001A,2025,wifi_points,12,,',
      '0150001A,2025,access_tech,cable,,',
    ].join('\n'), [
      { line: 2, column: 'uai', column_number: 1, value: '0630001J', code: 'unknown_uai', reason: 'no school with UAI 0630001J in the warehouse' },
      { line: 3, column: 'uai', value: '0630001K', code: 'uai_check_letter', reason: 'wrong check letter: UAI check letter should be J' },
      { line: 4, column: 'uai', value: 'ABC', code: 'invalid_uai' },
      { line: 5, column: 'measure', column_number: 3, value: 'wifi_points', code: 'unknown_measure' },
      { line: 6, column: 'value', value: 'cable', code: 'unknown_value', reason: 'access_tech must be one of fibre, vdsl, adsl, 4g5g, satellite' },
    ]);
  });
  it('negative, non-numeric, fractional and out-of-range values, and inconsistent counts', async () => {
    await refused('values.csv', [
      HEADER,
      '0150001A,2025,devices,-3,,',
      '0150001A,2024,devices,beaucoup,,',
      '0150001A,2023,devices,12.5,,',
      '0150001A,2025,bandwidth_measured_mbps,99999,,',
      '0150001A,2025,ent_active_pupils,150,,', // the school has 100 pupils
      '0150002B,2025,devices,40,,',
      '0150002B,2025,devices_recent,41,,',
    ].join('\n'), [
      { line: 2, column: 'value', column_number: 4, value: '-3', code: 'out_of_range', reason: 'devices -3 is below the minimum 0 (devices)' },
      { line: 3, column: 'value', value: 'beaucoup', code: 'not_a_number' },
      { line: 4, column: 'value', value: '12.5', code: 'not_an_integer' },
      { line: 5, column: 'value', value: '99999', code: 'out_of_range', reason: expect.stringContaining('above the maximum 10000') },
      { line: 6, column: 'value', code: 'inconsistent', reason: "ent_active_pupils 150 is above the school's 100 pupils (rentrée 2022)" },
      { line: 8, column: 'value', code: 'inconsistent', reason: 'devices_recent 41 is above devices 40 for the same school and year (line 7)' },
    ]);
  });
  it('wrong school years and dates', async () => {
    await refused('years.csv', [
      HEADER,
      '0150001A,2024-2026,devices,1,,',
      '0150001A,2031,devices,1,,',
      '0150001A,deux mille,devices,1,,',
      '0150001A,2025,devices,1,31/02/2025,',
      '0150001A,2024,devices,1,2099-01-01,',
    ].join('\n'), [
      { line: 2, column: 'year', code: 'wrong_year', reason: 'school year 2024-2026 is not two consecutive years (write 2024-2025)' },
      { line: 3, column: 'year', code: 'year_out_of_range' },
      { line: 4, column: 'year', code: 'wrong_year' },
      { line: 5, column: 'date', column_number: 5, code: 'invalid_date' },
      { line: 6, column: 'date', code: 'invalid_date', reason: expect.stringContaining('and today') },
    ]);
  });
  it('formula injection in text cells', async () => {
    await refused('formulas.csv', [
      HEADER,
      '0150001A,2025,devices,1,,"=HYPERLINK(""http://evil.example"",""clic"")"',
      '0150001A,2024,devices,1,,+33 4 73 00 00 00',
      '0150001A,2023,devices,1,,@SUM(A1:A9)',
      '0150001A,2022,devices,=1+1,,',
    ].join('\n'), [
      { line: 2, column: 'source', column_number: 6, code: 'formula_injection', value: '=HYPERLINK("http://evil.example","clic")' },
      { line: 3, column: 'source', code: 'formula_injection' },
      { line: 4, column: 'source', code: 'formula_injection' },
      { line: 5, column: 'value', code: 'formula_injection' },
    ]);
  });
  it('files that are not CSV: UTF-16, binary, empty, an unclosed quote, a header without rows', async () => {
    await refused('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]), [{ code: 'file_format', reason: expect.stringContaining('UTF-16') }]);
    await refused('binary.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), [{ code: 'file_format', reason: expect.stringContaining('binary') }]);
    await refused('empty.csv', '', [{ code: 'file_empty' }]);
    await refused('quote.csv', `${HEADER}\n0150001A,2025,devices,1,,ok\n0150001A,2024,devices,1,,"never closed\n0150001A,2023,devices,1,,\n`, [
      { line: 3, row: 2, code: 'unterminated_quote' },
    ]);
    await refused('header.csv', `${HEADER}\n`, [{ code: 'nothing_to_import' }]);
    await refused('notparquet.parquet', 'PAR1 this is not parquet', [{ code: 'file_format', reason: expect.stringContaining('Parquet') }]);
  });
  it('a file above the size limit, without reading it (a sparse 200 MB file)', async () => {
    const before = await servedSnapshot(p);
    const big = writeInput(p, 'big.csv', '');
    truncateSync(big, 200e6);
    const t0 = performance.now();
    const r = await run(big);
    expect(r).toMatchObject({ status: 'refused', file: { bytes: 200e6 }, problems: [{ code: 'file_too_large', reason: expect.stringContaining('200.0 MB, above the limit of 100 MB') }] });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(await servedSnapshot(p)).toEqual(before);
  });
  it('an importing body that could run as a formula', async () => {
    await refused('body.csv', `${HEADER}\n0150001A,2025,devices,1,,\n`, [{ code: 'file_format', reason: expect.stringContaining('importing body') }], { body: '=cmd' });
  });
});

describe('skip_invalid', () => {
  it('imports the valid rows and lists the skipped ones', async () => {
    const r = await run(writeInput(p, 'partial.csv', `${HEADER}\n0150001A,2025,devices,12,,\n0150001A,2024,devices,-1,,\n0630001J,2025,devices,3,,\n0630001C,2025,devices,44,,\n`), { skipInvalid: true });
    expect(r).toMatchObject({ status: 'applied', rows: { total: 4, valid: 2, invalid: 2, imported: 2, skipped: 2 }, problems_total: 2 });
    expect(r.problems.map((x) => [x.line, x.code])).toEqual([[3, 'out_of_range'], [4, 'unknown_uai']]);
    const ppd = await servedJson(p, '/api/map?indicator=pupils_per_device&level=commune&year=2025');
    expect(byCode(ppd)['15014']?.value).toBeCloseTo(100 / 12, 10);
    expect(byCode(ppd)['63113']?.value).toBeCloseTo(1000 / (44 + 400), 10);
  });
  it('still refuses a file whose header is unusable', async () => {
    await refused('bad-header.csv', 'a,b\n1,2\n', [{ code: 'missing_column' }, { code: 'missing_column' }, { code: 'missing_column' }, { code: 'missing_column' }, { code: 'unknown_column' }, { code: 'unknown_column' }], { skipInvalid: true });
  });
});

describe('the data lock', () => {
  it('fails fast while another live writer holds it, and takes over a stale one left by a killed process', async () => {
    const lock = path.join(p.dataDir, '.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), what: 'import measures other.csv', since: 'now' }));
    const file = writeInput(p, 'ok.csv', `${HEADER}\n0150001A,2025,devices,12,,\n`);
    await expect(run(file)).rejects.toThrow(/another data operation is running: import measures other\.csv \(pid \d+/);
    // a dead writer: its lock and its unfinished version are cleaned up by the next import
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), what: 'import measures dead.csv', since: 'then' }));
    const leftover = path.join(p.dataDir, 'builds', '20260102T000000-abcdef.tmp');
    (await import('node:fs')).mkdirSync(leftover);
    const r = await run(file);
    expect(r.status).toBe('applied');
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });
});
