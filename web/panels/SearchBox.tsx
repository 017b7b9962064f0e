/**
 * The search box: an autocomplete over `/api/search` following the WAI-ARIA combobox pattern
 * (list autocomplete, no automatic selection). Typing waits 150 ms before asking; a newer
 * query changes the react-query key, so the older request loses its observer and is aborted.
 * ↓/↑ browse (wrapping), Enter chooses (the first result if none is active), Escape closes
 * the list, then clears the text. A polite status line says how many results there are and
 * what was chosen. Choosing a result changes the view (see searchTarget.ts).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { schoolCommune, searchOptions, type SearchResult } from '../api/search.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { ViewState } from '../state/url.ts';
import { kindKey, moveActive, optionMeta, schoolPatch, territoryPatch } from './searchTarget.ts';
import { useDebounced } from './useDebounced.ts';

export const SEARCH_INPUT_ID = 'search-input';
const DEBOUNCE_MS = 150;

interface Props {
  lang: Lang;
  onChange: (patch: Partial<ViewState>) => void;
}

export function SearchBox({ lang, onChange }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const query = useQuery({ ...searchOptions(q), enabled: q.length > 0, placeholderData: keepPreviousData });

  // A new answer resets the active option (adjusting state while rendering, not in an effect).
  const data = q.length > 0 ? query.data : undefined;
  const [shownData, setShownData] = useState(data);
  if (shownData !== data) {
    setShownData(data);
    setActive(-1);
  }
  const results: readonly SearchResult[] = data?.results ?? [];
  const expanded = open && text.trim().length > 0 && results.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  // The latest onChange, for the school look-up that resolves later.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const status = announce
    ? announce
    : !open || !data || data.q !== q
      ? ''
      : results.length === 0
        ? t(lang, 'search.none', { q })
        : results.length === 1
          ? t(lang, 'search.results1')
          : t(lang, 'search.results', { n: results.length });

  async function choose(result: SearchResult) {
    setOpen(false);
    setActive(-1);
    setText(result.name);
    const patch = territoryPatch(result);
    if (patch) {
      onChangeRef.current(patch);
      setAnnounce(t(lang, 'search.chosen', { name: result.name }));
      return;
    }
    if (result.kind !== 'school') return;
    setAnnounce(t(lang, 'search.locating'));
    const commune = await schoolCommune(client, result).catch(() => null);
    if (!commune) {
      setAnnounce(t(lang, 'search.notFound'));
      return;
    }
    onChangeRef.current(schoolPatch(commune.code));
    setAnnounce(t(lang, 'search.chosen', { name: result.name }));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        if (results.length > 0) setActive(e.key === 'ArrowDown' ? 0 : results.length - 1);
        return;
      }
      setActive(moveActive(active, e.key, results.length));
    } else if (e.key === 'Enter') {
      const chosen = expanded ? (results[active] ?? results[0]) : undefined;
      if (chosen) {
        e.preventDefault();
        void choose(chosen);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText('');
        setAnnounce('');
      }
    }
  }

  return (
    <div className="search" role="search">
      <label className="field-label" htmlFor={SEARCH_INPUT_ID}>
        {t(lang, 'search.label')}
      </label>
      <div className="search-field">
        <input
          id={SEARCH_INPUT_ID}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={t(lang, 'search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setAnnounce('');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={t(lang, 'search.label')} className="search-list" hidden={!expanded} data-query={data?.q}>
          {expanded
            ? results.map((r, i) => (
                <li
                  key={`${r.level}:${r.code}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'search-option is-active' : 'search-option'}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void choose(r)}
                  onMouseMove={() => i !== active && setActive(i)}
                >
                  <span className="search-option-name">{r.name}</span>
                  <span className="search-option-meta">
                    {optionMeta(t(lang, kindKey(r)), r.context)}
                    {r.level === 'epci' ? ` → ${t(lang, 'search.epciNote')}` : null}
                  </span>
                </li>
              ))
            : null}
        </ul>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
