// The objectives file format: the shipped examples load, and bad files get "file:line: field:
// message" errors (the files below are written inline, so their line numbers can be read here).
import { describe, expect, it } from 'vitest';
import { jsonLines, lineOf, syntaxErrorLine } from './locate.ts';
import { checkObjectivesText, deadlineYear, EXAMPLES_FILE, loadObjectivesFile, ObjectivesFileError, parseObjectives } from './schema.ts';

const objective = (over: Record<string, unknown> = {}) => ({
  id: 'o1',
  title: { fr: 'Objectif (exemple fictif)', en: 'Objective (fictitious example)' },
  convention: { id: 'convention-cadre', title: 'Convention-cadre' },
  partner: { id: 'departement-15', name: 'Cantal', kind: 'departement' },
  indicator: 'bandwidth_mean',
  scope: { territory: 'departement:15', school_type: 'college' },
  judged_by: 'share_of_schools',
  threshold: { op: '>=', value: 30 },
  target: { op: '>=', value: 100 },
  baseline_year: 2019,
  deadline: 2026,
  example: true,
  ...over,
});
const file = (...objectives: unknown[]) => JSON.stringify({ version: 1, objectives }, null, 2);

/** The problems of a bad file (fails the test when it loads). */
const problems = (text: string): string[] => {
  try {
    parseObjectives(text, '/somewhere/bad.json');
  } catch (err) {
    if (err instanceof ObjectivesFileError) return err.problems;
    throw err;
  }
  throw new Error('the file loaded');
};

describe('the shipped examples', () => {
  it('load, are all labelled as examples, and cover the four départements, the Région and the rectorat', () => {
    const all = loadObjectivesFile(EXAMPLES_FILE);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const o of all) {
      expect(o.example).toBe(true);
      expect(o.title.fr).toMatch(/exemple fictif/);
    }
    expect(new Set(all.map((o) => o.partner.id))).toEqual(new Set(['departement-03', 'departement-15', 'departement-43', 'departement-63', 'region-84', 'rectorat-06']));
  });
});

describe('bad files', () => {
  it('names file, line and field of a wrong type', () => {
    const text = file(objective(), objective({ id: 'o2', target: { op: '>=', value: 'all' } }));
    // line 1 {, 2 "version", 3 "objectives": [, 4–34 first objective (31 lines), 35 {, 36 "id" … the target's value
    const line = text.split('\n').findIndex((l) => l.includes('"all"')) + 1;
    expect(line).toBeGreaterThan(35);
    expect(problems(text)).toEqual([`bad.json:${line}: objectives[1].target.value: expected a number`]);
  });

  it('reports a missing field on the line of its object', () => {
    const o = objective({ id: 'o3' }) as Record<string, unknown>;
    delete o.baseline_year;
    const text = file(o);
    // line 3 is "objectives": [, line 4 the objective's opening brace
    expect(problems(text)).toEqual([expect.stringMatching(/^bad\.json:4: objectives\[0\]\.baseline_year: /)]);
  });

  it('reports unknown fields, bad enums and catalog mismatches, each on its line, in file order', () => {
    const text = `{
  "version": 1,
  "objectives": [
    {
      "id": "o1",
      "title": { "fr": "a", "en": "b" },
      "convention": { "id": "c", "title": "C" },
      "partner": { "id": "p", "name": "P", "kind": "commune" },
      "indicator": "thd_shar",
      "scope": { "territory": "departement:15" },
      "judged_by": "territory_value",
      "target": { "op": ">=", "value": 90 },
      "baseline_year": 2019,
      "deadline": 2026,
      "example": true,
      "owner": "me"
    }
  ]
}`;
    expect(problems(text)).toEqual([
      'bad.json:8: objectives[0].partner.kind: must be one of rectorat, region, departement',
      'bad.json:16: objectives[0].owner: unknown field',
    ]);
    const fixed = text.replace('"commune"', '"departement"').replace(',\n      "owner": "me"', '');
    expect(problems(fixed)).toEqual(['bad.json:9: objectives[0].indicator: unknown indicator "thd_shar" (see /api/indicators)']);
  });

  it('checks the rules between fields', () => {
    expect(problems(file(objective({ threshold: undefined })))).toEqual([expect.stringMatching(/^bad\.json:4: objectives\[0\]\.threshold: required when judged_by is share_of_schools/)]);
    expect(problems(file(objective({ judged_by: 'territory_value' })))).toEqual([expect.stringMatching(/^bad\.json:\d+: objectives\[0\]\.threshold: only for judged_by share_of_schools/)]);
    expect(problems(file(objective({ target: { op: '<=', value: 150 } })))).toEqual([
      expect.stringMatching(/^bad\.json:\d+: objectives\[0\]\.target\.op: .*">="/),
      expect.stringMatching(/^bad\.json:\d+: objectives\[0\]\.target\.value: a share of schools in %/),
    ]);
    expect(problems(file(objective({ indicator: 'ftth_share', scope: { territory: 'departement:15' }, baseline_year: 2017 })))).toEqual([expect.stringMatching(/judged_by: indicator ftth_share is not computed per school/)]);
    expect(problems(file(objective({ baseline_year: 2012 })))).toEqual([expect.stringMatching(/baseline_year: indicator bandwidth_mean has no year 2012; available: 2019/)]);
    expect(problems(file(objective({ deadline: '2018-01-01' })))).toEqual([expect.stringMatching(/deadline: must not be before the baseline year/)]);
    expect(problems(file(objective({ deadline: '2026-13-45' })))).toEqual([expect.stringMatching(/deadline: not a valid date/)]);
    expect(problems(file(objective({ scope: { territory: 'canton:15' } })))).toEqual([expect.stringMatching(/scope\.territory: as <level>:<code>/)]);
    expect(problems(file(objective(), objective()))).toEqual([expect.stringMatching(/^bad\.json:\d+: objectives\[1\]\.id: duplicate id "o1"/)]);
  });

  it('gives the line of a JSON syntax error', () => {
    const text = '{\n  "version": 1,\n  "objectives": [\n    { "id": "o1", }\n  ]\n}';
    expect(problems(text)).toEqual([expect.stringMatching(/^bad\.json:4: \(file\): not valid JSON: /)]);
  });

  it('wants the format version and at least one objective', () => {
    expect(problems('{ "version": 2, "objectives": [] }')).toEqual([
      'bad.json:1: version: expected 1 (the format version)',
      'bad.json:1: objectives: at least one objective',
    ]);
  });
});

describe('locating JSON paths', () => {
  it('maps paths to lines, falling back to the nearest ancestor', () => {
    const text = '{\n  "a": [\n    1,\n    { "b": "x\\"}" }\n  ],\n  "c": {}\n}';
    const lines = jsonLines(text);
    expect(lineOf(lines, ['a'])).toBe(2);
    expect(lineOf(lines, ['a', 0])).toBe(3);
    expect(lineOf(lines, ['a', 1, 'b'])).toBe(4);
    expect(lineOf(lines, ['c', 'missing'])).toBe(6);
    expect(syntaxErrorLine('{\n\n  x', 'Unexpected token x in JSON at position 5')).toBe(3);
  });
});

describe('deadlineYear', () => {
  it('turns a date into the school year holding it (from the 1st of September)', () => {
    expect(deadlineYear(2027)).toBe(2027);
    expect(deadlineYear('2027-06-30')).toBe(2026);
    expect(deadlineYear('2027-09-01')).toBe(2027);
  });
});

describe('checkObjectivesText (the import report)', () => {
  it('gives each problem its line, field, stable code, reason, offending value and objective, without throwing', () => {
    // (the cross-field checks of an objective run once its fields have the right types: o3's kind only)
    const text = file(objective({ id: 'rapport' }), objective({ id: 'o2', indicator: 'nope' }), objective({ id: 'o3', indicator: 'nope', partner: { id: 'p', name: 'P', kind: 'mairie' } }));
    const at = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const r = checkObjectivesText(`\uFEFF${text}`);
    expect(r.objectives).toBeNull();
    expect(r.problems).toEqual([
      { line: at('"rapport"'), field: 'objectives[0].id', code: 'invalid_format', reason: '"rapport" is reserved (a page of the site): choose another id', value: '"rapport"', objective: 0 },
      { line: at('"nope"'), field: 'objectives[1].indicator', code: 'unknown_indicator', reason: 'unknown indicator "nope" (see /api/indicators)', value: '"nope"', objective: 1 },
      { line: at('"mairie"'), field: 'objectives[2].partner.kind', code: 'unknown_value', reason: 'must be one of rectorat, region, departement', value: '"mairie"', objective: 2 },
    ]);
    const missing = objective() as Record<string, unknown>;
    delete missing.target;
    expect(checkObjectivesText(file(missing)).problems).toMatchObject([{ field: 'objectives[0].target', code: 'missing_field', line: 4 }]);
    const ok = checkObjectivesText(file(objective()));
    expect(ok.problems).toEqual([]);
    expect(ok.objectives?.map((o) => [o.id, o.deadline_year, o.ind.id])).toEqual([['o1', 2026, 'bandwidth_mean']]);
    expect(ok.lineOf(['objectives', 0, 'scope', 'territory'])).toBe(file(objective()).split('\n').findIndex((l) => l.includes('"territory"')) + 1);
  });
});
