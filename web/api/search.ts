/**
 * Search (`/api/search?q=`) as react-query options, and the one extra look-up a school result
 * needs: its commune (a school result names its commune, the UAI gives its département).
 * Every parameter is in the query key, so a newer query never reuses an older answer, and the
 * AbortSignal lets react-query cancel a request nobody waits for any more.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { SearchResult } from '../../server/routes/search.ts';
import { fetchJson } from './client.ts';

export type { SearchResult };

export interface SearchResponse {
  q: string;
  results: SearchResult[];
}

export type SearchKind = 'territory' | 'school';

/** Territories and schools matching `q` (trimmed; the caller does not ask for an empty one). */
export function searchOptions(q: string, kind: SearchKind | null = null, limit = 20) {
  const text = q.trim();
  const params = new URLSearchParams({ q: text, limit: String(limit) });
  if (kind) params.set('kind', kind);
  return queryOptions({
    queryKey: ['search', { q: text, kind, limit }] as const,
    queryFn: ({ signal }) => fetchJson<SearchResponse>(`/api/search?${params.toString()}`, signal),
    staleTime: 10 * 60_000,
  });
}

/** The département of a school from its UAI: `0150029A` → `15`, `6200002H` → `2A`, `9710001A` → `971`. */
export function departementOfUai(uai: string): string | null {
  const prefix = uai.slice(0, 3);
  if (prefix === '620') return '2A';
  if (prefix === '720') return '2B';
  if (/^97\d$/.test(prefix)) return prefix;
  return /^0\d\d$/.test(prefix) ? prefix.slice(1) : null;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The commune a school search result is in: its context starts with the commune's name
 * ("Saint-Flour · collège · public"), its UAI gives the département; a territory search for
 * "<name> <département>" finds the commune. Null when nothing fits.
 */
export async function schoolCommune(
  client: QueryClient,
  school: Pick<SearchResult, 'code' | 'context'>,
): Promise<{ code: string; departement: string } | null> {
  const departement = departementOfUai(school.code);
  const name = school.context.split(' · ')[0]?.trim();
  if (!departement || !name) return null;
  const { results } = await client.fetchQuery(searchOptions(`${name} ${departement}`, 'territory'));
  const communes = results.filter((r) => r.level === 'commune' && r.context.endsWith(`(${departement})`));
  const exact = communes.find((r) => norm(r.name) === norm(name));
  const found = exact ?? communes[0];
  return found ? { code: found.code, departement } : null;
}
