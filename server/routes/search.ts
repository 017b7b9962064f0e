/**
 * `GET /api/search?q=&limit=&kind=`: territories (régions, académies, départements, communes,
 * EPCI) and schools whose name matches a free-text query, accent-, case- and
 * hyphen-insensitive, by word prefixes in any order (`clermont`, `st flour`), or whose code is
 * the query (a UAI, `63113`, `2A`); best first (see server/queries/search.sql for the score).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Row, Warehouse } from '../db/warehouse.ts';
import { sql } from '../queries/load.ts';
import { MAX_TOKENS, parseQuery } from '../search/normalize.ts';
import { validate } from '../validation.ts';

/** Most results one search returns (and the default `limit`). */
export const MAX_RESULTS = 20;

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'at least 1 character besides spaces')
    .max(100, 'at most 100 characters')
    .describe('free text: a name or part of one (any case, with or without accents and hyphens), a UAI or a territory code'),
  limit: z
    .string()
    .regex(/^\d{1,2}$/, `a whole number from 1 to ${MAX_RESULTS}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_RESULTS, `a whole number from 1 to ${MAX_RESULTS}`)
    .optional()
    .describe(`most results (1 to ${MAX_RESULTS}, default ${MAX_RESULTS})`),
  kind: z
    .enum(['territory', 'school'], { error: () => 'must be one of territory, school' })
    .optional()
    .describe('only territories or only schools'),
});

interface ResultBase {
  level: string;
  code: string;
  name: string;
  /** e.g. "Cantal (15)" for a commune, "Saint-Flour · collège · public" for a school */
  context: string;
  score: number;
}
export type SearchResult =
  | (ResultBase & { kind: 'territory'; population: number | null })
  | (ResultBase & { kind: 'school'; pupils: number | null });

function toResult(r: Row): SearchResult {
  const base: ResultBase = { level: String(r.level), code: String(r.code), name: String(r.name), context: String(r.context), score: Number(r.score) };
  return r.kind === 'school'
    ? { kind: 'school', ...base, pupils: r.pupils as number | null }
    : { kind: 'territory', ...base, population: r.population as number | null };
}

/** Search routes over one opened warehouse. */
export function searchRoutes(db: Warehouse) {
  const text = sql('search');
  return new Hono().get('/', validate('query', searchQuery), async (c) => {
    const { q, limit = MAX_RESULTS, kind } = c.req.valid('query');
    const { phrase, tokens, code } = parseQuery(q);
    let results: SearchResult[] = [];
    if (tokens.length > 0 || code !== null) {
      const params: Record<string, string | number | null> = { phrase, code, kind: kind ?? null, limit };
      for (let i = 0; i < MAX_TOKENS; i++) params[`t${i + 1}`] = tokens[i] ?? null;
      results = (await db.query(text, params)).map(toResult);
    }
    return c.json({ q, results });
  });
}
