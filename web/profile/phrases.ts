/**
 * What each indicator's value says in words, in French and English: the clause a profile
 * sentence is built around ("58 % des écoles ont un accès à très haut débit", "on compte 3,9
 * élèves par terminal"). `{v}` is the formatted value with its unit, `{n}` the bare number (for
 * clauses that place the unit themselves). Indicators without a
 * clause of their own (new ones, imported measures) get a neutral fallback built from the label.
 */
import type { Lang } from '../i18n/index.ts';

type Clause = Record<Lang, string>;

const CLAUSES: Record<string, Clause> = {
  population: { fr: 'on compte {n} habitants', en: 'there are {n} inhabitants' },
  density: { fr: 'on compte {n} habitants par km²', en: 'there are {n} inhabitants per km²' },
  schools: { fr: 'on compte {n} établissements ayant un IPS publié', en: 'there are {n} schools with a published IPS' },
  pupils: { fr: 'on compte {n} élèves', en: 'there are {n} pupils' },
  ips: { fr: 'l’indice de position sociale moyen des élèves est de {v}', en: 'the pupils’ mean social position index is {v}' },
  private_share: { fr: '{v} des élèves sont scolarisés dans le privé sous contrat', en: '{v} of pupils attend private schools under contract' },
  ftth_share: { fr: '{v} des locaux étaient raccordables à la fibre en 2018', en: '{v} of premises were fibre-ready in 2018' },
  // a current ARCEP quarter (an imported release: open data, not the historical 2018 file)
  ftth_share_current: { fr: '{v} des locaux sont raccordables à la fibre', en: '{v} of premises are fibre-ready' },
  thd_share: { fr: '{v} des écoles ont un accès à très haut débit', en: '{v} of schools have very high-speed access' },
  fibre_share: { fr: '{v} des écoles sont raccordées à la fibre', en: '{v} of schools are connected to fibre' },
  bandwidth_mean: { fr: 'le débit mesuré moyen des écoles est de {v}', en: 'schools’ mean measured bandwidth is {v}' },
  pupils_per_device: { fr: 'on compte {n} élèves par terminal', en: 'there are {n} pupils per device' },
  recent_devices_share: { fr: '{v} des terminaux ont moins de 5 ans', en: '{v} of devices are under 5 years old' },
  displays_per_100_pupils: { fr: 'on compte {n} écrans interactifs pour 100 élèves', en: 'there are {n} interactive displays per 100 pupils' },
  maintenance_delay_days: { fr: 'une panne est réparée en {v} en moyenne', en: 'a fault is fixed in {v} on average' },
  ent_active_share: { fr: '{v} des élèves sont actifs chaque mois sur l’ENT', en: '{v} of pupils are active on the ENT each month' },
};

/** Lower-cases a label's first letter unless it is an acronym ("IPS …" stays). */
const uncapitalise = (s: string) => (/^.\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** The clause saying an indicator's value: `value` formatted with its unit, `number` without. */
export function valueClause(lang: Lang, indicator: string, label: string, value: string, number: string): string {
  const clause = CLAUSES[indicator];
  if (clause) return clause[lang].replace('{v}', value).replace('{n}', number);
  return lang === 'fr' ? `${uncapitalise(label)}\u00a0: ${value}` : `${uncapitalise(label)}: ${value}`;
}

/** Whether an indicator has a clause of its own (else the sentence uses its label). */
export const hasClause = (indicator: string): boolean => indicator in CLAUSES;
