/**
 * What choosing a search result does to the view (pure). Territories of a map level are
 * selected at their own level (a commune within its département, so the map shows its
 * neighbours); a school selects its commune with the schools layer on; an EPCI, which is not a
 * map level, selects its département and shows that département's communes (the EPCI's own
 * communes are among them). `camera: null` lets the map fit the new selection.
 */
import type { SearchResult } from '../api/search.ts';
import { isMapLevel, type MapLevel, type ViewState } from '../state/url.ts';
import type { MessageKey } from '../i18n/index.ts';

/** The département of a commune code: `15187` → `15`, `2A004` → `2A`, `97411` → `974`. */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/** The département code a context ends with: "intercommunalité · Cantal (15)" → `15`. */
export function departementOfContext(context: string): string | null {
  return /\((\d[\dAB]\d?)\)\s*$/.exec(context)?.[1] ?? null;
}

/** The view patch that selects a commune (within its département). */
export function communePatch(code: string): Partial<ViewState> {
  return {
    selected: { level: 'commune', code },
    level: 'commune',
    within: { level: 'departement', code: departementOfCommune(code) },
    camera: null,
  };
}

/** The view patch for a territory result; null for a school (its commune must be looked up first). */
export function territoryPatch(result: Pick<SearchResult, 'kind' | 'level' | 'code' | 'context'>): Partial<ViewState> | null {
  if (result.kind !== 'territory') return null;
  if (result.level === 'commune') return communePatch(result.code);
  if (isMapLevel(result.level)) {
    return { selected: { level: result.level, code: result.code }, level: result.level, within: null, camera: null };
  }
  if (result.level === 'epci') {
    const dep = departementOfContext(result.context);
    if (!dep) return null;
    const departement = { level: 'departement' as const, code: dep };
    return { selected: departement, level: 'commune', within: departement, camera: null };
  }
  return null;
}

/** The view patch for a school once its commune is known: the commune, schools shown. */
export function schoolPatch(communeCode: string): Partial<ViewState> {
  return { ...communePatch(communeCode), schools: true };
}

/** The label of a result's kind ("Commune", "Intercommunalité", "Établissement"). */
export function kindKey(result: Pick<SearchResult, 'kind' | 'level'>): MessageKey {
  if (result.kind === 'school') return 'search.kind.school';
  if (isMapLevel(result.level)) return `level.${result.level satisfies MapLevel}`;
  return 'search.kind.epci';
}

/**
 * The second line of an option: its kind, then its context without the kind the context
 * repeats ("intercommunalité · Cantal (15)" → "Intercommunalité · Cantal (15)",
 * "département (2A) · Corse" → "Département (2A) · Corse").
 */
export function optionMeta(kind: string, context: string): string {
  const [first = '', ...rest] = context.split(' · ');
  const m = /^(intercommunalité|académie|département|région)(?!\p{L})\s*(.*)$/iu.exec(first);
  const head = m ? `${kind}${m[2] ? ` ${m[2]}` : ''}` : first ? `${kind} · ${first}` : kind;
  return [head, ...rest].join(' · ');
}

/** The next active option for an arrow key (wrapping), or `active` for other keys. */
export function moveActive(active: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active + 1 >= count ? 0 : active + 1;
  if (key === 'ArrowUp') return active <= 0 ? count - 1 : active - 1;
  return active;
}
