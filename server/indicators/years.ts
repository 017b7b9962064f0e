/**
 * The years each indicator has in the served warehouse, which an import of an official release
 * (a new IPS school year, an Annuaire headcount year, a new ARCEP quarter) can extend without a
 * code change. The catalog's static `years` are the declared list the build writes; the served
 * catalog is the catalog with, per indicator, those years plus every year the warehouse's `facts`
 * hold, the provenance and vintage of each year (ftth_share: the build's T1 2018 file is
 * historical, an imported quarter is open data) and source vintages that follow the actual years.
 *
 * Read once per warehouse version (`servedCatalogOf`), then made the catalog of each request
 * (`runWithCatalog`, set by server/app.ts after the request is pinned to its version), so every
 * route resolving indicators through `servedIndicator` / `servedIndicators` sees that version's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Warehouse } from '../db/warehouse.ts';
import { findIndicator, INDICATORS, SRC, type Indicator, type Provenance, type SourceRef, type YearDetail } from './catalog.ts';

/** One row of `SELECT indicator, year, provenance, count(*) FROM facts GROUP BY ALL`. */
export interface FactYear {
  indicator: string;
  year: number;
  provenance: string;
  rows: number;
}

export interface ServedCatalog {
  indicators: readonly Indicator[];
  byId: ReadonlyMap<string, Indicator>;
}

const PROVENANCES: readonly Provenance[] = ['open-data', 'historical', 'synthetic', 'imported'];

/** "2022", "2021 et 2022", "2021 à 2023" (consecutive), "2021, 2022 et 2024". */
export function yearList(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  if (ys.length === 0) return '';
  const first = ys[0] as number;
  const last = ys[ys.length - 1] as number;
  if (ys.length === 1) return String(first);
  if (ys.length >= 3 && last - first === ys.length - 1) return `${first} à ${last}`;
  return `${ys.slice(0, -1).join(', ')} et ${last}`;
}

const rentrees = (years: readonly number[]) => `${years.length > 1 ? 'rentrées' : 'rentrée'} ${yearList(years)}`;

/** The quarter label of one ftth_share year (T1 2018 → 2017: the school year it falls in). */
const quarterVintage = (quarter: string, provenance: Provenance | null) => (provenance === 'historical' ? `${quarter} (historique)` : quarter);

/** The vintage of one source over `years` (its per-year details for ARCEP). */
function sourceVintage(src: SourceRef, years: readonly number[], details: readonly YearDetail[]): string {
  if (src.id === SRC.ips.id) return rentrees(years);
  if (src.id === SRC.demo.id) return `${rentrees(years)} (simulées)`;
  if (src.id === SRC.arcep.id) return details.map((d) => d.vintage).join(' ; ');
  return src.vintage;
}

/** Per year: its provenance from the facts (null when the warehouse holds none) and its vintage. */
function yearDetails(ind: Indicator, years: readonly number[], facts: readonly FactYear[], quarters: ReadonlyMap<number, string>): YearDetail[] {
  return years.map((year) => {
    const kinds = new Set(facts.filter((f) => f.year === year && f.rows > 0).map((f) => f.provenance));
    // imported rows ride on a base provenance (demo measures partners replace): keep the base one
    const base = PROVENANCES.filter((p) => p !== 'imported' && kinds.has(p));
    const provenance: Provenance | null = kinds.size === 0 ? null : base.length === 1 ? (base[0] as Provenance) : base.length === 0 ? 'imported' : ind.provenance;
    const quarter = quarters.get(year);
    const vintage =
      ind.id === 'ftth_share' && quarter
        ? quarterVintage(quarter, provenance ?? ind.provenance)
        : ind.provenance === 'synthetic'
          ? `rentrée ${year} (simulée)`
          : ind.sources.some((s) => s.id === SRC.cog.id)
            ? SRC.cog.vintage
            : `rentrée ${year}`;
    return { year, provenance, vintage };
  });
}

const sameYears = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((y, i) => y === b[i]);

/** The catalog indicator as the warehouse serves it: its years, their details, and labels that follow them. */
export function serveIndicator(ind: Indicator, facts: readonly FactYear[], quarters: ReadonlyMap<number, string>): Indicator {
  const declared = [...ind.years].sort((a, b) => a - b);
  const years = [...new Set([...declared, ...facts.filter((f) => f.rows > 0).map((f) => f.year)])].sort((a, b) => a - b);
  const details = yearDetails(ind, years, facts, quarters);
  const latest = details[details.length - 1];
  if (sameYears(years, declared) && details.every((d) => d.provenance === null || d.provenance === ind.provenance || d.provenance === 'imported')) {
    return { ...ind, years, yearDetails: details };
  }
  // the years differ from the declared ones: the vintages (and ftth_share's "(2018)") follow them
  const provenance = latest?.provenance && latest.provenance !== 'imported' ? latest.provenance : ind.provenance;
  const sources = ind.sources.map((s) => ({ ...s, vintage: sourceVintage(s, years, details) }));
  const out: Indicator = { ...ind, years, yearDetails: details, provenance, sources };
  if (ind.id === 'ftth_share' && latest && latest.year !== 2017) {
    out.label = { fr: 'Locaux raccordables à la fibre', en: 'Premises ready for fibre' };
    out.description = {
      fr: `Part des locaux (logements et établissements) raccordables en FttH, un trimestre ARCEP par année scolaire (${details.map((d) => d.vintage).join(' ; ')}). Le T1 2018 est une donnée historique ; le dénominateur est l’estimation ARCEP des locaux du trimestre : quelques communes dépassent 100 %.`,
      en: `Share of premises (dwellings and businesses) FttH-ready, one ARCEP quarter per school year (${details.map((d) => d.vintage.replace('historique', 'historical')).join('; ')}). Q1 2018 is historical; the denominator is ARCEP’s estimate of premises for the quarter: a few communes exceed 100 %.`,
    };
  }
  return out;
}

/**
 * The indicator as of one year: that year's provenance (ftth_share 2017 historical, an imported
 * quarter open data) and source vintages; the indicator itself when nothing differs.
 */
export function indicatorForYear(ind: Indicator, year: number): Indicator {
  const d = ind.yearDetails?.find((x) => x.year === year);
  if (!d) return ind;
  const provenance = d.provenance && d.provenance !== 'imported' ? d.provenance : ind.provenance;
  const changesVintage = ind.sources.some((s) => s.id === SRC.arcep.id) && ind.years.length > 1;
  if (provenance === ind.provenance && !changesVintage) return ind;
  return {
    ...ind,
    provenance,
    sources: ind.sources.map((s) => (s.id === SRC.arcep.id ? { ...s, vintage: d.vintage } : s)),
  };
}

/** The served catalog from the facts' years and ARCEP quarters (pure). */
export function buildServedCatalog(facts: readonly FactYear[], quarters: ReadonlyMap<number, string> = new Map()): ServedCatalog {
  const byIndicator = new Map<string, FactYear[]>();
  for (const f of facts) {
    const list = byIndicator.get(f.indicator) ?? [];
    list.push(f);
    byIndicator.set(f.indicator, list);
  }
  const indicators = INDICATORS.map((ind) => serveIndicator(ind, byIndicator.get(ind.id) ?? [], quarters));
  return { indicators, byId: new Map(indicators.map((i) => [i.id, i])) };
}

const FACT_YEARS_SQL = 'SELECT indicator, year, provenance, count(*) AS rows FROM facts GROUP BY ALL ORDER BY ALL';
// the quarter sql/facts.sql keeps per school year: the latest of that year
const QUARTERS_SQL = `
SELECT year, arg_max(quarter, right(quarter, 4) || quarter) AS quarter FROM (
  SELECT quarter, try_cast(right(quarter, 4) AS INTEGER) - CASE WHEN quarter LIKE 'T1 %' OR quarter LIKE 'T2 %' THEN 1 ELSE 0 END AS year
  FROM (SELECT DISTINCT quarter FROM commune_ftth WHERE premises_total > 0)
) WHERE year IS NOT NULL GROUP BY year`;

/** Reads the served catalog of the version `db` answers from now (no cache). */
export async function loadServedCatalog(db: Pick<Warehouse, 'query'>): Promise<ServedCatalog> {
  const facts = (await db.query(FACT_YEARS_SQL)).map((r) => ({ indicator: String(r.indicator), year: Number(r.year), provenance: String(r.provenance), rows: Number(r.rows) }));
  let quarters = new Map<number, string>();
  try {
    quarters = new Map((await db.query(QUARTERS_SQL)).map((r) => [Number(r.year), String(r.quarter)]));
  } catch {
    // a warehouse without commune_ftth: no quarter labels, the declared vintage stays
  }
  return buildServedCatalog(facts, quarters);
}

const cache = new Map<string, Promise<ServedCatalog>>();
const MAX_VERSIONS = 8;

/** The static catalog as a served one (a warehouse whose facts cannot be read). */
export const STATIC_CATALOG: ServedCatalog = { indicators: INDICATORS, byId: new Map(INDICATORS.map((i) => [i.id, i])) };

/**
 * The served catalog of the version `db` answers from (a pinned request's), read once per
 * version (keyed by folder and build id). A failed read answers the static catalog and is not
 * cached: it is retried next time.
 */
export function servedCatalogOf(db: Warehouse): Promise<ServedCatalog> {
  const key = `${db.dir}\u0000${db.buildId}`;
  let p = cache.get(key);
  if (!p) {
    p = loadServedCatalog(db).catch(() => {
      cache.delete(key);
      return STATIC_CATALOG;
    });
    cache.set(key, p);
    while (cache.size > MAX_VERSIONS) cache.delete(cache.keys().next().value as string);
  }
  return p;
}

const current = new AsyncLocalStorage<ServedCatalog>();

/** Runs `fn` (a request) with `catalog` as the served catalog. */
export function runWithCatalog<T>(catalog: ServedCatalog, fn: () => T): T {
  return current.run(catalog, fn);
}

/** The indicator with this id as the current request's version serves it (the static catalog's outside a request). */
export function servedIndicator(id: string): Indicator | undefined {
  const cat = current.getStore();
  return cat ? cat.byId.get(id) : findIndicator(id);
}

/** Every indicator as the current request's version serves it (the static catalog outside a request). */
export function servedIndicators(): readonly Indicator[] {
  return current.getStore()?.indicators ?? INDICATORS;
}

/** `ind` (e.g. held since start-up) with the current version's years and vintages. */
export function served(ind: Indicator): Indicator {
  return servedIndicator(ind.id) ?? ind;
}
