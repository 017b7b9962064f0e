/**
 * Where the map is: France › région › académie › département (› selected commune). Every step
 * above the current one is a button that climbs back to it (its children shown inside it).
 * Names and parents come from the small directory of régions, académies and départements,
 * loaded only once the map is drilled into.
 */
import { useQueries } from '@tanstack/react-query';
import { territoriesOptions } from '../api/queries.ts';
import type { TerritoryEntry } from '../api/types.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { TerritoryRef, ViewState } from '../state/url.ts';
import { ancestry, climbPatch, refKey, type Directory } from './drill.ts';

const DIRECTORY_LEVELS = ['region', 'academie', 'departement'] as const;

function toDirectory(results: readonly { data?: { territories: TerritoryEntry[] } | undefined }[]): Directory {
  const out = new Map<string, TerritoryEntry>();
  for (const r of results) for (const e of r.data?.territories ?? []) out.set(`${e.level}:${e.code}`, e);
  return out;
}

/** Régions, académies and départements by `level:code` (empty until loaded, or when `enabled` is false). */
export function useDirectory(enabled: boolean): Directory {
  return useQueries({
    queries: DIRECTORY_LEVELS.map((level) => ({ ...territoriesOptions(level), enabled })),
    combine: toDirectory,
  });
}

interface Props {
  lang: Lang;
  within: TerritoryRef | null;
  selected: TerritoryRef | null;
  directory: Directory;
  /** name of the selected commune, when known */
  selectedName?: string | null;
  onChange: (patch: Partial<ViewState>) => void;
}

export function Breadcrumb({ lang, within, selected, directory, selectedName, onChange }: Props) {
  const chain = within ? ancestry(within, directory) : [];
  const tail = selected && selected.level === 'commune' ? selected : null;
  const name = (r: TerritoryRef) => directory.get(refKey(r))?.name ?? r.code;
  return (
    <nav className="breadcrumb" aria-label={t(lang, 'breadcrumb.label')} data-testid="breadcrumb">
      <ol>
        <li>
          {chain.length || tail ? (
            <button type="button" onClick={() => onChange(climbPatch(null))}>
              {t(lang, 'breadcrumb.france')}
            </button>
          ) : (
            <span aria-current="page">{t(lang, 'breadcrumb.france')}</span>
          )}
        </li>
        {chain.map((r, i) => (
          <li key={refKey(r)}>
            {i < chain.length - 1 || tail ? (
              <button type="button" onClick={() => onChange(climbPatch(r))}>
                {name(r)}
              </button>
            ) : (
              <span aria-current="page">{name(r)}</span>
            )}
          </li>
        ))}
        {tail ? (
          <li>
            <span aria-current="page">{selectedName ?? tail.code}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
