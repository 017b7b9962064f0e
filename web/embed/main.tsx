/** Entry point of the chromeless embeds (`/embed/map?…`): same URL state as the dashboard. */
import '../boot/prefetch.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shouldRetry } from '../api/client.ts';
import { EmbedMap } from './EmbedMap.tsx';
import { postHeight } from './resize.ts';
import '../styles.css';
import './embed.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from embed.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <EmbedMap />
    </QueryClientProvider>
  </StrictMode>,
);
postHeight(root);
