/**
 * A plain-language French summary of an equity block, for the territory profile page
 * ("Dans le Cantal, rentrée 2025 : …"): the level, the gap between the best- and worst-served
 * fifths, urban vs rural, the share of inequality between groups, the zones of low service and
 * the trend, and where the values come from (« Données fictives. », « Données en partie importées
 * (42 % des établissements), en partie fictives. »). Pure; numbers in French format.
 */
import type { EquityBlock } from './block.ts';

export type UnitLevel = 'school' | 'commune' | 'departement' | 'academie';
export type ParentLevel = 'region' | 'academie' | 'departement';
type Direction = 'higher_is_better' | 'higher_is_worse' | 'neutral';

const elide = (word: 'de', name: string) => (/^[aeiouyàâäéèêëîïôöùûüÿœæ]/i.test(name) ? `d’${name}` : `${word} ${name}`);

/**
 * "dans le Cantal", "en Haute-Loire", "dans l’académie de Clermont-Ferrand", "en France": the
 * place phrase from INSEE's TNCC (type de nom en clair: 0–1 no article, 2 le, 3 la, 4 les, 5 l’).
 */
export function placePhrase(place: { level: ParentLevel; code: string; name: string; tncc: number | null } | null): string {
  if (!place) return 'en France';
  const { level, code, name, tncc } = place;
  if (level === 'academie') return `dans l’académie ${elide('de', name)}`;
  const overseas = /^(97|98)/.test(code) || (level === 'region' && ['04', '06'].includes(code));
  switch (tncc) {
    case 2:
      return `dans le ${name}`;
    case 4:
      return `dans les ${name}`;
    case 5:
      return level === 'region' ? `en ${name}` : `dans l’${name}`;
    case 3:
      return `en ${name}`;
    default:
      return overseas || (level === 'departement' && code === '75') ? `à ${name}` : `en ${name}`;
  }
}

const UNIT_WORDS: Record<UnitLevel, [string, string]> = {
  school: ['établissement', 'établissements'],
  commune: ['commune', 'communes'],
  departement: ['département', 'départements'],
  academie: ['académie', 'académies'],
};
const GROUP_WORDS: Record<string, string> = { region: 'régions', academie: 'académies', departement: 'départements', commune: 'communes' };

/** A number in French format with `decimals` digits and the unit ("71,2 %", "3,4 élèves"). */
export function frNumber(v: number, decimals: number, unit = ''): string {
  const text = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
  return unit ? `${text}\u00a0${unit}` : text;
}

export interface SummaryInput {
  place: string;
  year: number;
  /** false when the indicator has a single year (it is then not named) */
  manyYears: boolean;
  label: string;
  unit: string;
  decimals: number;
  /** the indicator's direction; context indicators (IPS, density…) pass 'neutral' */
  direction: Direction;
  by: UnitLevel;
  groupLevel: string | null;
  /**
   * where the values come from: 'synthetic' (demo values only), 'mixed' (partners' imported
   * values for `importedShare` of the schools, demo values for the rest), 'imported'; any other
   * provenance (open data, historical) adds no sentence
   */
  provenance: string;
  /** share of the schools behind the values whose value is imported (for 'mixed') */
  importedShare?: number | null;
  block: EquityBlock;
}

/** The closing sentence on where the values come from, or null. */
export function provenanceSentence(provenance: string, importedShare: number | null = null): string | null {
  if (provenance === 'synthetic') return 'Données fictives.';
  if (provenance === 'imported') return 'Données importées par les partenaires.';
  if (provenance !== 'mixed') return null;
  if (importedShare === null) return 'Données en partie importées, en partie fictives.';
  const pct = importedShare < 0.01 ? 'moins de 1\u00a0%' : importedShare > 0.99 ? 'plus de 99\u00a0%' : `${frNumber(importedShare * 100, 0)}\u00a0%`;
  return `Données en partie importées (${pct} des établissements), en partie fictives.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases a label's first letter only ("Élèves actifs sur l’ENT" → "élèves actifs sur l’ENT"). */
const uncapitalise = (s: string) => (/^.\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** The summary: a few short sentences, most telling first. */
export function frenchSummary(s: SummaryInput): string {
  const { block, decimals, unit } = s;
  const m = block.measures;
  const fmt = (v: number) => frNumber(v, decimals, unit);
  const words = UNIT_WORDS[s.by];
  const out: string[] = [];
  const where = capitalise(s.place) + (s.manyYears ? `, rentrée ${s.year}` : '');
  if (m.mean === null || m.units === 0) return `${where} : aucune valeur pour « ${s.label} ».`;
  out.push(`${where} : ${uncapitalise(s.label)}, ${fmt(m.mean)} en moyenne sur ${frNumber(m.units, 0)} ${m.units > 1 ? words[1] : words[0]}.`);
  const f = m.top_bottom_fifth;
  if (f && m.units >= 5) {
    const gini = m.gini === null ? '' : ` (indice de Gini ${frNumber(m.gini, 2)})`;
    if (s.direction === 'higher_is_worse') out.push(`Le cinquième le mieux servi est à ${fmt(f.bottom)}, le moins bien servi à ${fmt(f.top)}${gini}.`);
    else if (s.direction === 'higher_is_better') out.push(`Le cinquième le mieux servi atteint ${fmt(f.top)}, le moins bien servi ${fmt(f.bottom)}${gini}.`);
    else out.push(`Le cinquième le plus haut est à ${fmt(f.top)}, le plus bas à ${fmt(f.bottom)}${gini}.`);
  }
  const density = block.gaps.density?.classes;
  const rural = density?.find((c) => c.class === 'rural')?.value ?? null;
  const dense = density?.find((c) => c.class === 'dense')?.value ?? null;
  if (rural !== null && dense !== null) out.push(`Communes peu denses : ${fmt(rural)} ; communes denses : ${fmt(dense)}.`);
  const share = m.theil?.between_share ?? null;
  if (share !== null && s.groupLevel) {
    const pct = share < 0.005 ? 'Moins de 1\u00a0%' : `${frNumber(share * 100, 0)}\u00a0%`;
    out.push(`${pct} des inégalités (indice de Theil) ${share < 0.005 || share >= 0.015 ? 'tiennent' : 'tient'} aux écarts entre ${GROUP_WORDS[s.groupLevel] ?? s.groupLevel}.`);
  }
  const lisa = block.spatial.lisa;
  if (lisa && s.direction !== 'neutral') {
    const low = s.direction === 'higher_is_better' ? 'low-low' : 'high-high';
    const k = lisa.counts[low];
    out.push(
      k > 0
        ? `${frNumber(k, 0)} ${k > 1 ? `${words[1]} forment des zones` : `${words[0]} forme une zone`} de faible service (agrégats spatiaux significatifs, p ≤ ${frNumber(lisa.significance, 2)}).`
        : 'Aucune zone de faible service significative.',
    );
  }
  const t = block.trend.find((x) => x.measure === 'gini');
  if (t && t.direction && t.first !== null && t.last !== null) {
    const verb = t.direction === 'narrowing' ? 'l’écart se réduit' : t.direction === 'widening' ? 'l’écart se creuse' : 'l’écart est stable';
    out.push(`De ${t.first_year} à ${t.last_year}, ${verb} (Gini ${frNumber(t.first, 2)} → ${frNumber(t.last, 2)}).`);
  }
  const origin = provenanceSentence(s.provenance, s.importedShare ?? null);
  if (origin) out.push(origin);
  return out.join(' ');
}
