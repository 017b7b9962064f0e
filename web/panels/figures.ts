/**
 * Pure wording of the territory panel: which indicators it shows (the current one first, then
 * a few key ones), ranks as French or English ordinals ("3e sur 4", "3rd of 4") and the
 * comparison lines of one figure, formatted for the language.
 */
import type { ProfileEntry } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { pick, t, type Lang } from '../i18n/index.ts';
import { includesDemo, provenanceText, type ProvenanceMix } from './provenance.ts';

/** Key indicators shown after the current one, in this order, when the level has them. */
export const KEY_INDICATORS = ['ips', 'thd_share', 'fibre_share', 'pupils_per_device', 'ent_active_share', 'population'] as const;

/** The profile entries to show: `current` first, then KEY_INDICATORS, each once. */
export function panelFigures(profile: readonly ProfileEntry[], current: string): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  for (const id of [current, ...KEY_INDICATORS]) {
    const entry = profile.find((p) => p.indicator === id);
    if (entry && !out.includes(entry)) out.push(entry);
  }
  return out;
}

/** An ordinal: fr 1er, 2e, 1 234e; en 1st, 2nd, 3rd, 11th, 22nd. */
export function ordinal(lang: Lang, n: number): string {
  const s = formatNumber(lang, n);
  if (lang === 'fr') return n === 1 ? `${s}er` : `${s}e`;
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${s}${suffix}`;
}

/** "3e sur 4" / "3rd of 4", or null without a rank. */
export function rankText(lang: Lang, rank: number | null, total: number): string | null {
  return rank === null ? null : t(lang, 'panel.rankOf', { rank: ordinal(lang, rank), total: formatNumber(lang, total) });
}

/**
 * The provenance tag of a value: none for open data (unless `openData`: « Données ouvertes (DEPP,
 * rentrées 2021 et 2022) »), "Données fictives", "Donnée historique (T1 2018)", "Données importées
 * (Région, 15 avril 2026)", or "En partie importées (42 %)" when a value mixes partners' imported
 * measures with demo values. `provenance` is a provenance, or the value's mix from the API.
 */
export function provenanceTag(
  lang: Lang,
  provenance: string | ProvenanceMix,
  indicator: Pick<Indicator, 'sources'> | undefined,
  { openData = false }: { openData?: boolean } = {},
): string | null {
  const mix = typeof provenance === 'string' ? { provenance } : provenance;
  if (mix.provenance === 'open-data' && !openData) return null;
  if (!['open-data', 'synthetic', 'historical', 'imported', 'mixed'].includes(mix.provenance)) return null;
  return provenanceText(lang, mix, { sources: indicator?.sources ?? [] }, { detailed: true });
}

/** Whether values of this provenance include demo values (and must say so). */
export const isDemo = includesDemo;

/** The class of a provenance tag: demo and partly demo values share the loud one. */
export const tagClass = (provenance: string): string => `tag tag-${isDemo(provenance) ? 'synthetic' : provenance}`;

/** One comparison line: a term and its value. */
export interface Comparison {
  term: string;
  value: string;
}

/**
 * The value (with unit) of an entry, and its comparison lines: the parent's value (unless the
 * comparison is France itself), France's, the index (parent = 100), the rank, the schools.
 */
export function describeEntry(
  lang: Lang,
  entry: ProfileEntry,
  indicator: Pick<Indicator, 'decimals' | 'grain'>,
  comparedWith: { level: string; name: string },
): { value: string; comparisons: Comparison[] } {
  const unit = pick(lang, entry.unit);
  const fmt = (v: number | null) => (v === null ? t(lang, 'panel.noValue') : formatValue(lang, v, indicator.decimals, unit));
  const isFrance = comparedWith.level === 'france';
  const parentName = isFrance ? t(lang, 'panel.france') : comparedWith.name;
  const comparisons: Comparison[] = [];
  if (!isFrance) comparisons.push({ term: comparedWith.name, value: fmt(entry.parent_value) });
  comparisons.push({ term: t(lang, 'panel.france'), value: fmt(entry.national_value) });
  if (entry.index !== null) {
    comparisons.push({ term: t(lang, 'panel.index', { parent: parentName }), value: formatNumber(lang, entry.index) });
  }
  const rank = rankText(lang, entry.rank, entry.siblings);
  if (rank) comparisons.push({ term: t(lang, 'panel.rank'), value: rank });
  if (indicator.grain === 'school' && entry.n !== null) {
    comparisons.push({ term: t(lang, 'panel.schools'), value: formatNumber(lang, entry.n) });
  }
  return { value: fmt(entry.value), comparisons };
}
