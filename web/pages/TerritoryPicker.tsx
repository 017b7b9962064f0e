/**
 * Adds a territory to a comparison: a search field over `/api/search` (territories only:
 * communes, départements, académies, régions) with its results as a list of buttons. Small on
 * purpose; the map's search box (panels/SearchBox.tsx) drives the map's own state.
 */
import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchOptions } from '../api/search.ts';
import { t, type Lang } from '../i18n/index.ts';
import { useDebounced } from '../panels/useDebounced.ts';
import { isMapLevel, type TerritoryRef } from '../state/url.ts';

interface Props {
  lang: Lang;
  /** already compared (not offered again) */
  exclude: readonly string[];
  onPick: (ref: TerritoryRef) => void;
}

export function TerritoryPicker({ lang, exclude, onPick }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 150);
  const query = useQuery({ ...searchOptions(q, 'territory', 8), enabled: q.length > 0, placeholderData: keepPreviousData });
  const results = q.length > 0 ? (query.data?.results ?? []).filter((r) => isMapLevel(r.level) && !exclude.includes(`${r.level}:${r.code}`)) : [];
  return (
    <div className="cp-picker no-print">
      <label htmlFor={`${id}-input`}>{t(lang, 'compare.add')}</label>
      <input
        id={`${id}-input`}
        type="search"
        value={text}
        autoComplete="off"
        placeholder={t(lang, 'compare.addPlaceholder')}
        aria-describedby={`${id}-status`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-status`} className="sr-only" aria-live="polite">
        {q.length > 0 && query.data ? t(lang, 'compare.results', { n: results.length }) : ''}
      </p>
      {results.length > 0 ? (
        <ul className="cp-results">
          {results.map((r) => (
            <li key={`${r.level}:${r.code}`}>
              <button
                type="button"
                onClick={() => {
                  if (isMapLevel(r.level)) onPick({ level: r.level, code: r.code });
                  setText('');
                }}
              >
                <span className="cp-result-name">{r.name}</span> <span className="cp-result-meta">{r.context}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
