/**
 * Validation of a commune boundaries file (etalab "contours administratifs" communes, IGN ADMIN
 * EXPRESS exported as GeoJSON, or the mirror's own file), plain or gzipped, before it may replace
 * the build's commune geometry (scripts/import/releases/contours.ts):
 *
 * - the file: valid JSON (a syntax error is reported with its line and column), a FeatureCollection;
 * - each feature (reported by its index, `row` = index + 1, and its line when the file has one
 *   feature per line or is pretty-printed): a commune code (`code`, `INSEE_COM`, `insee`,
 *   `codgeo`…) and a name (`nom`, `NOM`, `NOM_COM`, `name`…); a Polygon or MultiPolygon whose
 *   rings are closed, have at least 4 positions, finite numeric coordinates, inside metropolitan
 *   France or a DROM; no code twice; the code a current commune of the warehouse once the code
 *   changes (`--movements`, else the warehouse's aliases) are applied: a former code or a code
 *   replaced by a movement is refused, naming the commune that replaced it;
 * - COM (975, 977, 978, 98x) are outside the dashboard: ignored and counted;
 * - the communes of the warehouse without a polygon in the file are listed (they are kept,
 *   without geometry, like the 7 communes re-created after 2018 today); those merged by a
 *   code change are folded by the build into the commune that absorbed them
 *   (importedBoundaries.ts, foldMergedCommunes).
 *
 * Not checked: self-intersections and overlaps between communes (costly; the build's
 * simplification repairs what it can and reports it).
 */
import { gunzipSync } from 'node:zlib';
import { FRANCE_BOXES, type Box } from './context.ts';
import { MAX_PROBLEMS, cellPreview, type Problem, type ProblemCode } from '../report.ts';

export const CODE_PROPS = ['code', 'insee_com', 'code_insee', 'insee', 'codgeo', 'com', 'code_commune'] as const;
export const NAME_PROPS = ['nom', 'nom_com', 'name', 'libelle', 'libgeo', 'nom_commune'] as const;

/** Communes of the warehouse, as the validation needs them. */
export interface CommuneInfo {
  name: string;
  dep: string;
  population: number | null;
}

export interface ContoursInput {
  /** current communes of the warehouse */
  communes: ReadonlyMap<string, CommuneInfo>;
  /** former code (alias) → current commune, from the warehouse (current codes excluded) */
  aliases: ReadonlyMap<string, string>;
  /** code changes of this import (old → final new code) */
  movements: ReadonlyMap<string, { to: string }>;
}

export interface ContourFeature {
  code: string;
  name: string;
  dep: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface ContoursValidation {
  problems: Problem[];
  problemsTotal: number;
  byCode: Partial<Record<ProblemCode, number>>;
  /** a file-level problem: nothing else could be read */
  fileBroken: boolean;
  features: number;
  accepted: ContourFeature[];
  invalid: number;
  /** COM features (outside the dashboard), ignored */
  ignored: string[];
  /** communes of the warehouse without a polygon in the file (merged ones excluded) */
  withoutPolygon: { code: string; name: string; dep: string; population: number | null }[];
  /** communes merged by the movements: no polygon of their own, placed at their new commune */
  merged: { code: string; name: string; dep: string; population: number | null; host: string }[];
}

const CODE = /^(\d{5}|2[AB]\d{3})$/;
const COM = /^(97[578]|98)/;

/** Lines where the features of a FeatureCollection start (null when they cannot be told cheaply). */
export function featureLines(text: string): number[] {
  const out: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      // an object directly in an array of the root object: a feature (`bbox` holds numbers only)
      if (ch === 123 && stack.length === 2 && stack[0] === '{' && stack[1] === '[') out.push(line);
      stack.push(ch === 123 ? '{' : '[');
    } else if (ch === 125 || ch === 93) stack.pop();
  }
  return out;
}

/**
 * Where JSON.parse failed: the offset of the first character that breaks the JSON grammar (a small
 * scanner run only on a broken file, since V8's messages do not always give a position), as a
 * line and column.
 */
export function jsonErrorWhere(text: string): { line: number; column: number } {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch === '\\') i += 2;
      else if ((ch?.charCodeAt(0) ?? 0) < 32) fail();
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return str();
    if (ch === 't') return lit('true');
    if (ch === 'f') return lit('false');
    if (ch === 'n') return lit('null');
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m?.[0].length ?? 0;
  };
  let pos: number;
  try {
    value();
    ws();
    pos = i;
  } catch (at) {
    pos = typeof at === 'number' ? at : i;
  }
  const before = text.slice(0, pos);
  return { line: before.split('\n').length, column: pos - before.lastIndexOf('\n') };
}

const lowerKeys = (props: Record<string, unknown>) => new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase(), v]));

function prop(props: Map<string, unknown>, names: readonly string[]): { name: string; value: string } | null {
  for (const n of names) {
    const v = props.get(n);
    if (typeof v === 'string' && v.trim() !== '') return { name: n, value: v.trim() };
    if (typeof v === 'number' && Number.isFinite(v)) return { name: n, value: String(v) };
  }
  return null;
}

const inAnyBox = (b: Box) => FRANCE_BOXES.some(({ box }) => b[0] >= box[0] && b[2] <= box[2] && b[1] >= box[1] && b[3] <= box[3]);

/** Checks the rings of a geometry; returns the first problem (code and reason) or null. */
export function geometryProblem(g: unknown): { code: ProblemCode; reason: string } | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || typeof geom !== 'object') return { code: 'inconsistent', reason: 'the feature has no geometry' };
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') return { code: 'inconsistent', reason: `the geometry is a ${String(geom.type)}, not a Polygon or MultiPolygon` };
  if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0) return { code: 'inconsistent', reason: 'the geometry has no coordinates' };
  const polygons = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as unknown[];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [p, poly] of polygons.entries()) {
    if (!Array.isArray(poly) || poly.length === 0) return { code: 'inconsistent', reason: `polygon ${p + 1} has no ring` };
    for (const [r, ring] of (poly as unknown[]).entries()) {
      const where = `${geom.type === 'MultiPolygon' ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`;
      if (!Array.isArray(ring) || ring.length < 4) return { code: 'inconsistent', reason: `${where} has ${Array.isArray(ring) ? ring.length : 0} positions: a ring needs at least 4` };
      for (const [k, pos] of (ring as unknown[]).entries()) {
        if (!Array.isArray(pos) || pos.length < 2 || typeof pos[0] !== 'number' || typeof pos[1] !== 'number' || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
          return { code: 'not_a_number', reason: `${where}, position ${k + 1}: coordinates ${cellPreview(JSON.stringify(pos) ?? String(pos))} are not two finite numbers` };
        }
        const [x, y] = pos as [number, number];
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
      const a = ring[0] as number[];
      const b = ring[ring.length - 1] as number[];
      if (a[0] !== b[0] || a[1] !== b[1]) return { code: 'inconsistent', reason: `${where} is not closed: it starts at [${a[0]}, ${a[1]}] and ends at [${b[0]}, ${b[1]}]` };
    }
  }
  if (!inAnyBox(box)) {
    return { code: 'outside_france', reason: `the polygon spans [${box.map((v) => +v.toFixed(4)).join(', ')}] (lon/lat WGS84): not inside metropolitan France nor a DROM (is it in Lambert-93 or another projection?)` };
  }
  return null;
}

/** Parses (gunzips when gzipped) and validates a boundaries file. */
export function validateContours(bytes: Buffer, input: ContoursInput): ContoursValidation {
  const out: ContoursValidation = { problems: [], problemsTotal: 0, byCode: {}, fileBroken: false, features: 0, accepted: [], invalid: 0, ignored: [], withoutPolygon: [], merged: [] };
  const add = (p: Problem) => {
    out.problemsTotal++;
    out.byCode[p.code] = (out.byCode[p.code] ?? 0) + 1;
    if (out.problems.length < MAX_PROBLEMS) out.problems.push(p);
  };
  const fileProblem = (code: ProblemCode, reason: string, extra: Partial<Problem> = {}) => {
    out.fileBroken = true;
    add({ column: null, code, reason, ...extra });
    return out;
  };
  let raw = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw);
    } catch (err) {
      return fileProblem('file_format', `not a valid gzip file (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trim()) return fileProblem('file_empty', 'the file is empty: a GeoJSON FeatureCollection of commune polygons is expected');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    const where = jsonErrorWhere(text);
    return fileProblem('file_format', `not valid JSON at line ${where.line}, column ${where.column} (${cellPreview(msg)}): a GeoJSON FeatureCollection is expected`, { line: where.line, column_number: where.column });
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || Array.isArray(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    const what = Array.isArray(fc) ? 'a JSON array' : fc && typeof fc === 'object' ? `an object of type ${JSON.stringify(fc.type ?? null)}` : `a JSON ${typeof fc}`;
    return fileProblem('file_format', `not a GeoJSON FeatureCollection (the file holds ${what}): {"type": "FeatureCollection", "features": [...]} is expected`);
  }
  const features = fc.features as unknown[];
  if (features.length === 0) return fileProblem('file_empty', 'the FeatureCollection has no feature');
  out.features = features.length;
  const lines = featureLines(text);
  const lineOf = lines.length === features.length ? (i: number) => lines[i] : () => undefined;
  const firstAt = new Map<string, number>();
  for (const [i, f] of features.entries()) {
    const line = lineOf(i);
    const at = { ...(line !== undefined ? { line } : {}), row: i + 1 };
    let bad = false;
    const problem = (column: string | null, code: ProblemCode, reason: string, value?: string) => {
      bad = true;
      add({ ...at, column, ...(value !== undefined ? { value: cellPreview(value) } : {}), code, reason: `feature #${i}: ${reason}` });
    };
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      problem(null, 'file_format', 'not a GeoJSON Feature');
      out.invalid++;
      continue;
    }
    const props = lowerKeys(feature.properties && typeof feature.properties === 'object' ? (feature.properties as Record<string, unknown>) : {});
    const code = prop(props, CODE_PROPS);
    const name = prop(props, NAME_PROPS);
    if (!code) problem('code', 'missing_column', `no commune code (property ${CODE_PROPS.map((p) => `"${p}"`).join(', ')}; case ignored)`);
    if (!name) problem('nom', 'missing_column', `no commune name (property ${NAME_PROPS.map((p) => `"${p}"`).join(', ')}; case ignored)`);
    const c = code ? (/^\d{4}$/.test(code.value) ? `0${code.value}` : code.value.toUpperCase()) : '';
    if (code && COM.test(c)) {
      out.ignored.push(c);
      continue;
    }
    let dep = '';
    if (code) {
      const first = firstAt.get(c);
      if (!CODE.test(c)) problem(code.name, 'unknown_commune', `"${c}" is not a commune code (5 characters: digits, or 2A/2B and 3 digits)`, code.value);
      else if (first !== undefined) problem(code.name, 'duplicate_row', `commune ${c} already has a polygon: feature #${first}${lineOf(first) !== undefined ? ` (line ${lineOf(first)})` : ''}`, code.value);
      else {
        firstAt.set(c, i);
        const moved = input.movements.get(c);
        const alias = input.aliases.get(c);
        if (moved) problem(code.name, 'unknown_commune', `commune ${c} is replaced by ${moved.to} (INSEE code changes): its land must be in ${moved.to}'s polygon`, code.value);
        else if (input.communes.has(c)) dep = input.communes.get(c)?.dep ?? '';
        else if (alias) problem(code.name, 'unknown_commune', `${c} is not a current commune: it is a former code of ${alias} (${input.communes.get(alias)?.name ?? '?'}); is the file older than the warehouse's COG, or are the code changes (--movements) missing?`, code.value);
        else problem(code.name, 'unknown_commune', `${c} is not a commune of the warehouse${input.movements.size ? ' nor of the movements file' : ''}: a commune created with a new code is not supported (the communes come from the COG of the build)`, code.value);
      }
    }
    const g = geometryProblem(feature.geometry);
    if (g) problem('geometry', g.code, g.reason);
    if (bad || !code || !name) {
      out.invalid++;
      continue;
    }
    out.accepted.push({ code: c, name: name.value, dep, geometry: feature.geometry as ContourFeature['geometry'] });
  }
  const have = new Set(out.accepted.map((f) => f.code));
  for (const [code, info] of input.communes) {
    if (have.has(code) || firstAt.has(code)) continue;
    const moved = input.movements.get(code);
    if (moved && have.has(moved.to)) out.merged.push({ code, ...info, host: moved.to });
    else out.withoutPolygon.push({ code, ...info });
  }
  out.problems.sort((p, q) => (p.row ?? 0) - (q.row ?? 0));
  return out;
}
