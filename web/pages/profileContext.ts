/**
 * What every section of a profile needs to know: the language, the territory and its detail,
 * where it is ("dans le Cantal") and what it is compared with ("l’académie de Clermont-Ferrand",
 * France for a région), the year and the catalog. Built once per page render. Pure.
 */
import type { TerritoryDetail } from '../api/territory.ts';
import type { Indicator } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import type { Place } from '../profile/places.ts';
import type { TerritoryRef } from '../state/url.ts';

export interface ProfileContext {
  lang: Lang;
  territory: TerritoryRef;
  detail: TerritoryDetail;
  place: Place;
  /** what `parent_value` and `index` compare with */
  parent: Place;
  /** the parent as a territory (null when it is France) */
  parentRef: TerritoryRef | null;
  year: number;
  indicators: readonly Indicator[];
}

/** The context of a loaded profile. */
export function profileContext(lang: Lang, territory: TerritoryRef, detail: TerritoryDetail, year: number, indicators: readonly Indicator[]): ProfileContext {
  const c = detail.compared_with;
  const parentRef = c.level === 'france' ? null : { level: c.level, code: c.code };
  return {
    lang,
    territory,
    detail,
    place: { level: territory.level, code: territory.code, name: detail.territory.name },
    parent: { level: c.level, code: c.code, name: c.name },
    parentRef,
    year,
    indicators,
  };
}

/** The catalog entry of an indicator id (undefined for an unknown one). */
export const indicatorOf = (ctx: Pick<ProfileContext, 'indicators'>, id: string): Indicator | undefined => ctx.indicators.find((i) => i.id === id);
