/**
 * Which URLs of this site can be embedded, and the embed of each. The map dashboard (`/`) and the
 * map embed (`/embed/map`) share the same URL state; a profile (`/territoire/…`), a comparison
 * (`/comparer`) and an objective (`/objectifs/{id}`) embed their main chart through
 * `/embed/chart?chart=…` (the series of the profile's indicator, or the distribution for an
 * indicator with one year; the comparison's first indicator; the objective's chart), and a chart
 * embed URL embeds itself. Query keys and values are filtered (short, plain characters) and
 * re-encoded, never echoed raw. Pure.
 */
import { isSynthetic } from '../indicators/catalog.ts';
// the served catalog (the request's warehouse years and labels; the static one outside a request)
import { servedIndicator as findIndicator } from '../indicators/years.ts';

export { embedSnippet, escapeAttr } from './snippet.ts';

const KEY = /^[a-z_]{1,32}$/;
// any printable text (an author's `alt` is a sentence), but no markup characters nor controls
const VALUE = /^[^\p{Cc}<>"`]{0,1000}$/u;
const CHARTS = ['series', 'distribution', 'theil', 'compare', 'objective'];
const PROFILE = /^\/territoire\/(region|academie|departement|commune)\/([0-9][0-9AB][0-9]{0,3})\/?$/;
const OBJECTIVE = /^\/objectifs\/([a-z0-9][a-z0-9-]{0,63})\/?$/;
/** The first indicator of a comparison that names none (web/pages/compareData.ts DEFAULT_COMPARE). */
const COMPARE_DEFAULT = 'thd_share';

export interface EmbedTarget {
  kind: 'map' | 'chart';
  /** `/embed/map?…` or `/embed/chart?…` (path and canonical query) */
  path: string;
  /** the query kept, for titles */
  query: URLSearchParams;
}

function kept(u: URL): URLSearchParams {
  const query = new URLSearchParams();
  for (const [k, v] of u.searchParams) if (KEY.test(k) && VALUE.test(v)) query.set(k, v);
  return query;
}

const target = (kind: EmbedTarget['kind'], query: URLSearchParams): EmbedTarget => {
  const s = query.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return { kind, path: `/embed/${kind}${s ? `?${s}` : ''}`, query };
};

/** Copies the listed keys of `from` that are present, in this order, after `first`. */
function pickKeys(from: URLSearchParams, first: Record<string, string>, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams(first);
  for (const k of keys) {
    const v = from.get(k);
    if (v !== null && v !== '') out.set(k, v);
  }
  return out;
}

/**
 * The embed of `url` when it is one of this site's embeddable pages, else null. `origins` are
 * the origins the site answers for (its public origin and the request's).
 */
export function embedTarget(url: string, origins: string | readonly string[]): EmbedTarget | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!(typeof origins === 'string' ? [origins] : origins).includes(u.origin)) return null;
  const q = kept(u);
  const path = u.pathname;
  if (/^\/(embed\/map\/?)?$/.test(path)) return target('map', q);
  if (/^\/embed\/chart\/?$/.test(path)) return CHARTS.includes(q.get('chart') ?? '') ? target('chart', q) : null;
  const profile = PROFILE.exec(path);
  if (profile) {
    const indicator = findIndicator(q.get('indicator') ?? '') ?? findIndicator('ips');
    const chart = (indicator?.years.length ?? 0) > 1 ? 'series' : 'distribution';
    const first = { chart, level: profile[1] as string, code: profile[2] as string, indicator: indicator?.id ?? 'ips' };
    return target('chart', pickKeys(q, first, chart === 'series' ? ['lang', 'alt'] : ['year', 'school', 'lang', 'alt']));
  }
  if (/^\/comparer\/?$/.test(path)) {
    const territories = q.get('territories');
    if (!territories) return null;
    const indicator = (q.get('indicators') ?? '').split(',').find((id) => findIndicator(id)) ?? COMPARE_DEFAULT;
    return target('chart', pickKeys(q, { chart: 'compare', territories, indicator }, ['year', 'lang', 'alt']));
  }
  const objective = OBJECTIVE.exec(path);
  if (objective) return target('chart', pickKeys(q, { chart: 'objective', id: objective[1] as string }, ['lang', 'alt']));
  return null;
}

const LEVELS: Record<string, string> = { region: 'régions', academie: 'académies', departement: 'départements', commune: 'communes' };
const CHART_WORDS: Record<string, string> = { series: 'évolution', distribution: 'répartition', theil: 'indice de Theil', compare: 'comparaison' };

const year = (q: URLSearchParams) => {
  const y = q.get('year');
  return y && /^\d{4}$/.test(y) ? y : null;
};

/** A French title for an embedded view (indicator, level or chart, year when given). */
export function embedTitle(query: URLSearchParams, kind: EmbedTarget['kind'] = 'map'): string {
  const chart = kind === 'chart' ? (query.get('chart') ?? '') : null;
  if (chart === 'objective') return `Objectif ${query.get('id') ?? ''} — valeur, cible et projection`;
  const indicator = findIndicator(query.get('indicator') ?? 'ips') ?? findIndicator('ips');
  const label = indicator?.label.fr ?? (chart ? 'Graphique' : 'Carte');
  let detail: string;
  if (chart !== null) {
    const where = chart === 'compare' ? (query.get('territories') ?? '').split(',').length + ' territoires' : `${query.get('level') ?? ''} ${query.get('code') ?? ''}`.trim();
    detail = [CHART_WORDS[chart], where, chart === 'series' ? null : year(query)].filter(Boolean).join(' · ');
  } else {
    detail = [LEVELS[query.get('level') ?? 'departement'], year(query)].filter(Boolean).join(' · ');
  }
  const title = detail ? `${label} — ${detail}` : label;
  return indicator && isSynthetic(indicator) ? `${title} (données fictives)` : title;
}

/**
 * The origin written in oEmbed answers, snippets and discovery links: `PUBLIC_ORIGIN` when set
 * (a site behind a proxy: `https://equite.example.org`), else the request's own origin. A value
 * that is not an http(s) origin is ignored.
 */
export function publicOrigin(requestUrl: string, configured: string | undefined = process.env.PUBLIC_ORIGIN): string {
  const own = new URL(requestUrl).origin;
  const value = configured?.trim();
  if (!value) return own;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && (u.pathname === '/' || u.pathname === '') && !u.search ? u.origin : own;
  } catch {
    return own;
  }
}

/** The origins a pasted URL may have: the public one and the request's. */
export function siteOrigins(requestUrl: string, configured?: string): string[] {
  return [...new Set([publicOrigin(requestUrl, configured), new URL(requestUrl).origin])];
}
