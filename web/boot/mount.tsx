/**
 * Mounts a map page's React tree (the dashboard, the map embed): one QueryClient (no retries on
 * 4xx), query results delivered in a microtask, and the first render once the first view's data
 * is in the cache or has been waited for long enough (firstView.ts). Returns the root element.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shouldRetry } from '../api/client.ts';
import { seedFirstView } from './firstView.ts';

export function mountMapPage(app: ReactNode, page: string): HTMLElement {
  // Query results reach React in a microtask rather than a 0 ms timer: when the first view's values
  // arrive, the timer waited behind the map's next frame, which then drew nothing new.
  notifyManager.setScheduler(queueMicrotask);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
  });
  const root = document.getElementById('root');
  if (!root) throw new Error(`#root is missing from ${page}`);
  void seedFirstView(queryClient, window.location.pathname, window.location.search, window.devicePixelRatio || 1).then(() => {
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
      </StrictMode>,
    );
  });
  return root;
}
