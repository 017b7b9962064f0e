/**
 * Provenance wording shared by the badge, the tooltip, the panel, the pages and the source line:
 * « Données fictives », « Données importées (Région, 15 avril 2026) », « En partie importées
 * (42 %) », « Données ouvertes (DEPP, rentrées 2021 et 2022) », « Donnée historique (T1 2018) ».
 * Values partners imported replace demo values school by school, so a figure can rest on
 * imported, demo or both: the API says which (`provenance`, `imported_share`, `imports`). Pure.
 */
import type { Indicator } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { localeOf, t, type Lang, type MessageKey } from '../i18n/index.ts';
import { provenanceNote } from '../profile/sentences.ts';

/** The explanation shown with the badge, per provenance. */
export const EXPLAIN: Record<Indicator['provenance'] | 'mixed', MessageKey | null> = {
  synthetic: 'badge.synthetic.explain',
  historical: 'badge.historical.explain',
  'open-data': 'badge.open-data.explain',
  imported: 'badge.imported.explain',
  mixed: 'badge.mixed.explain',
};

/** An importing body and the date of its latest import behind some values (server/provenance.ts). */
export interface ImportRef {
  body: string;
  /** YYYY-MM-DD */
  date: string;
}

/** Where values come from, as the API gives it for a map, a series, a profile entry… */
export interface ProvenanceMix {
  /** the catalog's provenance, or 'mixed' (imported and demo values together) */
  provenance: string;
  /** share of the schools behind the values whose value is imported (importable indicators) */
  imported_share?: number | null;
  /** the importing bodies behind imported or mixed values */
  imports?: readonly ImportRef[];
}

/** "T1 2018 (historique)" → "T1 2018". */
export function shortVintage(vintage: string): string {
  return vintage.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

/** "Données fictives", "Donnée historique (T1 2018)", "Données ouvertes", ... (the catalog's provenance). */
export function badgeText(lang: Lang, indicator: Pick<Indicator, 'provenance' | 'sources'>): string {
  const label = t(lang, `provenance.${indicator.provenance}`);
  const vintage = indicator.sources[0]?.vintage;
  return indicator.provenance === 'historical' && vintage ? `${label} (${shortVintage(vintage)})` : label;
}

/** A share as a percentage: "42 %", "< 1 %", "> 99 %" (never 0 % or 100 % for a real mix). */
export function shareText(lang: Lang, share: number): string {
  const pct = lang === 'fr' ? '\u00a0%' : '%';
  if (share > 0 && share < 0.01) return `< 1${pct}`;
  if (share < 1 && share > 0.99) return `> 99${pct}`;
  return `${formatNumber(lang, Math.round(share * 100))}${pct}`;
}

/** An import date (YYYY-MM-DD) in words: "15 avril 2026", "15 April 2026". */
export function importDate(lang: Lang, date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** "Région Auvergne-Rhône-Alpes, 15 avril 2026"; several bodies: "Région …, Département du Cantal, 15 avril 2026" (the latest date). */
export function importsText(lang: Lang, imports: readonly ImportRef[]): string | null {
  if (imports.length === 0) return null;
  const latest = imports.map((i) => i.date).sort().at(-1) ?? '';
  return `${[...new Set(imports.map((i) => i.body))].join(', ')}, ${importDate(lang, latest)}`;
}

/** A producer's short name: "DEPP (Ministère de l’Éducation nationale)" → "DEPP". */
const shortProducer = (producer: string) => producer.split(' (')[0]?.split(', via')[0] ?? producer;

/**
 * The provenance of values as a badge or tag text. `detailed` names the open data's producer and
 * vintage (« Données ouvertes (DEPP, rentrées 2021 et 2022) »); imported values always name the
 * importing bodies and date when known; mixed values give the imported share.
 */
export function provenanceText(lang: Lang, mix: ProvenanceMix, indicator: Pick<Indicator, 'sources'>, { detailed = false } = {}): string {
  switch (mix.provenance) {
    case 'mixed':
      return typeof mix.imported_share === 'number' ? t(lang, 'provenance.mixedShare', { pct: shareText(lang, mix.imported_share) }) : t(lang, 'provenance.mixed');
    case 'imported': {
      const from = importsText(lang, mix.imports ?? []);
      return from ? t(lang, 'provenance.importedFrom', { from }) : t(lang, 'provenance.imported');
    }
    case 'open-data': {
      const s = indicator.sources[0];
      return detailed && s ? t(lang, 'provenance.openFrom', { from: `${shortProducer(s.producer)}, ${shortVintage(s.vintage)}` }) : t(lang, 'provenance.open-data');
    }
    case 'historical':
    case 'synthetic':
      return badgeText(lang, { provenance: mix.provenance, sources: indicator.sources as Indicator['sources'] });
    default:
      return mix.provenance;
  }
}

/** The explanation of a provenance (hover and screen readers), with the share for mixed values. */
export function explainText(lang: Lang, mix: ProvenanceMix): string | null {
  const key = EXPLAIN[mix.provenance as keyof typeof EXPLAIN];
  if (!key) return null;
  return t(lang, key, { pct: typeof mix.imported_share === 'number' ? shareText(lang, mix.imported_share) : '?' });
}

/** Whether values of this provenance include demo values (and must say « données fictives »). */
export const includesDemo = (provenance: string): boolean => provenance === 'synthetic' || provenance === 'mixed';

/**
 * The provenance of one territory of a map from its imported share: imported when every school
 * behind it is, demo when none is, mixed otherwise; the indicator's own without a share (open
 * data, or an indicator imports cannot feed).
 */
export function territoryMix(indicator: Pick<Indicator, 'provenance'>, share: number | null | undefined): ProvenanceMix {
  if (typeof share !== 'number') return { provenance: indicator.provenance };
  return { provenance: share >= 1 ? 'imported' : share <= 0 ? 'synthetic' : 'mixed', imported_share: share };
}

/** The producers of values of a provenance: the importing bodies (or "partenaires") for imported ones. */
export function producersText(lang: Lang, mix: ProvenanceMix, indicator: Pick<Indicator, 'sources'>): string {
  const own = indicator.sources.map((s) => shortProducer(s.producer));
  const bodies = mix.imports && mix.imports.length > 0 ? [...new Set(mix.imports.map((i) => i.body))] : [t(lang, 'provenance.partners')];
  const list = mix.provenance === 'imported' ? bodies : mix.provenance === 'mixed' ? [...bodies, ...own] : own;
  return list.join(', ');
}

/** Territories of a map by provenance (those with a value and an imported share only). */
export function provenanceCounts(values: readonly { value: number | null; imported_share?: number | null }[]): { imported: number; mixed: number; synthetic: number } {
  const out = { imported: 0, mixed: 0, synthetic: 0 };
  for (const v of values) {
    if (v.value === null || typeof v.imported_share !== 'number') continue;
    out[v.imported_share >= 1 ? 'imported' : v.imported_share <= 0 ? 'synthetic' : 'mixed']++;
  }
  return out;
}

/**
 * The legend's line on provenance: « Provenance des valeurs : 2 en données importées, 1 en partie
 * importées, 95 en données fictives. »; null when nothing is imported (the badge says it all).
 */
export function provenanceCountLine(lang: Lang, counts: { imported: number; mixed: number; synthetic: number }): string | null {
  if (counts.imported + counts.mixed === 0) return null;
  const parts = (
    [
      ['legend.provImported', counts.imported],
      ['legend.provMixed', counts.mixed],
      ['legend.provSynthetic', counts.synthetic],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(lang, key, { n: formatNumber(lang, n) }));
  return t(lang, 'legend.provenance', { parts: parts.join(', ') });
}

/**
 * The lower-case note after a figure or in a chart title: « données fictives », « données
 * importées pour 42 %, le reste fictif », « données importées (Région, 15 avril 2026) »,
 * « donnée historique »; null for open data.
 */
export function valueNote(lang: Lang, mix: ProvenanceMix): string | null {
  if (mix.provenance === 'mixed') {
    return typeof mix.imported_share === 'number' ? t(lang, 'note.mixedShare', { pct: shareText(lang, mix.imported_share) }) : provenanceNote(lang, 'mixed');
  }
  if (mix.provenance === 'imported') {
    const from = importsText(lang, mix.imports ?? []);
    return from ? t(lang, 'note.imported', { from }) : t(lang, 'provenance.imported').toLowerCase();
  }
  return provenanceNote(lang, mix.provenance);
}

/** One point of a series with its provenance (as /api/series gives it). */
export interface SeriesPoint {
  year: number;
  value: number | null;
  n: number | null;
  provenance: string;
  imported_share?: number | null;
}

/**
 * The note of a series chart: the series' own note (valueNote) unless only some years rest on
 * imported values, then which ones and their imported share: « données importées en 2025 (16 %),
 * le reste fictif ».
 */
export function seriesNote(lang: Lang, mix: ProvenanceMix, points: readonly SeriesPoint[]): string | null {
  const shown = points.filter((p) => p.value !== null);
  const withImports = shown.filter((p) => p.provenance === 'imported' || p.provenance === 'mixed');
  if (withImports.length === 0 || (withImports.length === shown.length && withImports.every((p) => p.provenance === 'imported'))) return valueNote(lang, mix);
  let imported = 0;
  let n = 0;
  for (const p of withImports) {
    imported += (p.imported_share ?? 0) * (p.n ?? 0);
    n += p.n ?? 0;
  }
  return t(lang, 'note.importedYears', { years: withImports.map((p) => p.year).join(', '), pct: n > 0 ? shareText(lang, imported / n) : '?' });
}
