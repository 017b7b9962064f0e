/**
 * The plain sentence under each key figure of a profile, French first, English on demand:
 * "Dans le Cantal, 58 % des écoles ont un accès à très haut débit, 12 points de moins que dans
 * l’académie de Clermont-Ferrand (données fictives)." Percentages compare in points ("1,5 point",
 * "12 points": French singular below 2), other units in per cent of the parent's value ("10 % de
 * plus") or, beyond a factor of two, in times ("2,5 fois moins"). Demo values always say so. Pure.
 */
import type { ProfileEntry } from '../api/territory.ts';
import { fmt, fmtNumber, isPercent } from '../charts/scales.ts';
import type { Lang } from '../i18n/index.ts';
import { valueClause } from './phrases.ts';
import { capitalise, placeIn, placeThan, type Place } from './places.ts';

/** The provenance note of demo, partly demo or historical values (null for real current data). */
export function provenanceNote(lang: Lang, provenance: string): string | null {
  const notes: Record<string, Record<Lang, string>> = {
    synthetic: { fr: 'données fictives', en: 'synthetic data' },
    mixed: { fr: 'données en partie fictives', en: 'partly synthetic data' },
    historical: { fr: 'donnée historique', en: 'historical data' },
  };
  return notes[provenance]?.[lang] ?? null;
}

/**
 * How `value` compares with `reference`: "12 points de moins que dans l’académie …", "10 % de
 * plus qu’en France", "2,5 fois moins que …", "au même niveau que …"; null without both values.
 */
export function comparisonClause(lang: Lang, value: number | null, reference: number | null, unit: string, than: string): string | null {
  if (value === null || reference === null || !Number.isFinite(value) || !Number.isFinite(reference)) return null;
  const same = lang === 'fr' ? `au même niveau ${than}` : `the same level as ${than.replace(/^than /, '')}`;
  const more = value > reference;
  if (isPercent(unit)) {
    const diff = Math.abs(value - reference);
    const d = diff >= 9.95 ? 0 : 1;
    const rounded = Number(diff.toFixed(d));
    if (rounded === 0) return same;
    const n = fmtNumber(lang, rounded, Number.isInteger(rounded) ? 0 : d);
    if (lang === 'en') return `${n} point${rounded === 1 ? '' : 's'} ${more ? 'higher' : 'lower'} ${than}`;
    return `${n} point${rounded < 2 ? '' : 's'} de ${more ? 'plus' : 'moins'} ${than}`;
  }
  if (reference === 0) return null;
  const ratio = value / reference;
  if (ratio >= 2 || (ratio > 0 && ratio <= 0.5)) {
    const factor = Number((ratio >= 2 ? ratio : 1 / ratio).toFixed(1));
    const times = fmtNumber(lang, factor, Number.isInteger(factor) ? 0 : 1);
    if (lang === 'en') return `${times} times ${ratio >= 2 ? 'higher' : 'lower'} ${than}`;
    return `${times} fois ${ratio >= 2 ? 'plus' : 'moins'} ${than}`;
  }
  const pct = Math.round(Math.abs(ratio - 1) * 100);
  if (pct === 0) return same;
  if (lang === 'en') return `${pct}% ${more ? 'higher' : 'lower'} ${than}`;
  return `${pct}\u00a0% de ${more ? 'plus' : 'moins'} ${than}`;
}

export interface SentenceInput {
  lang: Lang;
  entry: Pick<ProfileEntry, 'indicator' | 'label' | 'unit' | 'value' | 'parent_value' | 'year' | 'provenance' | 'low_n'>;
  decimals: number;
  /** the territory, and what it is compared with (its parent, or France for a région) */
  place: Place;
  parent: Place;
  /** the year asked for: the entry's year is said when it differs (IPS 2022 on a 2024 page) */
  year?: number;
  minSchools?: number;
}

/** The sentence of one key figure. */
export function figureSentence({ lang, entry, decimals, place, parent, year, minSchools = 5 }: SentenceInput): string {
  const label = entry.label[lang] || entry.label.fr;
  const unit = entry.unit[lang] || entry.unit.fr;
  const where = placeIn(lang, place);
  const when = year !== undefined && entry.year !== year ? entry.year : null;
  const opening =
    when === null ? capitalise(where) : lang === 'fr' ? `En ${when}, ${where}` : `${capitalise(where)}, in ${when}`;
  if (entry.value === null) {
    return lang === 'fr' ? `${capitalise(where)}, pas de donnée pour «\u00a0${label}\u00a0» en ${entry.year}.` : `${capitalise(where)}, no data for “${label}” in ${entry.year}.`;
  }
  // ftth_share: "en 2018" only for the historical T1 2018 value, not for an imported current quarter
  const clauseOf = entry.indicator === 'ftth_share' && entry.provenance !== 'historical' ? 'ftth_share_current' : entry.indicator;
  const clause = valueClause(lang, clauseOf, label, fmt(lang, entry.value, decimals, unit), fmtNumber(lang, entry.value, decimals));
  const comparison = comparisonClause(lang, entry.value, entry.parent_value, unit, placeThan(lang, parent));
  const note = provenanceNote(lang, entry.provenance);
  const fragile = entry.low_n
    ? lang === 'fr'
      ? ` Valeur fragile\u00a0: moins de ${minSchools} établissements.`
      : ` Fragile value: fewer than ${minSchools} schools.`
    : '';
  return `${opening}, ${clause}${comparison ? `, ${comparison}` : ''}${note ? ` (${note})` : ''}.${fragile}`;
}
