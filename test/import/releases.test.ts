// Official releases imported in their own formats (scripts/import/releases/): IPS years, the
// Annuaire de l'éducation, ARCEP's per-commune FttH file and INSEE commune code changes, on a
// small project of real codes (test/import/releaseProject.ts) with the fixtures of
// test/import/fixtures/. Good files change exactly what they should, with their source and
// vintage visible through the API; a corpus of bad files is refused with line, column and reason,
// and the served data does not change.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileImportKind } from '../../scripts/import/kinds.ts';
import type { ImportOptions } from '../../scripts/import/measures.ts';
import type { ImportReport } from '../../scripts/import/report.ts';
import { readAudit } from '../../scripts/import/audit.ts';
import { servedJson, servedSnapshot, windows1252, writeInput } from './helpers.ts';
import type { TinyProject } from './project.ts';
import { RELEASE_FIXTURE_VERSION, makeReleaseProject } from './releaseProject.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

let p: TinyProject;
beforeEach(async () => {
  p = await makeReleaseProject();
});
afterEach(() => p.remove());

const run = (kind: string, file: string, o: Partial<ImportOptions> = {}): Promise<ImportReport> => {
  const k = fileImportKind(kind);
  if (!k) throw new Error(`no kind ${kind}`);
  return k.run({ dataDir: p.dataDir, file, body: 'Rectorat de Clermont-Ferrand', actor: 'test', now: () => new Date('2026-11-28T12:00:00Z'), ...o });
};

/** Rows of the served warehouse file. */
async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(path.join(p.dataDir, 'warehouse', 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** A school's row of GET /api/schools, as an object. */
async function schoolRow(uai: string, within = 'departement:15'): Promise<Record<string, unknown> | undefined> {
  const body = await servedJson(p, `/api/schools?indicator=ips&year=2022&within=${within}`);
  const cols = body.columns as string[];
  const row = (body.rows as unknown[][]).find((r) => r[0] === uai);
  return row ? Object.fromEntries(cols.map((c, i) => [c, row[i]])) : undefined;
}

/** Refused (or would be), with these codes, and nothing served changed. */
async function expectRefused(kind: string, name: string, content: string | Uint8Array, codes: Record<string, number>, o: Partial<ImportOptions> = {}): Promise<ImportReport> {
  const before = await servedSnapshot(p);
  const r = await run(kind, writeInput(p, name, content), o);
  expect(r.status).toBe('refused');
  expect(r.problems_by_code).toEqual(codes);
  expect(r.build.to).toBeNull();
  expect(await servedSnapshot(p)).toEqual(before);
  return r;
}

describe('ips: a new DEPP IPS year', () => {
  it('adds rentrée 2023 and replaces a corrected 2022 figure; facts, source and vintage follow', async () => {
    const r = await run('ips', path.join(FIXTURES, 'ips-colleges-2023.csv'));
    expect(r).toMatchObject({
      kind: 'ips',
      status: 'applied',
      file: { format: 'csv', encoding: 'utf-8', delimiter: ';' },
      rows: { total: 3, valid: 3, invalid: 0, imported: 3 },
      problems_total: 0,
      warnings_total: 0,
      release: {
        source: { id: 'ips-colleges-2022-2023', title: 'IPS des collèges', vintage: 'rentrée 2022-2023, 2023-2024' },
        counts: { schools: 2, school_years_added: 2, school_years_replaced: 1 },
        details: { school_type: ['college'] },
      },
      build: { from: RELEASE_FIXTURE_VERSION },
    });
    expect(await query(`SELECT uai, year, pupils, ips FROM school_years WHERE uai IN ('0631502R', '0631126G') ORDER BY uai, year`)).toEqual([
      { uai: '0631126G', year: 2022, pupils: 448, ips: 95 },
      { uai: '0631126G', year: 2023, pupils: 452, ips: 96.3 },
      { uai: '0631502R', year: 2022, pupils: 403, ips: 72.8 },
      { uai: '0631502R', year: 2023, pupils: 410, ips: 74.1 },
    ]);
    // the other schools are untouched; facts carry the new year
    expect(await query(`SELECT count(*)::INTEGER AS n FROM school_years`)).toEqual([{ n: 8 }]);
    expect(await query(`SELECT num, den FROM facts WHERE indicator = 'ips' AND year = 2023 AND uai = '0631502R'`)).toEqual([{ num: 74.1 * 410, den: 410 }]);
    const health = await servedJson(p, '/api/health');
    expect(health.sources).toContainEqual({ id: 'ips-colleges-2022-2023', title: 'IPS des collèges', producer: 'DEPP (ministère de l’Éducation nationale)', vintage: 'rentrée 2022-2023, 2023-2024', licence: 'Licence Ouverte / Etalab 2.0', page: 'https://data.education.gouv.fr/explore/dataset/fr-en-ips-colleges-ap2022/' });
    expect(health.imports).toEqual([expect.objectContaining({ import_id: r.import_id, kind: 'ips', body: 'Rectorat de Clermont-Ferrand', rows_imported: 3 })]);
    // the corrected 2022 IPS is what a visitor now gets
    const ips22 = await servedJson(p, '/api/map?indicator=ips&level=commune&year=2022&within=departement:63');
    expect((ips22.values as { code: string; value: number }[]).find((v) => v.code === '63113')?.value).toBeCloseTo((72.8 * 403 + 95 * 448) / (403 + 448), 6);
    expect((await readAudit(p.dataDir)).map((e) => [e.kind, e.status])).toEqual([['ips', 'applied']]);
  });

  it('reads the écoles layout, a BOM and Windows-1252 alike', async () => {
    const text = fixture('ips-ecoles-2023.csv');
    const bom = await run('ips', writeInput(p, 'bom.csv', `\uFEFF${text.replace(/\n/g, '\r\n')}`), { dryRun: true });
    expect(bom).toMatchObject({ status: 'dry_run', would_apply: true, file: { encoding: 'utf-8-bom' }, rows: { valid: 2 }, release: { details: { school_type: ['ecole'] } } });
    const cp = await run('ips', writeInput(p, 'cp1252.csv', windows1252(text)));
    expect(cp).toMatchObject({ status: 'applied', file: { encoding: 'windows-1252' }, rows: { imported: 2 } });
    expect(await query(`SELECT ips FROM school_years WHERE uai = '0150427H' AND year = 2023`)).toEqual([{ ips: 120.8 }]);
  });

  it('refuses bad files with line, column and reason, and changes nothing', async () => {
    const head = fixture('ips-colleges-2023.csv').split('\n')[0] ?? '';
    const line = (uai: string, ips: string, year = '2023-2024') => `${year};CLERMONT-FERRAND;063;PUY-DE-DOME;${uai};COLLEGE;63113;CLERMONT FERRAND;public;410.0;${ips};22.9`;
    // wrong delimiter in the rows
    const d = await expectRefused('ips', 'delim.csv', `${head}\n${line('0631502R', '74.1').replace(/;/g, ',')}\n`, { wrong_cell_count: 1 });
    expect(d.problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('delimiter') });
    // the whole file with commas, header included, is read as commas: every required column is then found
    // missing column (no uai), and an extra one (a warning only)
    const m = await expectRefused('ips', 'missing.csv', `${head.replace(';uai;', ';code_uai;')}\n${line('0631502R', '74.1')}\n`, { missing_column: 1 });
    expect(m.problems[0]).toMatchObject({ line: 1, column: 'uai', reason: expect.stringContaining('required column uai is missing') });
    expect(m.warnings?.[0]).toMatchObject({ code: 'unknown_column', column: 'code_uai' });
    const extra = await run('ips', writeInput(p, 'extra.csv', `${head};commentaire\n${line('0631502R', '74.1')};ok\n`), { dryRun: true });
    expect(extra).toMatchObject({ would_apply: true, warnings_by_code: { unknown_column: 1 }, warnings: [{ column: 'commentaire', column_number: 13 }] });
    // duplicates, unknown and wrong UAI, non-numeric and formula values, wrong school type, wrong year
    const r = await expectRefused('ips', 'bad.csv', [
      head,
      line('0631502R', '74.1'),
      line('0631502R', '75'),
      line('0631503S', '80'),
      line('0631502A', '80'),
      line('0631126G', 'abc'),
      line('0631126G', '=HYPERLINK("x")', '2022-2023'),
      line('0150427H', '100'),
      line('0631126G', '90', '2023-2025'),
      line('0631126G', '250', '2021-2022'),
    ].join('\n'), { duplicate_row: 1, unknown_uai: 1, uai_check_letter: 1, not_a_number: 1, formula_injection: 1, wrong_school_type: 1, wrong_year: 1, out_of_range: 1 });
    expect(r.problems.map((q) => [q.line, q.column, q.code])).toEqual([
      [3, null, 'duplicate_row'],
      [4, 'uai', 'unknown_uai'],
      [5, 'uai', 'uai_check_letter'],
      [6, 'ips', 'not_a_number'],
      [7, 'ips', 'formula_injection'],
      [8, 'uai', 'wrong_school_type'],
      [9, 'rentree_scolaire', 'wrong_year'],
      [10, 'ips', 'out_of_range'],
    ]);
    expect(r.problems[1]?.reason).toContain("import the Annuaire de l'éducation first");
    // --skip-invalid imports the one good row and lists the others
    const s = await run('ips', writeInput(p, 'bad2.csv', [head, line('0631502R', '74.1'), line('0631503S', '80')].join('\n')), { skipInvalid: true });
    expect(s).toMatchObject({ status: 'applied', rows: { imported: 1, skipped: 1 }, problems_by_code: { unknown_uai: 1 } });
  });
});

describe("annuaire: the Annuaire de l'éducation", () => {
  it('replaces commune points by exact positions, adds a new school, records headcounts and its source', async () => {
    const r = await run('annuaire', path.join(FIXTURES, 'annuaire-education-extrait.csv'));
    expect(r).toMatchObject({
      kind: 'annuaire',
      status: 'applied',
      rows: { total: 6, valid: 4, invalid: 0, ignored: 2, imported: 4 },
      problems_total: 0,
      warnings_by_code: { coarse_position: 1 },
      release: {
        source: { id: 'annuaire-education-2025-10-02', title: "Annuaire de l'éducation", vintage: 'extraction du 2025-10-02 (rentrée 2025-2026)' },
        counts: { schools: 4, schools_added: 1, positions_exact: 3, positions_replacing_commune_points: 2, positions_not_used: 1, headcounts: 4, school_year: 2025 },
        details: { added: ['0150485W'] },
      },
    });
    expect(r.warnings?.[0]).toMatchObject({ line: 5, column: 'precision_localisation', value: 'Ville' });
    // exact positions, visible with their flag through /api/schools
    expect(await schoolRow('0150427H')).toMatchObject({ position_quality: 'exact', lon: 2.4462, lat: 44.9301, display_lon: 2.4462 });
    expect(await schoolRow('0631502R', 'departement:63')).toMatchObject({ position_quality: 'exact', lon: 3.0964, lat: 45.7875 });
    // the lycée's town-level position is not used: it keeps its commune point
    expect(await schoolRow('0150006A')).toMatchObject({ position_quality: 'commune', lon: 2.4397 });
    // the new school, with its name, type, sector and commune
    expect(await schoolRow('0150485W')).toMatchObject({ name: 'Ecole élémentaire Louis Thioleron', school_type: 'ecole', sector: 'public', commune_code: '15187', position_quality: 'exact', lon: 3.085 });
    // closed or not a school: untouched, not added
    expect(await schoolRow('0150083J')).toMatchObject({ position_quality: 'commune', lon: 2.4397 });
    expect(await query(`SELECT count(*)::INTEGER AS n FROM schools WHERE uai = '0150662N'`)).toEqual([{ n: 0 }]);
    // headcounts for rentrée 2025, the 2022 figures kept
    expect(await query(`SELECT uai, pupils FROM school_years WHERE year = 2025 ORDER BY uai`)).toEqual([
      { uai: '0150006A', pupils: 930 }, { uai: '0150427H', pupils: 141 }, { uai: '0150485W', pupils: 118 }, { uai: '0631502R', pupils: 412 },
    ]);
    expect(await query(`SELECT pupils FROM school_years WHERE uai = '0150427H' AND year = 2022`)).toEqual([{ pupils: 144 }]);
    // searchable at once
    const search = await servedJson(p, '/api/search?q=thioleron');
    expect(JSON.stringify(search)).toContain('0150485W');
    expect((await servedJson(p, '/api/health')).sources).toContainEqual(expect.objectContaining({ id: 'annuaire-education-2025-10-02', producer: 'Ministère de l’Éducation nationale (MENJ)' }));
  });

  it('refuses wrong check letters, coordinates outside France, unknown communes and formulas; a position outside the département is a warning', async () => {
    const text = fixture('annuaire-education-extrait.csv');
    const [head = '', first = ''] = text.split('\n');
    const cells = (edit: Record<string, string>) => {
      const cols = head.split(';');
      const values = first.split(';');
      for (const [k, v] of Object.entries(edit)) values[cols.indexOf(k)] = v;
      return values.join(';');
    };
    const r = await expectRefused('annuaire', 'bad.csv', [
      head,
      cells({ Identifiant_de_l_etablissement: '0150427J' }),
      cells({ Identifiant_de_l_etablissement: '0150083J', latitude: '2.44', longitude: '44.93' }),
      cells({ Identifiant_de_l_etablissement: '0631502R', Type_etablissement: 'Collège', Code_commune: '99999' }),
      cells({ Identifiant_de_l_etablissement: '0150006A', Type_etablissement: 'Lycée', Nom_etablissement: '=cmd|calc!A1' }),
      cells({ Identifiant_de_l_etablissement: '0150413T', Nombre_d_eleves: 'beaucoup' }),
      cells({ Identifiant_de_l_etablissement: '0150427H' }),
      cells({ Identifiant_de_l_etablissement: '0150427H' }),
      cells({ Identifiant_de_l_etablissement: '9830001K', Code_commune: '98818', latitude: '-22.27', longitude: '166.45' }), // Nouméa: not on the map, ignored
    ].join('\n'), { uai_check_letter: 1, outside_france: 1, unknown_commune: 1, formula_injection: 1, not_a_number: 1, duplicate_row: 1 });
    expect(r.problems.map((q) => [q.line, q.column, q.code])).toEqual([
      [2, 'Identifiant_de_l_etablissement', 'uai_check_letter'],
      [3, 'latitude', 'outside_france'],
      [4, 'Code_commune', 'unknown_commune'],
      [5, 'Nom_etablissement', 'formula_injection'],
      [6, 'Nombre_d_eleves', 'not_a_number'],
      [8, null, 'duplicate_row'],
    ]);
    // a position in Puy-de-Dôme for a school of Cantal: kept out, with a warning; the rest applies
    const w = await run('annuaire', writeInput(p, 'dep.csv', [head, cells({ latitude: '45.7772', longitude: '3.0870' })].join('\n')));
    expect(w).toMatchObject({ status: 'applied', warnings_by_code: { outside_departement: 1 }, release: { counts: { positions_exact: 0, positions_not_used: 1 } } });
    expect(w.warnings?.[0]?.reason).toContain('outside département 15');
    expect(await schoolRow('0150427H')).toMatchObject({ position_quality: 'commune', lon: 2.4397 });
  });
});

describe('arcep: a current per-commune FttH file', () => {
  it('adds the T2 2024 vintage re-coded to current communes, as open data beside the historical 2018 one', async () => {
    const r = await run('arcep', path.join(FIXTURES, 'arcep-ftth-communes-2024T2.csv'));
    expect(r).toMatchObject({
      kind: 'arcep',
      status: 'applied',
      rows: { total: 5, valid: 4, ignored: 1, imported: 4 },
      problems_total: 0,
      release: { source: { id: 'arcep-ftth-communes-T2-2024', producer: 'Arcep', vintage: 'T2 2024' }, counts: { communes: 3, codes_recoded: 1, school_year: 2023 }, details: { quarter: ['T2 2024'] } },
    });
    expect(await query(`SELECT code, quarter, premises_ftth, premises_total FROM commune_ftth ORDER BY quarter, code`)).toEqual([
      { code: '15012', quarter: 'T1 2018', premises_ftth: 0, premises_total: 3000 },
      { code: '15014', quarter: 'T1 2018', premises_ftth: 1000, premises_total: 20000 },
      { code: '63113', quarter: 'T1 2018', premises_ftth: 50000, premises_total: 100000 },
      { code: '15014', quarter: 'T2 2024', premises_ftth: 20100, premises_total: 21500 },
      { code: '15268', quarter: 'T2 2024', premises_ftth: 710, premises_total: 1000 },
      { code: '63113', quarter: 'T2 2024', premises_ftth: 105500, premises_total: 110000 },
    ]);
    expect(await query(`SELECT year, commune_code, num, den, provenance FROM facts WHERE indicator = 'ftth_share' ORDER BY year, commune_code`)).toEqual([
      { year: 2017, commune_code: '15012', num: 0, den: 3000, provenance: 'historical' },
      { year: 2017, commune_code: '15014', num: 1000, den: 20000, provenance: 'historical' },
      { year: 2017, commune_code: '63113', num: 50000, den: 100000, provenance: 'historical' },
      { year: 2023, commune_code: '15014', num: 20100, den: 21500, provenance: 'open-data' },
      { year: 2023, commune_code: '15268', num: 710, den: 1000, provenance: 'open-data' },
      { year: 2023, commune_code: '63113', num: 105500, den: 110000, provenance: 'open-data' },
    ]);
    expect((await servedJson(p, '/api/health')).sources).toContainEqual(expect.objectContaining({ id: 'arcep-ftth-communes-T2-2024', vintage: 'T2 2024', producer: 'Arcep' }));
    // the 2018 figures a visitor sees are unchanged
    const map = await servedJson(p, '/api/map?indicator=ftth_share&level=departement&year=2017');
    expect((map.values as { code: string; value: number }[]).find((v) => v.code === '15')?.value).toBeCloseTo(100 * 1000 / 23000, 6);
  });

  it('reads the recent layout: a dated premises column, the premises estimate’s own columns', async () => {
    // as in the official files read by public scripts: "Meilleure estimation des locaux T4 2025"
    // beside the quarter columns, and the logements and établissements it is made of
    const head = 'Code commune;Nom commune;Logements;Établissements;Source retenue pour l\'estimation des locaux;Meilleure estimation des locaux T4 2025;T3 2025;T4 2025';
    const r = await run('arcep', writeInput(p, 'recent.csv', `${head}\n15014;Aurillac;19000;2600;Fichiers IPE;21600;20500;20900\n63113;Clermont-Ferrand;98000;13000;Fichiers IPE;111000;106000;107500\n`));
    expect(r).toMatchObject({ status: 'applied', warnings_total: 0, release: { source: { vintage: 'T4 2025' }, details: { quarter: ['T4 2025'] } } });
    expect(await query(`SELECT code, premises_ftth, premises_total FROM commune_ftth WHERE quarter = 'T4 2025' ORDER BY code`)).toEqual([
      { code: '15014', premises_ftth: 20900, premises_total: 21600 },
      { code: '63113', premises_ftth: 107500, premises_total: 111000 },
    ]);
  });

  it('refuses unknown codes, unreadable numbers, duplicates and a file without a quarter column', async () => {
    const head = 'Code commune;Nom commune;Meilleure estimation des locaux à date;T2 2024';
    const r = await expectRefused('arcep', 'bad.csv', [head, '15014;Aurillac;21500;20100', '99999;Nulle part;10;1', '63113;Clermont;beaucoup;1', '15014;Aurillac;21500;20100', '15187;Saint-Flour;-5;1'].join('\n'),
      { unknown_commune: 1, not_a_number: 1, duplicate_row: 1, out_of_range: 1 });
    expect(r.problems.map((q) => [q.line, q.column, q.code])).toEqual([[3, 'Code commune', 'unknown_commune'], [4, 'Meilleure estimation des locaux à date', 'not_a_number'], [5, null, 'duplicate_row'], [6, 'Meilleure estimation des locaux à date', 'out_of_range']]);
    const q = await expectRefused('arcep', 'noquarter.csv', 'Code commune;Meilleure estimation des locaux à date\n15014;21500\n', { missing_column: 1 });
    expect(q.problems[0]?.reason).toContain('no quarter column');
    await expectRefused('arcep', 'future.csv', 'Code commune;Meilleure estimation des locaux à date;T4 2030\n15014;21500;1\n', { missing_column: 1 });
  });
});

describe('boundaries: a new year of commune codes (code changes only)', () => {
  it('moves schools and FttH rows of a merged commune to the new code, and keeps the old code as an alias', async () => {
    const r = await run('boundaries', path.join(FIXTURES, 'cog-mouvements-2027.csv'));
    expect(r).toMatchObject({ kind: 'boundaries', status: 'applied', rows: { total: 4, valid: 1, ignored: 3 }, release: { counts: { code_changes: 1, current_communes_merged: 1, schools_recoded: 1 } } });
    expect(await query(`SELECT uai, commune_code, departement_code FROM schools WHERE uai = '0150413T'`)).toEqual([{ uai: '0150413T', commune_code: '15014', departement_code: '15' }]);
    expect(await query(`SELECT code, premises_ftth, premises_total FROM commune_ftth ORDER BY code`)).toEqual([
      { code: '15014', premises_ftth: 1000, premises_total: 23000 },
      { code: '63113', premises_ftth: 50000, premises_total: 100000 },
    ]);
    expect(await query(`SELECT alias_code, code FROM commune_aliases WHERE alias_code = '15012'`)).toEqual([{ alias_code: '15012', code: '15014' }]);
    // later imports re-code the old code: an ARCEP file still written with 15012
    const a = await run('arcep', writeInput(p, 'old.csv', 'Code commune;Meilleure estimation des locaux à date;T2 2024\n15012;3100;3000\n15014;21500;20100\n'));
    expect(a).toMatchObject({ status: 'applied', release: { counts: { communes: 1, codes_recoded: 1 } } });
    expect(await query(`SELECT premises_ftth, premises_total FROM commune_ftth WHERE quarter = 'T2 2024'`)).toEqual([{ premises_ftth: 23100, premises_total: 24600 }]);
  });

  it('also re-codes what earlier release imports brought (FttH rows, new schools)', async () => {
    await run('arcep', writeInput(p, 'a.csv', 'Code commune;Meilleure estimation des locaux à date;T2 2024\n15012;3100;3000\n15014;21500;20100\n'));
    const annuaire = fixture('annuaire-education-extrait.csv').split('\n');
    const cols = (annuaire[0] ?? '').split(';');
    const row = (annuaire[3] ?? '').split(';'); // the new school 0150485W, moved to Arpajon-sur-Cère for the test
    row[cols.indexOf('Code_commune')] = '15012';
    row[cols.indexOf('latitude')] = '44.9036';
    row[cols.indexOf('longitude')] = '2.457';
    await run('annuaire', writeInput(p, 'n.csv', `${annuaire[0]}\n${row.join(';')}\n`));
    expect(await query(`SELECT commune_code FROM schools WHERE uai = '0150485W'`)).toEqual([{ commune_code: '15012' }]);
    await run('boundaries', path.join(FIXTURES, 'cog-mouvements-2027.csv'));
    expect(await query(`SELECT code, premises_ftth, premises_total FROM commune_ftth WHERE quarter = 'T2 2024'`)).toEqual([{ code: '15014', premises_ftth: 23100, premises_total: 24600 }]);
    expect(await query(`SELECT uai, commune_code FROM schools WHERE commune_code IN ('15012', '15014') ORDER BY uai`)).toEqual([
      { uai: '0150006A', commune_code: '15014' }, { uai: '0150083J', commune_code: '15014' }, { uai: '0150413T', commune_code: '15014' },
      { uai: '0150427H', commune_code: '15014' }, { uai: '0150485W', commune_code: '15014' },
    ]);
  });

  it('refuses a new code that is not a commune of the warehouse, and conflicting changes', async () => {
    const head = 'COM_INI;COM_FIN';
    const r = await expectRefused('boundaries', 'bad.csv', `${head}\n15012;15999\n15187;15014\n15187;63113\n1501;15014\n`, { unknown_commune: 2, duplicate_row: 1 });
    expect(r.problems.map((q) => [q.line, q.column, q.code])).toEqual([[2, 'COM_FIN', 'unknown_commune'], [4, 'COM_FIN', 'duplicate_row'], [5, 'COM_INI', 'unknown_commune']]);
  });
});

describe('all release kinds', () => {
  it('roll back: the previous version serves the old positions again', async () => {
    await run('annuaire', path.join(FIXTURES, 'annuaire-education-extrait.csv'));
    expect(await schoolRow('0150427H')).toMatchObject({ position_quality: 'exact' });
    const { rollback } = await import('../../scripts/import/rollback.ts');
    await rollback({ dataDir: p.dataDir, actor: 'test' });
    expect(await schoolRow('0150427H')).toMatchObject({ position_quality: 'commune' });
    expect(await schoolRow('0150485W')).toBeUndefined();
  });
});
