/**
 * The footer lines of an exported figure: the sources of the indicators shown (producer, title,
 * vintage), their provenance and licences, the build date of the data, the export date and the
 * address of the view. Pure.
 */
import type { Indicator } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';

/** "Sources : DEPP, IPS des collèges, 2022 ; … · Données ouvertes · Licence Ouverte 2.0." */
export function sourcesLine(lang: Lang, indicators: readonly Indicator[]): string {
  const sources = [...new Map(indicators.flatMap((i) => i.sources).map((s) => [s.id, s])).values()];
  if (!sources.length) return '';
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const provenance = [...new Set(indicators.map((i) => t(lang, `provenance.${i.provenance}`)))].join(', ');
  const licences = [...new Set(sources.map((s) => s.licence).filter(Boolean))].join(', ');
  return `${t(lang, sources.length > 1 ? 'sources.labelPlural' : 'sources.label')}${colon}${sources.map((s) => `${s.producer}, ${s.title}, ${s.vintage}`).join(' ; ')} · ${provenance}${licences ? ` · ${licences}` : ''}.`;
}

/** Every footer line. */
export function footerLines(lang: Lang, indicators: readonly Indicator[], opts: { builtAt?: string | null; now: Date; url: string; extra?: readonly string[] }): string[] {
  const dates = [opts.builtAt ? t(lang, 'sources.build', { date: formatDate(lang, opts.builtAt) }) : null, t(lang, 'export.exportedOn', { date: formatDate(lang, opts.now.toISOString()) })].filter(Boolean).join(' · ');
  return [sourcesLine(lang, indicators), ...(opts.extra ?? []), dates, opts.url].filter(Boolean);
}

/** The build date of the data (null when /api/health does not answer). */
export async function fetchBuiltAt(): Promise<string | null> {
  try {
    const res = await fetch('/api/health');
    if (!res.ok) return null;
    const body = (await res.json()) as { build?: { builtAt?: string } };
    return body.build?.builtAt ?? null;
  } catch {
    return null;
  }
}
