/**
 * Convention objectives: the file format (a zod schema checked against the indicator catalog) and
 * its loader, whose errors name the file, the line, the field and the reason
 * ("examples.json:42: objectives[3].target.value: expected number"). I/O free except `loadObjectivesFile`.
 *
 * An objective is judged in one of two ways:
 * - `share_of_schools`: each school of the scope meets `threshold` on its own value (e.g. measured
 *   bandwidth ≥ 30 Mbit/s), and the judged value is the share of the scope's schools that do (%),
 *   which must reach `target` (e.g. ≥ 100 %: every school, not the average);
 * - `territory_value`: the scope's value (ratio of sums, as everywhere) must meet `target`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { findIndicator, SCHOOL_TYPES, SECTORS, type Indicator } from '../indicators/catalog.ts';
import { jsonLines, lineOf, syntaxErrorLine } from './locate.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -, at most 64 characters');
const text = z.string().trim().min(1, 'must not be empty');
const localized = z.strictObject({ fr: text, en: text });
const comparison = z.strictObject({
  op: z.enum(['>=', '<='], { error: () => 'must be ">=" (at least) or "<=" (at most)' }),
  value: z.number({ error: () => 'expected a number' }),
});

export const PARTNER_KINDS = ['rectorat', 'region', 'departement'] as const;
/** Ids an objective cannot take: they name pages (`/objectifs/rapport`). */
export const RESERVED_IDS: readonly string[] = ['rapport'];

const objectiveSchema = z
  .strictObject({
    id: slug,
    title: localized,
    description: localized.optional(),
    convention: z.strictObject({ id: slug, title: text }),
    partner: z.strictObject({ id: slug, name: text, kind: z.enum(PARTNER_KINDS, { error: () => `must be one of ${PARTNER_KINDS.join(', ')}` }) }),
    indicator: z.string({ error: () => 'expected an indicator id (see /api/indicators)' }),
    scope: z.strictObject({
      territory: z.string().regex(/^(region|academie|departement|commune):[0-9][0-9AB][0-9]{0,3}$/, 'as <level>:<code>, e.g. departement:15'),
      school_type: z.enum(SCHOOL_TYPES, { error: () => `must be one of ${SCHOOL_TYPES.join(', ')}` }).optional(),
      sector: z.enum(SECTORS, { error: () => `must be one of ${SECTORS.join(', ')}` }).optional(),
    }),
    judged_by: z.enum(['share_of_schools', 'territory_value'], { error: () => 'must be "share_of_schools" or "territory_value"' }),
    /** share_of_schools only: what each school's own value must meet */
    threshold: comparison.optional(),
    /** the judged value's target: a share of schools in % (share_of_schools) or the territory's value */
    target: comparison,
    baseline_year: z.number().int('expected a whole year'),
    /** a school year N (rentrée N: the value of year N must meet the target) or an ISO date */
    deadline: z.union([z.number().int().min(2000).max(2100), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)], { error: () => 'expected a school year (e.g. 2027) or a date YYYY-MM-DD' }),
    example: z.boolean({ error: () => 'expected true or false (true: a fictitious example)' }),
    source: text.optional(),
  })
  .superRefine((o, ctx) => {
    const issue = (path: (string | number)[], message: string, problem: ObjectiveProblemCode = 'inconsistent') => ctx.addIssue({ code: 'custom', path, message, params: { problem } });
    if (RESERVED_IDS.includes(o.id)) issue(['id'], `"${o.id}" is reserved (a page of the site): choose another id`, 'invalid_format');
    const ind = findIndicator(o.indicator);
    if (!ind) return issue(['indicator'], `unknown indicator "${o.indicator}" (see /api/indicators)`, 'unknown_indicator');
    if (ind.direction === 'neutral' && o.judged_by === 'territory_value') issue(['indicator'], `indicator ${ind.id} has no better direction: it cannot be an objective`);
    if (ind.grain !== 'school') {
      if (o.judged_by === 'share_of_schools') issue(['judged_by'], `indicator ${ind.id} is not computed per school: judge it by territory_value`);
      if (o.scope.school_type || o.scope.sector) issue(['scope'], `indicator ${ind.id} is not computed per school: school_type and sector do not apply`);
    }
    if (o.judged_by === 'share_of_schools') {
      if (!o.threshold) issue(['threshold'], 'required when judged_by is share_of_schools (the bar each school must meet)');
      if (o.target.op !== '>=') issue(['target', 'op'], 'a share of schools is a target to reach: op must be ">="');
      if (o.target.value <= 0 || o.target.value > 100) issue(['target', 'value'], 'a share of schools in %: more than 0, at most 100');
    } else if (o.threshold) {
      issue(['threshold'], 'only for judged_by share_of_schools (a territory_value objective has a target only)');
    }
    if (!ind.years.includes(o.baseline_year)) issue(['baseline_year'], `indicator ${ind.id} has no year ${o.baseline_year}; available: ${ind.years.join(', ')}`);
    if (deadlineYear(o.deadline) < o.baseline_year) issue(['deadline'], 'must not be before the baseline year');
    if (typeof o.deadline === 'string' && Number.isNaN(Date.parse(`${o.deadline}T00:00:00Z`))) issue(['deadline'], 'not a valid date');
  });

export const objectivesFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: () => 'expected 1 (the format version)' }),
    description: z.string().optional(),
    objectives: z.array(objectiveSchema).min(1, 'at least one objective'),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.objectives.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'id'], message: `duplicate id "${o.id}"`, params: { problem: 'duplicate_id' } });
      seen.add(o.id);
    });
  });

export type ObjectiveDef = z.infer<typeof objectiveSchema>;
export type Comparison = ObjectiveDef['target'];

/** A checked objective with its catalog indicator and deadline as a school year. */
export interface Objective extends ObjectiveDef {
  ind: Indicator;
  deadline_year: number;
}

/**
 * The school year of a deadline: a year is a school year N (rentrée N); a date falls in the school
 * year that starts on the 1st of September before it (2027-06-30 → 2026, 2027-09-15 → 2027).
 */
export function deadlineYear(deadline: number | string): number {
  if (typeof deadline === 'number') return deadline;
  const [y, m] = deadline.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** A file that does not follow the format: every problem, one "file:line: field: message" each. */
export class ObjectivesFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid objectives file:\n${problems.join('\n')}`);
    this.name = 'ObjectivesFileError';
  }
}

const fieldOf = (p: readonly PropertyKey[]) =>
  p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '') || '(file)';

/** Stable codes of the problems of an objectives file (the import report's `code`). */
export type ObjectiveProblemCode =
  | 'file_format'
  | 'missing_field'
  | 'unknown_field'
  | 'wrong_type'
  | 'unknown_value'
  | 'invalid_format'
  | 'out_of_range'
  | 'unknown_indicator'
  | 'duplicate_id'
  | 'inconsistent'
  | 'unknown_territory';

/** One problem of an objectives file: where (line, field path), why, and the offending value. */
export interface ObjectiveProblem {
  line: number;
  /** the field's path, e.g. `objectives[3].target.value` (`(file)` for the whole file) */
  field: string;
  code: ObjectiveProblemCode;
  reason: string;
  /** the offending value as JSON, cut to 80 characters (absent when the field is missing) */
  value?: string;
  /** the objective it belongs to (index in `objectives`), when it belongs to one */
  objective?: number;
}

/** The result of checking an objectives file's text: the objectives, or the problems. */
export interface ObjectivesCheck {
  objectives: Objective[] | null;
  problems: ObjectiveProblem[];
  /** the line of any path of the file (for checks made later, e.g. against the warehouse) */
  lineOf(path: readonly (string | number)[]): number;
}

const valueAt = (data: unknown, p: readonly (string | number)[]): unknown =>
  p.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);

const preview = (v: unknown): string | undefined => {
  if (v === undefined) return undefined;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function codeOf(issue: z.core.$ZodIssue, value: unknown): ObjectiveProblemCode {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'missing_field' : 'wrong_type';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_value':
      return 'unknown_value';
    case 'invalid_format':
      return 'invalid_format';
    case 'too_small':
    case 'too_big':
      return 'out_of_range';
    case 'invalid_union':
      return 'wrong_type';
    case 'custom': {
      const c = (issue.params as { problem?: ObjectiveProblemCode } | undefined)?.problem;
      return c ?? 'inconsistent';
    }
    default:
      return 'inconsistent';
  }
}

/**
 * Checks an objectives file's text without throwing: every problem with its line, field, code
 * and reason, in the order of the file; the objectives when there is none. Pure.
 */
export function checkObjectivesText(source: string): ObjectivesCheck {
  const text = source.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    return { objectives: null, problems: [{ line: syntaxErrorLine(text, msg) ?? 1, field: '(file)', code: 'file_format', reason: `not valid JSON: ${msg}` }], lineOf: () => 1 };
  }
  const lines = jsonLines(text);
  const at = (p: readonly (string | number)[]) => lineOf(lines, p);
  const parsed = objectivesFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): ObjectiveProblem => {
      const p = i.path.filter((k): k is string | number => typeof k !== 'symbol');
      // an unknown field is reported on its own line
      const keys = i.code === 'unrecognized_keys' ? i.keys : [];
      const where = keys[0] !== undefined ? [...p, keys[0]] : p;
      const value = valueAt(data, where);
      const reason = i.code === 'unrecognized_keys' ? `unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''}` : i.message;
      const v = i.code === 'unrecognized_keys' ? undefined : preview(value);
      return {
        line: at(where),
        field: fieldOf(where),
        code: codeOf(i, value),
        reason,
        ...(v !== undefined ? { value: v } : {}),
        ...(where[0] === 'objectives' && typeof where[1] === 'number' ? { objective: where[1] } : {}),
      };
    });
    // in the order of the file
    return { objectives: null, problems: problems.sort((a, b) => a.line - b.line), lineOf: at };
  }
  const objectives = parsed.data.objectives.map((o) => ({ ...o, ind: findIndicator(o.indicator) as Indicator, deadline_year: deadlineYear(o.deadline) }));
  return { objectives, problems: [], lineOf: at };
}

/** Parses and checks an objectives file's text; throws ObjectivesFileError naming file, line and field. */
export function parseObjectives(source: string, file = 'objectives.json'): Objective[] {
  const name = path.basename(file);
  const checked = checkObjectivesText(source);
  if (!checked.objectives) throw new ObjectivesFileError(checked.problems.map((p) => `${name}:${p.line}: ${p.field}: ${p.reason}`));
  return checked.objectives;
}

/** Reads and checks an objectives file (start-up: a bad file stops the server with its errors). */
export function loadObjectivesFile(file: string): Objective[] {
  return parseObjectives(readFileSync(file, 'utf8'), file);
}

/** The shipped example objectives (fictitious: every one has `example: true`). */
export const EXAMPLES_FILE = fileURLToPath(new URL('./examples.json', import.meta.url));
