/**
 * The source manifest: every open dataset the build reads, with its producer, official download
 * URL, licence, vintage, format and its path in the local mirror (`OPENDATA_DIR`, see fetch.ts).
 * The mirror's MANIFEST.md (../shared/opendata) is the human-readable twin of this table.
 */

export type SourceFormat = 'csv' | 'geojson' | 'geojson.gz' | 'json';

export interface Source {
  id: string;
  producer: string;
  title: string;
  /** page of the dataset on the official portal */
  page: string;
  /** direct download of the official file, or null when none is published any more */
  download: string | null;
  licence: string;
  vintage: string;
  format: SourceFormat;
  /** path relative to the mirror root */
  mirrorPath: string;
  /** a file smaller than this is refused as truncated */
  minBytes: number;
  /** the file must start with (after an optional BOM) one of these, to catch HTML error pages */
  expectStart: readonly string[];
}

const ETALAB = 'Licence Ouverte / Etalab 2.0';
const EDU = 'https://data.education.gouv.fr';
/** Opendatasoft export of a data.education.gouv.fr dataset as `;`-separated CSV. */
const eduCsv = (dataset: string) =>
  `${EDU}/api/explore/v2.1/catalog/datasets/${dataset}/exports/csv?delimiter=%3B`;
const eduPage = (dataset: string) => `${EDU}/explore/dataset/${dataset}/`;

const ipsHeaders = ['rentree_scolaire', 'Rentrée scolaire'];

export const SOURCES = [
  {
    id: 'ips-ecoles-2022',
    producer: 'DEPP',
    title: 'Indices de position sociale des écoles (à partir de 2022)',
    page: eduPage('fr-en-ips-ecoles-ap2022'),
    download: eduCsv('fr-en-ips-ecoles-ap2022'),
    licence: ETALAB,
    vintage: 'rentrée 2022',
    format: 'csv',
    mirrorPath: 'ips/fr-en-ips-ecoles-ap2022.csv',
    minBytes: 1_000_000,
    expectStart: ipsHeaders,
  },
  {
    id: 'ips-colleges-2022',
    producer: 'DEPP',
    title: 'Indices de position sociale des collèges (à partir de 2022)',
    page: eduPage('fr-en-ips-colleges-ap2022'),
    download: eduCsv('fr-en-ips-colleges-ap2022'),
    licence: ETALAB,
    vintage: 'rentrée 2022',
    format: 'csv',
    mirrorPath: 'ips/fr-en-ips-colleges-ap2022.csv',
    minBytes: 200_000,
    expectStart: ipsHeaders,
  },
  {
    id: 'ips-lycees-2022',
    producer: 'DEPP',
    title: 'Indices de position sociale des lycées (à partir de 2022)',
    page: eduPage('fr-en-ips-lycees-ap2022'),
    download: eduCsv('fr-en-ips-lycees-ap2022'),
    licence: ETALAB,
    vintage: 'rentrée 2022',
    format: 'csv',
    mirrorPath: 'ips/fr-en-ips-lycees-ap2022.csv',
    minBytes: 150_000,
    expectStart: ipsHeaders,
  },
  {
    id: 'ips-ecoles-2021',
    producer: 'DEPP',
    title: 'Indices de position sociale des écoles (2016 à 2022)',
    page: eduPage('fr-en-ips_ecoles'),
    download: eduCsv('fr-en-ips_ecoles'),
    licence: ETALAB,
    vintage: 'rentrée 2021',
    format: 'csv',
    mirrorPath: 'ips/fr-en-ips_ecoles_2021-2022.csv',
    minBytes: 1_000_000,
    expectStart: ipsHeaders,
  },
  {
    id: 'ips-lycees-2021',
    producer: 'DEPP',
    title: 'Indices de position sociale des lycées (2016 à 2022)',
    page: eduPage('fr-en-ips_lycees'),
    download: eduCsv('fr-en-ips_lycees'),
    licence: ETALAB,
    vintage: 'rentrée 2021',
    format: 'csv',
    mirrorPath: 'ips/fr-en-ips_lycees_2021-2022.csv',
    minBytes: 150_000,
    expectStart: ipsHeaders,
  },
  {
    id: 'geoloc-colleges',
    producer: 'MENJ',
    title: 'Adresse et géolocalisation des établissements (collèges)',
    page: eduPage('fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre'),
    download: eduCsv('fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre'),
    licence: ETALAB,
    vintage: 'environ 2024',
    format: 'csv',
    mirrorPath: 'schools/fr-en-adresse-et-geolocalisation-etablissements-colleges.csv',
    minBytes: 1_000_000,
    expectStart: ['numero_uai'],
  },
  {
    id: 'arcep-ftth-communes',
    producer: 'ARCEP',
    title: 'Observatoire du haut et très haut débit : déploiement FttH par commune',
    page: 'https://www.data.gouv.fr/fr/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements/',
    // The 2018 quarterly CSVs are no longer published at a stable address: mirror only.
    download: null,
    licence: ETALAB,
    vintage: 'T3 2017 à T1 2018 (historique)',
    format: 'csv',
    mirrorPath: 'arcep/ftthCommunes.csv',
    minBytes: 500_000,
    expectStart: ['Réseaux en fibre optique'],
  },
  {
    id: 'arcep-communes',
    producer: 'ARCEP',
    title: 'Observatoire du haut et très haut débit : table des communes (locaux)',
    page: 'https://www.data.gouv.fr/fr/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements/',
    download: null,
    licence: ETALAB,
    vintage: 'T1 2018 (historique)',
    format: 'csv',
    mirrorPath: 'arcep/communes.csv',
    minBytes: 1_000_000,
    expectStart: ['Réseaux en fibre optique'],
  },
  {
    id: 'contours-communes',
    producer: 'IGN ADMIN EXPRESS-COG, re-codé COG 2026',
    title: 'Contours des communes, simplifiés',
    page: 'https://www.data.gouv.fr/fr/datasets/contours-administratifs/',
    download: 'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2025/geojson/communes-100m.geojson.gz',
    licence: ETALAB,
    vintage: 'géométrie 2018, codes COG 2026',
    format: 'geojson.gz',
    mirrorPath: 'boundaries/communes-cog2026-simplified.geojson.gz',
    minBytes: 1_000_000,
    expectStart: ['\u001f\u008b'],
  },
  {
    id: 'contours-departements',
    producer: 'IGN ADMIN EXPRESS-COG (dissous depuis les communes)',
    title: 'Contours des départements, simplifiés',
    page: 'https://www.data.gouv.fr/fr/datasets/contours-administratifs/',
    download: 'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2025/geojson/departements-100m.geojson',
    licence: ETALAB,
    vintage: 'géométrie 2018, codes COG 2026',
    format: 'geojson',
    mirrorPath: 'boundaries/departements-cog2026-simplified.geojson',
    minBytes: 100_000,
    expectStart: ['{'],
  },
  {
    id: 'communes-without-geometry',
    producer: 'dérivé du COG 2026',
    title: 'Communes recréées après 2018, sans polygone propre',
    page: 'https://www.insee.fr/fr/information/2560452',
    download: null,
    licence: ETALAB,
    vintage: 'COG 2026',
    format: 'json',
    mirrorPath: 'boundaries/communes-without-own-geometry-cog2026.json',
    minBytes: 10,
    expectStart: ['['],
  },
  {
    id: 'contours-academies',
    producer: 'MENJ',
    title: 'Contours des académies 2020',
    page: eduPage('fr-en-contour-academies-2020'),
    download: `${EDU}/api/explore/v2.1/catalog/datasets/fr-en-contour-academies-2020/exports/geojson`,
    licence: ETALAB,
    vintage: '2020',
    format: 'geojson',
    mirrorPath: 'boundaries/fr-en-contour-academies-2020.geojson',
    minBytes: 100_000,
    expectStart: ['{'],
  },
] as const satisfies readonly Source[];

export type SourceId = (typeof SOURCES)[number]['id'];

/** The source with this id (throws on an unknown id: a programming error). */
export function source(id: SourceId): Source {
  const s = SOURCES.find((x) => x.id === id);
  if (!s) throw new Error(`unknown source ${id}`);
  return s;
}
