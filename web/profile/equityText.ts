/**
 * The equity block of a profile in words: one measure per line (Gini, gap between the best- and
 * worst-served fifths, Theil between/within, P90/P10, IPS gradient, trend), each with its
 * formatted value and one plain sentence, French or English, from /api/equity. Pure.
 */
import type { EquityResponse } from '../api/profile.ts';
import { fmt, fmtNumber, fmtSigned, isPercent } from '../charts/scales.ts';
import type { Lang } from '../i18n/index.ts';

export type EquityInput = Pick<EquityResponse, 'measures' | 'gaps' | 'trend' | 'by' | 'group_level' | 'direction' | 'units'>;

export interface EquityLine {
  key: 'gini' | 'fifths' | 'theil' | 'p90_p10' | 'ips' | 'trend';
  label: string;
  value: string;
  sentence: string;
}

const UNITS: Record<string, Record<Lang, string>> = {
  school: { fr: 'établissements', en: 'schools' },
  commune: { fr: 'communes', en: 'communes' },
  departement: { fr: 'départements', en: 'départements' },
  academie: { fr: 'académies', en: 'académies' },
  region: { fr: 'régions', en: 'régions' },
};
const unitsWord = (lang: Lang, level: string | null) => (level ? (UNITS[level]?.[lang] ?? level) : '');

const GINI_WORDS: Record<Lang, string[]> = {
  fr: ['très faibles', 'faibles', 'modérées', 'marquées', 'fortes'],
  en: ['very low', 'low', 'moderate', 'marked', 'high'],
};

/** The words of a Gini index: < 0,1 very low … ≥ 0,45 high. */
export function giniWord(lang: Lang, gini: number): string {
  const i = [0.1, 0.2, 0.3, 0.45].findIndex((b) => gini < b);
  return GINI_WORDS[lang][i === -1 ? 4 : i] as string;
}

/** The lines of the equity block, in reading order; measures without a value are left out. */
export function equityLines(lang: Lang, e: EquityInput, unit: string, decimals: number): EquityLine[] {
  const fr = lang === 'fr';
  const m = e.measures;
  const units = unitsWord(lang, e.by);
  const v = (x: number) => fmt(lang, x, decimals, unit);
  const out: EquityLine[] = [];
  if (m.gini !== null && m.gini !== undefined) {
    const g = fmtNumber(lang, m.gini, 2);
    out.push({
      key: 'gini',
      label: fr ? 'Indice de Gini' : 'Gini index',
      value: g,
      sentence: fr
        ? `Des inégalités ${giniWord(lang, m.gini)} entre les ${units} (0 = toutes les valeurs égales, 1 = inégalité maximale).`
        : `${giniWord(lang, m.gini).replace(/^./, (c) => c.toUpperCase())} inequality between ${units} (0 = all values equal, 1 = maximal inequality).`,
    });
  }
  const f = m.top_bottom_fifth_gap;
  if (f && e.units >= 5) {
    const [best, worst] = f.best_served === 'bottom' ? [f.bottom, f.top] : [f.top, f.bottom];
    const sentence =
      f.best_served === null
        ? fr ? `Le cinquième le plus haut est à ${v(f.top)}, le plus bas à ${v(f.bottom)}.` : `The top fifth is at ${v(f.top)}, the bottom fifth at ${v(f.bottom)}.`
        : fr ? `Le cinquième des ${units} le mieux servi est à ${v(best)}, le moins bien servi à ${v(worst)}.` : `The best-served fifth of ${units} is at ${v(best)}, the worst-served at ${v(worst)}.`;
    out.push({ key: 'fifths', label: fr ? 'Écart entre cinquièmes' : 'Gap between fifths', value: fmt(lang, f.gap, decimals, isPercent(unit) ? (fr ? 'points' : 'points') : unit), sentence });
  }
  const th = m.theil;
  if (th) {
    const share = th.between_share;
    const groups = unitsWord(lang, e.group_level);
    out.push({
      key: 'theil',
      label: fr ? 'Indice de Theil' : 'Theil index',
      value: fmtNumber(lang, th.total, 3),
      sentence:
        share !== null && share !== undefined && e.group_level
          ? fr
            ? `${fmtNumber(lang, share * 100, 0)}\u00a0% des inégalités tiennent aux écarts entre ${groups}, ${fmtNumber(lang, (1 - share) * 100, 0)}\u00a0% aux écarts à l’intérieur des ${groups}.`
            : `${fmtNumber(lang, share * 100, 0)}% of the inequality lies between ${groups}, ${fmtNumber(lang, (1 - share) * 100, 0)}% within them.`
          : fr ? `Pas de niveau intermédiaire entre le territoire et ses ${units}\u00a0: pas de décomposition.` : `No level between the territory and its ${units}: no decomposition.`,
    });
  }
  if (m.p90 !== null && m.p10 !== null && m.p90 !== undefined && m.p10 !== undefined) {
    const ratio = m.p90_p10;
    out.push({
      key: 'p90_p10',
      label: 'P90/P10',
      value: ratio === null || ratio === undefined ? '—' : fmtNumber(lang, ratio, 1),
      sentence:
        ratio === null || ratio === undefined
          ? fr ? `Au moins 10\u00a0% des ${units} sont à ${v(m.p10)}\u00a0: le rapport n’est pas défini.` : `At least 10% of ${units} are at ${v(m.p10)}: the ratio is undefined.`
          : fr ? `Les 10\u00a0% les plus hauts sont au-dessus de ${v(m.p90)}, les 10\u00a0% les plus bas en dessous de ${v(m.p10)}.` : `The top 10% are above ${v(m.p90)}, the bottom 10% below ${v(m.p10)}.`,
    });
  }
  const ips = e.gaps.ips_gradient;
  if (ips && ips.slope_per_10_ips !== null && ips.r2 !== null) {
    const slope = ips.slope_per_10_ips;
    const weak = ips.r2 < 0.05;
    const advantagedBetter = (slope > 0 && e.direction === 'higher_is_better') || (slope < 0 && e.direction === 'higher_is_worse');
    const meaning = weak
      ? fr ? 'pas de lien net avec l’origine sociale des élèves' : 'no clear link with pupils’ social background'
      : e.direction === 'neutral'
        ? fr ? `la valeur ${slope > 0 ? 'augmente' : 'diminue'} avec l’IPS` : `the value ${slope > 0 ? 'rises' : 'falls'} with the IPS`
        : fr ? `les ${units} aux élèves ${advantagedBetter ? 'plus' : 'moins'} favorisés sont mieux servis` : `${units} with ${advantagedBetter ? 'more' : 'less'} advantaged pupils are better served`;
    const signed = fmtSigned(lang, slope, decimals, isPercent(unit) ? 'points' : unit);
    out.push({
      key: 'ips',
      label: fr ? 'Gradient social (IPS)' : 'Social gradient (IPS)',
      value: signed,
      sentence: fr
        ? `Pour 10 points d’IPS de plus, ${signed} en moyenne (R² ${fmtNumber(lang, ips.r2, 2)})\u00a0: ${meaning}.`
        : `For 10 more IPS points, ${signed} on average (R² ${fmtNumber(lang, ips.r2, 2)}): ${meaning}.`,
    });
  }
  const trend = e.trend.find((t) => t.measure === 'gini');
  if (trend && trend.direction && trend.first !== null && trend.last !== null) {
    const words = { narrowing: fr ? 'se réduit' : 'is narrowing', widening: fr ? 'se creuse' : 'is widening', stable: fr ? 'est stable' : 'is stable' };
    const arrow = `${fmtNumber(lang, trend.first, 2)} → ${fmtNumber(lang, trend.last, 2)}`;
    out.push({
      key: 'trend',
      label: fr ? 'Tendance' : 'Trend',
      value: fr ? { narrowing: 'écart en baisse', widening: 'écart en hausse', stable: 'stable' }[trend.direction] : { narrowing: 'narrowing', widening: 'widening', stable: 'stable' }[trend.direction],
      sentence: fr
        ? `De ${trend.first_year} à ${trend.last_year}, l’écart entre ${units} ${words[trend.direction]} (Gini ${arrow}).`
        : `From ${trend.first_year} to ${trend.last_year}, the gap between ${units} ${words[trend.direction]} (Gini ${arrow}).`,
    });
  }
  return out;
}
