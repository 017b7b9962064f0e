/**
 * Drill-down between levels, pure: région → académie → département → commune. Clicking a
 * territory selects it and shows the next level inside it; the breadcrumb climbs back. Parents
 * come from a small directory of régions, académies and départements (names and parent codes).
 */
import type { TerritoryEntry } from '../api/types.ts';
import { DEFAULT_LEVEL, MAP_LEVELS, type MapLevel, type TerritoryRef, type ViewState } from '../state/url.ts';

/** The level shown inside a territory of `level` (null for a commune). */
export function childLevel(level: MapLevel): MapLevel | null {
  return MAP_LEVELS[MAP_LEVELS.indexOf(level) + 1] ?? null;
}

/** The département of a commune from its INSEE code (`15014` → `15`, `97105` → `971`, `2A004` → `2A`). */
export function communeDepartement(code: string): string {
  return code.slice(0, code.startsWith('97') ? 3 : 2);
}

/** Names and parents of régions, académies and départements, by `level:code`. */
export type Directory = ReadonlyMap<string, TerritoryEntry>;

export const refKey = (r: TerritoryRef): string => `${r.level}:${r.code}`;

/** The chain of a territory's parents, top-down, ending with itself (région › académie › département › commune). */
export function ancestry(ref: TerritoryRef, directory: Directory): TerritoryRef[] {
  const chain: TerritoryRef[] = [ref];
  let dep: TerritoryEntry | undefined;
  if (ref.level === 'commune') {
    const code = communeDepartement(ref.code);
    chain.unshift({ level: 'departement', code });
    dep = directory.get(`departement:${code}`);
  } else {
    dep = directory.get(refKey(ref));
  }
  if (ref.level !== 'region' && ref.level !== 'academie' && dep?.academie_code) chain.unshift({ level: 'academie', code: dep.academie_code });
  const academie = ref.level === 'academie' ? directory.get(refKey(ref)) : dep;
  if (ref.level !== 'region' && academie?.region_code) chain.unshift({ level: 'region', code: academie.region_code });
  return chain;
}

/** Whether territory `ref` lies inside `parent` (unknown parents count as outside). */
export function isInside(ref: TerritoryRef, parent: TerritoryRef, directory: Directory): boolean {
  return ancestry(ref, directory).some((r) => r.level === parent.level && r.code === parent.code);
}

/**
 * The view change for a click on territory `ref` of the map level: select it and, below a
 * commune, show the next level inside it. A commune outside the current parent moves the parent
 * to the commune's own (same level), so the selection never sits in a greyed area.
 */
export function pickPatch(ref: TerritoryRef, view: Pick<ViewState, 'within'>, directory: Directory): Partial<ViewState> {
  const next = childLevel(ref.level);
  if (next) return { selected: ref, within: ref, level: next, camera: null };
  const within = view.within;
  if (!within || isInside(ref, within, directory)) return { selected: ref };
  const parent = ancestry(ref, directory).find((r) => r.level === within.level) ?? null;
  return { selected: ref, within: parent, camera: null };
}

/** The view change for a breadcrumb step: one of the parents, or France (null: the home view's level). */
export function climbPatch(ref: TerritoryRef | null): Partial<ViewState> {
  if (!ref) return { within: null, selected: null, level: DEFAULT_LEVEL, camera: null };
  return { within: ref, selected: ref, level: childLevel(ref.level) ?? ref.level, camera: null };
}
