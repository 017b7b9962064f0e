/**
 * File names of everything a reader downloads, named after the view so a folder of exports reads
 * by itself: `copaneeta_communes-cantal_ips_2022.png`, `copaneeta_departements_thd_share_2025.csv`,
 * `copaneeta_serie-cantal_ips.svg`. ASCII only (accents dropped, other characters become `-`),
 * so the name is safe in a Content-Disposition header and on every file system. Pure and
 * import-free: the server's /api/export and the web's image exports share it.
 */

/** Level → the plural word used in names. */
const LEVEL_WORDS: Record<string, string> = { region: 'regions', academie: 'academies', departement: 'departements', commune: 'communes' };

/** `Puy-de-Dôme` → `puy-de-dome`; empty for nothing usable. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `copaneeta_<part>_<part>…` with empty parts left out; parts keep `_` in ids (`thd_share`). */
export function fileBase(parts: readonly (string | number | null | undefined)[]): string {
  const kept = parts.map((p) => (p === null || p === undefined ? '' : String(p))).map((p) => p.split('_').map(slugify).filter(Boolean).join('_')).filter(Boolean);
  return ['copaneeta', ...kept].join('_');
}

export interface MapNameParts {
  /** map level, or `schools` for one row per school */
  level: string;
  /** the parent territory's name (or code when the name is unknown) */
  within?: string | null;
  indicator: string;
  year: number | string;
  schoolType?: string | null;
  sector?: string | null;
}

/** The base name of a map view or its data: `copaneeta_communes-cantal_ips_2022`. */
export function mapFileBase(p: MapNameParts): string {
  const what = p.level === 'schools' ? 'etablissements' : (LEVEL_WORDS[p.level] ?? p.level);
  const head = [what, p.within ? slugify(p.within) : ''].filter(Boolean).join('-');
  return fileBase([head, p.indicator, p.year, p.schoolType, p.sector]);
}

const CHART_WORDS: Record<string, string> = { series: 'serie', distribution: 'repartition', theil: 'theil', compare: 'comparaison', objective: 'objectif' };

/** The base name of a chart: `copaneeta_serie-cantal_ips`, `copaneeta_comparaison-allier-cantal_thd_share_2024`. */
export function chartFileBase(kind: string, places: readonly string[], indicator: string | null, year?: number | null): string {
  const head = [CHART_WORDS[kind] ?? slugify(kind), ...places.map(slugify)].filter(Boolean).join('-');
  return fileBase([head, indicator, year]);
}
