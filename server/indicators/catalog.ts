/**
 * The declarative indicator catalog, shared by the data build, the server and the web.
 * Pure data and types, no I/O. Indicator ids are public and stable (embeds use them).
 *
 * Every indicator aggregates as a ratio of sums: the build writes, per school (or per commune
 * for territorial indicators), a numerator and a denominator into the `facts` table; any level
 * then shows `scale * sum(num) / sum(den)`, or `sum(num)` when `denominator` is null.
 */

export const LEVELS = ['region', 'academie', 'departement', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export const SCHOOL_TYPES = ['ecole', 'college', 'lycee'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SECTORS = ['public', 'prive'] as const;
export type Sector = (typeof SECTORS)[number];

export type Provenance = 'open-data' | 'historical' | 'synthetic' | 'imported';
export type Theme = 'context' | 'connectivity' | 'equipment' | 'usage';
export type Direction = 'higher_is_better' | 'higher_is_worse' | 'neutral';
export type Grain = 'school' | 'commune';

/** Years of the demo layer: rentrée 2019 to rentrée 2025. */
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

export interface Localized {
  fr: string;
  en: string;
}

export interface SourceRef {
  /** id in scripts/sources/manifest.ts, or 'demo' for the synthetic layer */
  id: string;
  producer: string;
  title: string;
  vintage: string;
  url: string;
  licence: string;
}

/** One year of an indicator as the served warehouse holds it (server/indicators/years.ts). */
export interface YearDetail {
  year: number;
  /** provenance of that year's facts (ftth_share: 'historical' for T1 2018, 'open-data' for an imported quarter); null: no facts */
  provenance: Provenance | null;
  /** e.g. "rentrée 2023", "T3 2024", "T1 2018 (historique)" */
  vintage: string;
}

export interface Indicator {
  id: string;
  label: Localized;
  description: Localized;
  theme: Theme;
  /** unit symbol shown after values: '%', 'IPS', 'élèves', 'Mbit/s', ... */
  unit: Localized;
  /** multiply sum(num)/sum(den) by this (100 for percentages) */
  scale: number;
  /** what num and den hold, for the documentation and the provenance line */
  numerator: Localized;
  denominator: Localized | null;
  direction: Direction;
  grain: Grain;
  provenance: Provenance;
  sources: SourceRef[];
  levels: readonly Level[];
  /**
   * Years declared here are those the build writes; the server serves those plus every year the
   * warehouse holds (an imported release adds some), see server/indicators/years.ts
   */
  years: readonly number[];
  /** per served year, its provenance and vintage (set by the server from the warehouse; absent in the static catalog) */
  yearDetails?: readonly YearDetail[];
  /** decimals to show */
  decimals: number;
}

const ETALAB = 'Licence Ouverte / Etalab 2.0';

export const SRC = {
  ips: {
    id: 'ips',
    producer: 'DEPP (Ministère de l’Éducation nationale)',
    title: 'Indices de position sociale des écoles, collèges et lycées',
    vintage: 'rentrées 2021 et 2022',
    url: 'https://data.education.gouv.fr/explore/dataset/fr-en-ips-ecoles-ap2022/',
    licence: ETALAB,
  },
  cog: {
    id: 'cog',
    producer: 'INSEE, via @etalab/decoupage-administratif 6.0.0',
    title: 'Code officiel géographique 2026 et populations légales',
    vintage: 'COG 2026',
    url: 'https://www.insee.fr/fr/information/2560452',
    licence: ETALAB,
  },
  arcep: {
    id: 'arcep-ftth',
    producer: 'ARCEP',
    title: 'Observatoire du haut et très haut débit : déploiement FttH par commune',
    vintage: 'T1 2018 (historique)',
    url: 'https://www.data.gouv.fr/fr/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements/',
    licence: ETALAB,
  },
  demo: {
    id: 'demo',
    producer: 'CoPaNEETA dashboard (données fictives)',
    title: 'Couche de démonstration : valeurs simulées, déterministes',
    vintage: 'rentrées 2019 à 2025 (simulées)',
    url: '/api/docs#donnees-fictives',
    licence: ETALAB,
  },
} as const satisfies Record<string, SourceRef>;

const ALL_LEVELS = LEVELS;
const IPS_YEARS = [2021, 2022] as const;

const fr = (fr: string, en: string): Localized => ({ fr, en });

/** The catalog. Order is the order of the picker within each theme. */
export const INDICATORS: readonly Indicator[] = [
  {
    id: 'population',
    label: fr('Population', 'Population'),
    description: fr(
      'Population municipale légale (INSEE), somme des communes.',
      'Legal municipal population (INSEE), summed over communes.',
    ),
    theme: 'context',
    unit: fr('hab.', 'inhab.'),
    scale: 1,
    numerator: fr('habitants', 'inhabitants'),
    denominator: null,
    direction: 'neutral',
    grain: 'commune',
    provenance: 'open-data',
    sources: [SRC.cog],
    levels: ALL_LEVELS,
    years: [2023],
    decimals: 0,
  },
  {
    id: 'density',
    label: fr('Densité de population', 'Population density'),
    description: fr(
      'Habitants par km² de surface (surface calculée sur les contours IGN).',
      'Inhabitants per km² of land (area computed from IGN boundaries).',
    ),
    theme: 'context',
    unit: fr('hab./km²', 'inhab./km²'),
    scale: 1,
    numerator: fr('habitants', 'inhabitants'),
    denominator: fr('surface en km²', 'area in km²'),
    direction: 'neutral',
    grain: 'commune',
    provenance: 'open-data',
    sources: [SRC.cog],
    levels: ALL_LEVELS,
    years: [2023],
    decimals: 0,
  },
  {
    id: 'schools',
    label: fr('Établissements', 'Schools'),
    description: fr(
      'Nombre d’écoles, collèges et lycées publics et privés sous contrat ayant un IPS publié.',
      'Number of public and private (under contract) schools with a published IPS.',
    ),
    theme: 'context',
    unit: fr('établ.', 'schools'),
    scale: 1,
    numerator: fr('établissements', 'schools'),
    denominator: null,
    direction: 'neutral',
    grain: 'school',
    provenance: 'open-data',
    sources: [SRC.ips],
    levels: ALL_LEVELS,
    years: IPS_YEARS,
    decimals: 0,
  },
  {
    id: 'pupils',
    label: fr('Élèves', 'Pupils'),
    description: fr(
      'Effectifs d’élèves publiés avec l’IPS (rentrée 2022 ; non publiés pour 2021).',
      'Pupil headcounts published with the IPS (rentrée 2022; not published for 2021).',
    ),
    theme: 'context',
    unit: fr('élèves', 'pupils'),
    scale: 1,
    numerator: fr('élèves', 'pupils'),
    denominator: null,
    direction: 'neutral',
    grain: 'school',
    provenance: 'open-data',
    sources: [SRC.ips],
    levels: ALL_LEVELS,
    years: [2022],
    decimals: 0,
  },
  {
    id: 'ips',
    label: fr('Indice de position sociale (IPS)', 'Social position index (IPS)'),
    description: fr(
      'IPS moyen pondéré par les effectifs des établissements ayant un IPS cette année-là (pour 2021, pondération par les effectifs 2022 ; collèges absents en 2021). Plus il est élevé, plus le milieu social des élèves est favorisé.',
      'Pupil-weighted mean IPS of schools with an IPS that year (2021 is weighted by 2022 headcounts; no collèges in 2021). Higher means a more advantaged social background.',
    ),
    theme: 'context',
    unit: fr('', ''),
    scale: 1,
    numerator: fr('somme des IPS × effectifs', 'sum of IPS × pupils'),
    denominator: fr('effectifs', 'pupils'),
    direction: 'higher_is_better',
    grain: 'school',
    provenance: 'open-data',
    sources: [SRC.ips],
    levels: ALL_LEVELS,
    years: IPS_YEARS,
    decimals: 1,
  },
  {
    id: 'private_share',
    label: fr('Part des élèves du privé', 'Share of pupils in private schools'),
    description: fr(
      'Part des élèves scolarisés dans un établissement privé sous contrat.',
      'Share of pupils in private schools under contract.',
    ),
    theme: 'context',
    unit: fr('%', '%'),
    scale: 100,
    numerator: fr('élèves du privé', 'pupils in private schools'),
    denominator: fr('élèves', 'pupils'),
    direction: 'neutral',
    grain: 'school',
    provenance: 'open-data',
    sources: [SRC.ips],
    levels: ALL_LEVELS,
    years: [2022],
    decimals: 1,
  },
  {
    id: 'ftth_share',
    label: fr('Locaux raccordables à la fibre (2018)', 'Premises ready for fibre (2018)'),
    description: fr(
      'Part des locaux (logements et établissements) raccordables en FttH au T1 2018. Donnée historique : elle ne décrit pas la situation actuelle. Le dénominateur est l’estimation ARCEP des locaux de 2018 : quelques communes dépassent 100 %.',
      'Share of premises (dwellings and businesses) FttH-ready in Q1 2018. Historical: it does not describe the current situation. The denominator is ARCEP’s 2018 estimate of premises: a few communes exceed 100 %.',
    ),
    theme: 'connectivity',
    unit: fr('%', '%'),
    scale: 100,
    numerator: fr('locaux raccordables FttH', 'FttH-ready premises'),
    denominator: fr('logements + établissements', 'dwellings + businesses'),
    direction: 'higher_is_better',
    grain: 'commune',
    provenance: 'historical',
    sources: [SRC.arcep],
    levels: ALL_LEVELS,
    years: [2017],
    decimals: 1,
  },
  ...demoIndicators(),
];

function demoIndicators(): Indicator[] {
  const base = {
    grain: 'school' as const,
    provenance: 'synthetic' as const,
    sources: [SRC.demo],
    levels: ALL_LEVELS,
    years: [...DEMO_YEARS],
  };
  return [
    {
      ...base,
      id: 'thd_share',
      label: fr('Écoles en très haut débit', 'Schools with very high-speed access'),
      description: fr(
        'Part des établissements dont le débit mesuré atteint au moins 30 Mbit/s.',
        'Share of schools whose measured bandwidth is at least 30 Mbit/s.',
      ),
      theme: 'connectivity',
      unit: fr('%', '%'),
      scale: 100,
      numerator: fr('établissements ≥ 30 Mbit/s', 'schools ≥ 30 Mbit/s'),
      denominator: fr('établissements', 'schools'),
      direction: 'higher_is_better',
      decimals: 1,
    },
    {
      ...base,
      id: 'fibre_share',
      label: fr('Écoles raccordées à la fibre', 'Schools connected to fibre'),
      description: fr(
        'Part des établissements dont l’accès principal est la fibre optique.',
        'Share of schools whose main access is optical fibre.',
      ),
      theme: 'connectivity',
      unit: fr('%', '%'),
      scale: 100,
      numerator: fr('établissements fibrés', 'schools on fibre'),
      denominator: fr('établissements', 'schools'),
      direction: 'higher_is_better',
      decimals: 1,
    },
    {
      ...base,
      id: 'bandwidth_mean',
      label: fr('Débit mesuré moyen', 'Mean measured bandwidth'),
      description: fr(
        'Débit descendant mesuré moyen par établissement.',
        'Mean measured download bandwidth per school.',
      ),
      theme: 'connectivity',
      unit: fr('Mbit/s', 'Mbit/s'),
      scale: 1,
      numerator: fr('somme des débits mesurés', 'sum of measured bandwidths'),
      denominator: fr('établissements', 'schools'),
      direction: 'higher_is_better',
      decimals: 0,
    },
    {
      ...base,
      id: 'pupils_per_device',
      label: fr('Élèves par terminal', 'Pupils per device'),
      description: fr(
        'Nombre d’élèves par ordinateur ou tablette à usage pédagogique (effectifs réels 2022 pour toutes les années).',
        'Pupils per teaching computer or tablet (real 2022 headcounts for every year).',
      ),
      theme: 'equipment',
      unit: fr('élèves', 'pupils'),
      scale: 1,
      numerator: fr('élèves', 'pupils'),
      denominator: fr('terminaux', 'devices'),
      direction: 'higher_is_worse',
      decimals: 1,
    },
    {
      ...base,
      id: 'recent_devices_share',
      label: fr('Terminaux de moins de 5 ans', 'Devices under 5 years old'),
      description: fr(
        'Part des terminaux pédagogiques de moins de 5 ans.',
        'Share of teaching devices under 5 years old.',
      ),
      theme: 'equipment',
      unit: fr('%', '%'),
      scale: 100,
      numerator: fr('terminaux de moins de 5 ans', 'devices under 5 years'),
      denominator: fr('terminaux', 'devices'),
      direction: 'higher_is_better',
      decimals: 1,
    },
    {
      ...base,
      id: 'displays_per_100_pupils',
      label: fr('Écrans interactifs pour 100 élèves', 'Interactive displays per 100 pupils'),
      description: fr(
        'Vidéoprojecteurs interactifs et écrans numériques interactifs pour 100 élèves.',
        'Interactive projectors and displays per 100 pupils.',
      ),
      theme: 'equipment',
      unit: fr('pour 100 élèves', 'per 100 pupils'),
      scale: 100,
      numerator: fr('écrans interactifs', 'interactive displays'),
      denominator: fr('élèves', 'pupils'),
      direction: 'higher_is_better',
      decimals: 1,
    },
    {
      ...base,
      id: 'maintenance_delay_days',
      label: fr('Délai moyen de maintenance', 'Mean maintenance delay'),
      description: fr(
        'Délai moyen de résolution d’une panne, en jours ouvrés.',
        'Mean time to fix a fault, in working days.',
      ),
      theme: 'equipment',
      unit: fr('jours', 'days'),
      scale: 1,
      numerator: fr('somme des délais', 'sum of delays'),
      denominator: fr('établissements', 'schools'),
      direction: 'higher_is_worse',
      decimals: 1,
    },
    {
      ...base,
      id: 'ent_active_share',
      label: fr('Élèves actifs sur l’ENT', 'Pupils active on the ENT'),
      description: fr(
        'Part des élèves connectés au moins une fois par mois à l’espace numérique de travail.',
        'Share of pupils who log in to the digital workspace (ENT) at least monthly.',
      ),
      theme: 'usage',
      unit: fr('%', '%'),
      scale: 100,
      numerator: fr('élèves actifs par mois', 'monthly active pupils'),
      denominator: fr('élèves', 'pupils'),
      direction: 'higher_is_better',
      decimals: 1,
    },
  ];
}

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

/** The indicator with this id, or undefined (ids come from requests: never trust them). */
export function findIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** The latest year an indicator is available for. */
export function latestYear(indicator: Indicator): number {
  return Math.max(...indicator.years);
}

/** True when values of this indicator are demo data that must carry the "données fictives" label. */
export function isSynthetic(indicator: Indicator): boolean {
  return indicator.provenance === 'synthetic';
}
