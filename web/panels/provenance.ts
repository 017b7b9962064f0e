/** Provenance wording shared by the badge, the tooltip and the source line. Pure. */
import type { Indicator } from '../api/types.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

/** The explanation shown with the badge, per provenance (none for imported data). */
export const EXPLAIN: Record<Indicator['provenance'], MessageKey | null> = {
  synthetic: 'badge.synthetic.explain',
  historical: 'badge.historical.explain',
  'open-data': 'badge.open-data.explain',
  imported: null,
};

/** "T1 2018 (historique)" → "T1 2018". */
export function shortVintage(vintage: string): string {
  return vintage.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

/** "Données fictives", "Donnée historique (T1 2018)", "Données ouvertes", ... */
export function badgeText(lang: Lang, indicator: Pick<Indicator, 'provenance' | 'sources'>): string {
  const label = t(lang, `provenance.${indicator.provenance}`);
  const vintage = indicator.sources[0]?.vintage;
  return indicator.provenance === 'historical' && vintage ? `${label} (${shortVintage(vintage)})` : label;
}
