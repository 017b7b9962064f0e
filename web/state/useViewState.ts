/**
 * The URL as the single store of view state: components read the parsed query and navigate
 * with `pushState` (user changes, so back/forward work) or `replaceState` (canonicalising, and
 * the map camera: a pan is not a history entry).
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { parseViewQuery, serializeViewState, type Camera, type ViewQuery, type ViewState } from './url.ts';

const CHANGE_EVENT = 'viewstatechange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const getSearch = () => window.location.search;

export interface NavigateOptions {
  /** replace the current history entry instead of adding one */
  replace?: boolean;
}

/** The view query in the URL, and a function to move to another view state. */
export function useViewState(): {
  query: ViewQuery;
  navigate: (state: ViewState, options?: NavigateOptions) => void;
} {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const query = useMemo(() => parseViewQuery(search), [search]);
  const navigate = useCallback((state: ViewState, options: NavigateOptions = {}) => {
    const next = serializeViewState(state);
    if (next === window.location.search) return;
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  return { query, navigate };
}

/**
 * A stable callback writing the map camera into the URL of `view` with `replaceState`, so the
 * camera is shared and restored without adding a history entry per pan or zoom.
 */
export function useReplaceCamera(view: ViewState): (camera: Camera) => void {
  const { navigate } = useViewState();
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  }, [view]);
  return useCallback((camera: Camera) => navigate({ ...latest.current, camera }, { replace: true }), [navigate]);
}
