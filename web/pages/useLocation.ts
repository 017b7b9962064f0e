/**
 * The address bar as a store for the pages beside the map: components read the path and query
 * with `useLocation()` and move with `navigateTo()` (pushState for a user's change, replaceState
 * to canonicalise), and back/forward work. Links between pages are plain <a href> (they reload:
 * each page starts clean, and a middle click opens a new tab).
 */
import { useSyncExternalStore } from 'react';

const EVENT = 'pagechange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** The current path and query string (`?…`, or ''). */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const q = href.indexOf('?');
  return q === -1 ? { pathname: href, search: '' } : { pathname: href.slice(0, q), search: href.slice(q) };
}

/** Moves to `url` (same origin) without reloading. */
export function navigateTo(url: string, options: { replace?: boolean } = {}): void {
  if (url === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

/** Sets the document's language and title (called from an effect of each page). */
export function setDocumentMeta(lang: string, title: string): void {
  document.documentElement.lang = lang;
  document.title = title;
}
