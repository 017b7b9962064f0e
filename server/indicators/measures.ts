/**
 * The per-school measures partners can import (issue #7), declared once and shared by the
 * importer (scripts/import), the templates (GET /api/templates/{theme}.csv) and the docs.
 * They are the raw values behind the demo layer's indicators (table `school_demo`): an imported
 * value replaces the synthetic one for the same school, school year and measure.
 * Pure data and small pure helpers, no I/O.
 */
import { DEMO_YEARS, type Localized, type SourceRef } from './catalog.ts';

export const MEASURE_THEMES = ['connectivity', 'equipment', 'usage'] as const;
export type MeasureTheme = (typeof MEASURE_THEMES)[number];

interface MeasureBase {
  /** stable id, the `measure` cell of an import file and the column of `school_demo` */
  id: string;
  theme: MeasureTheme;
  label: Localized;
  unit: Localized;
  /** the indicators of catalog.ts computed from it */
  indicators: readonly string[];
  /** a plausible value for the template */
  example: string;
}

export interface NumberMeasure extends MeasureBase {
  kind: 'number';
  min: number;
  max: number;
  integer: boolean;
}

export interface TextMeasure extends MeasureBase {
  kind: 'text';
  /** the allowed values (lower case) */
  values: readonly string[];
}

export type Measure = NumberMeasure | TextMeasure;

const fr = (fr: string, en: string): Localized => ({ fr, en });

/** The access technologies, as in the demo layer (scripts/build/demo/types.ts). */
export const ACCESS_TECH_VALUES = ['fibre', 'vdsl', 'adsl', '4g5g', 'satellite'] as const;

/** Every importable measure, in template order. */
export const MEASURES: readonly Measure[] = [
  { id: 'access_tech', theme: 'connectivity', kind: 'text', values: ACCESS_TECH_VALUES, label: fr('Technologie d’accès principale', 'Main access technology'), unit: fr('', ''), indicators: ['fibre_share'], example: 'fibre' },
  { id: 'bandwidth_contracted_mbps', theme: 'connectivity', kind: 'number', min: 0, max: 10_000, integer: false, label: fr('Débit descendant souscrit', 'Contracted download bandwidth'), unit: fr('Mbit/s', 'Mbit/s'), indicators: [], example: '100' },
  { id: 'bandwidth_measured_mbps', theme: 'connectivity', kind: 'number', min: 0, max: 10_000, integer: false, label: fr('Débit descendant mesuré', 'Measured download bandwidth'), unit: fr('Mbit/s', 'Mbit/s'), indicators: ['thd_share', 'bandwidth_mean'], example: '87.5' },
  { id: 'devices', theme: 'equipment', kind: 'number', min: 0, max: 20_000, integer: true, label: fr('Terminaux pédagogiques (ordinateurs, tablettes)', 'Teaching devices (computers, tablets)'), unit: fr('terminaux', 'devices'), indicators: ['pupils_per_device', 'recent_devices_share'], example: '42' },
  { id: 'devices_recent', theme: 'equipment', kind: 'number', min: 0, max: 20_000, integer: true, label: fr('Terminaux de moins de 5 ans (≤ terminaux)', 'Devices under 5 years old (≤ devices)'), unit: fr('terminaux', 'devices'), indicators: ['recent_devices_share'], example: '30' },
  { id: 'interactive_displays', theme: 'equipment', kind: 'number', min: 0, max: 2_000, integer: true, label: fr('Vidéoprojecteurs et écrans interactifs', 'Interactive projectors and displays'), unit: fr('écrans', 'displays'), indicators: ['displays_per_100_pupils'], example: '6' },
  { id: 'maintenance_delay_days', theme: 'equipment', kind: 'number', min: 0, max: 365, integer: false, label: fr('Délai moyen de résolution d’une panne', 'Mean time to fix a fault'), unit: fr('jours ouvrés', 'working days'), indicators: ['maintenance_delay_days'], example: '3.5' },
  { id: 'ent_active_pupils', theme: 'usage', kind: 'number', min: 0, max: 10_000, integer: true, label: fr('Élèves actifs au moins une fois par mois sur l’ENT (≤ effectif)', 'Pupils active on the ENT at least monthly (≤ headcount)'), unit: fr('élèves', 'pupils'), indicators: ['ent_active_share'], example: '180' },
  { id: 'ent_active_teachers', theme: 'usage', kind: 'number', min: 0, max: 2_000, integer: true, label: fr('Enseignants actifs au moins une fois par mois sur l’ENT', 'Teachers active on the ENT at least monthly'), unit: fr('enseignants', 'teachers'), indicators: [], example: '12' },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure with this id (exact, lower case), or undefined. */
export function findMeasure(id: string): Measure | undefined {
  return BY_ID.get(id);
}

/** School years (rentrée N) an import may carry: the years the dashboard shows. */
export const MEASURE_YEARS: readonly number[] = DEMO_YEARS;

/**
 * The columns of the long import format, with the header names accepted for each (compared
 * trimmed and case-insensitively; accents matter only through the listed spellings).
 */
export const IMPORT_COLUMNS = [
  { key: 'uai', required: true, names: ['uai', 'code_uai', 'numero_uai'], doc: fr('code UAI de l’établissement (7 chiffres et une lettre de contrôle)', 'school UAI code (7 digits and a check letter)') },
  { key: 'year', required: true, names: ['year', 'annee', 'année', 'annee_scolaire', 'année_scolaire', 'school_year', 'rentree', 'rentrée'], doc: fr('année scolaire : 2024 ou 2024-2025 (rentrée 2024)', 'school year: 2024 or 2024-2025 (rentrée 2024)') },
  { key: 'measure', required: true, names: ['measure', 'mesure', 'indicator', 'indicateur'], doc: fr('identifiant de la mesure (voir la liste)', 'measure id (see the list)') },
  { key: 'value', required: true, names: ['value', 'valeur'], doc: fr('valeur : nombre (virgule ou point décimal) ou texte pour access_tech', 'value: a number (decimal comma or point) or text for access_tech') },
  { key: 'date', required: false, names: ['date', 'measured_on', 'date_mesure'], doc: fr('date de la mesure, facultative : AAAA-MM-JJ ou JJ/MM/AAAA', 'date of the measure, optional: YYYY-MM-DD or DD/MM/YYYY') },
  { key: 'source', required: false, names: ['source'], doc: fr('source, facultative (200 caractères au plus ; pas de texte commençant par = + - @)', 'source, optional (200 characters at most; no text starting with = + - @)') },
  { key: 'name', required: false, names: ['name', 'nom', 'etablissement', 'établissement'], doc: fr('nom de l’établissement, facultatif, ignoré (pour la lecture)', 'school name, optional, ignored (for reading)') },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The school year of a cell: `2024`, `2024-2025` or `2024/2025` → 2024; an error text otherwise. */
export function parseSchoolYear(raw: string): { year: number } | { error: 'wrong_year' | 'year_out_of_range'; reason: string } {
  const s = raw.trim();
  const m = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(s);
  if (!m) return { error: 'wrong_year', reason: 'school year must be written 2024 or 2024-2025' };
  const year = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== year + 1) return { error: 'wrong_year', reason: `school year ${s} is not two consecutive years (write ${year}-${year + 1})` };
  const first = MEASURE_YEARS[0] ?? 0;
  const last = MEASURE_YEARS[MEASURE_YEARS.length - 1] ?? 0;
  if (!MEASURE_YEARS.includes(year)) return { error: 'year_out_of_range', reason: `school year ${year}-${year + 1} is outside the years the dashboard shows (${first}-${first + 1} to ${last}-${last + 1})` };
  return { year };
}

/** The measures of a theme, in template order. */
export function measuresOf(theme: MeasureTheme): Measure[] {
  return MEASURES.filter((m) => m.theme === theme);
}

/** The source shown for values partners imported (details per import: /api/health, build.json). */
export const IMPORTED_SOURCE: SourceRef = {
  id: 'imported',
  producer: 'Partenaires CoPaNEETA (rectorat, Région, départements)',
  title: 'Données réelles importées : inventaires et mesures par établissement',
  vintage: 'selon l’import (voir /api/health)',
  url: '/api/docs#imports',
  licence: 'selon l’organisme importateur',
};
