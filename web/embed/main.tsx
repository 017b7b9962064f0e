/** Entry point of the chromeless embeds (`/embed/map?…`): same URL state as the dashboard. */
import '../boot/prefetch.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { seedFirstView } from '../boot/firstView.ts';
import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shouldRetry } from '../api/client.ts';
import { EmbedMap } from './EmbedMap.tsx';
import { postHeight } from './resize.ts';
import '../styles.css';
import './embed.css';

// Query results reach React in a microtask rather than a 0 ms timer: when the first view's values
// arrive, the timer waited behind the map's next frame, which then drew nothing new.
notifyManager.setScheduler(queueMicrotask);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from embed.html');

// the first render waits (briefly) for the first view's data: see boot/firstView.ts
void seedFirstView(queryClient, window.location.pathname, window.location.search, window.devicePixelRatio || 1).then(() => {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <EmbedMap />
      </QueryClientProvider>
    </StrictMode>,
  );
});
postHeight(root);
