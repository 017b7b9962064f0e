/**
 * The years the views offer, from the catalog the server serves (`/api/indicators`): an indicator's
 * years are those the served warehouse holds, so an imported release (a new IPS school year, a new
 * ARCEP quarter) appears in the year slider and the profile and compare pages without a new build
 * of the web. The web's bundled copy of the catalog (shown until the served one arrives) has only
 * the declared years; it is told apart by its indicators having no `yearDetails`.
 */
import type { Indicator } from '../../server/indicators/catalog.ts';

type WithYears = Pick<Indicator, 'years'> & Partial<Pick<Indicator, 'yearDetails'>>;

/** True for an indicator of the bundled catalog (declared years) rather than the served one. */
export function isProvisional(indicator: WithYears): boolean {
  return indicator.yearDetails === undefined;
}

/** An indicator's years, ascending. */
export function sortedYears(indicator: WithYears): number[] {
  return [...new Set(indicator.years)].sort((a, b) => a - b);
}

/**
 * The year to show for `requested`: itself when the indicator has it, else the indicator's latest.
 * While the catalog is the bundled copy, a year after its latest is kept too (a release the
 * server has may have added it; the served catalog settles it on arrival).
 */
export function yearIn(indicator: WithYears, requested: number | undefined): number {
  const years = sortedYears(indicator);
  const latest = years[years.length - 1];
  if (latest === undefined) return requested ?? new Date().getFullYear();
  if (requested === undefined) return latest;
  if (years.includes(requested)) return requested;
  if (isProvisional(indicator) && requested > latest) return requested;
  return latest;
}

/**
 * The school years a profile or a comparison offers: every year of the indicators computed per
 * school (IPS, headcounts, equipment and usage), ascending; indicators without that year show
 * their latest year before it.
 */
export function schoolYears(indicators: readonly (WithYears & Pick<Indicator, 'grain'>)[]): number[] {
  const ys = new Set<number>();
  for (const ind of indicators) if (ind.grain === 'school') for (const y of ind.years) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}

/**
 * `requested` if it is one of `years`, else the latest of them; with `provisional` (the bundled
 * catalog), a year after the latest is kept too, as in `yearIn`.
 */
export function pickYear(years: readonly number[], requested: number | null | undefined, provisional = false): number {
  const latest = years.length > 0 ? Math.max(...years) : undefined;
  if (requested === null || requested === undefined) return latest ?? new Date().getFullYear();
  if (years.includes(requested) || latest === undefined || (provisional && requested > latest)) return requested;
  return latest;
}
