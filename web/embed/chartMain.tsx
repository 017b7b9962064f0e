/**
 * Entry point of the chart embeds (`/embed/chart?…`, served as embed-chart.html): React, the
 * query client and the chart components only. It never imports MapLibre (nor anything that does):
 * the bundle stays under 150 KB gzipped (`npm run bench` with BENCH_ONLY=embed).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shouldRetry } from '../api/client.ts';
import { EmbedChart } from './EmbedChart.tsx';
import { postHeight } from './resize.ts';
import '../styles.css';
import '../pages/pages.css';
import '../pages/objectives.css';
import './embed.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from embed-chart.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <EmbedChart />
    </QueryClientProvider>
  </StrictMode>,
);
postHeight(root);
