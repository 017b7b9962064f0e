// Vite config for the web front end (web/ → dist/web). The API is proxied in dev.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './scripts/web/precompress.ts';

const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));

const apiTarget = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8080'}`;

export default defineConfig({
  root: 'web',
  // precompress: .br and .gz beside every text asset, served as they are by the server
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // three pages: the dashboard, the map embed (/embed/map, embed.html) and the chart embed
    // (/embed/chart, embed-chart.html: its own entry, so it never loads MapLibre)
    rollupOptions: {
      input: { main: page('index.html'), embed: page('embed.html'), 'embed-chart': page('embed-chart.html') },
      // The dashboard and the map embed load four scripts (entry, runtime, vendor, app) rather than
      // nine small shared chunks: over HTTP/1.1's six connections the chunks queued, and the app
      // waited (~30 ms in alternating runs). MapLibre (maplibreModule.ts) stays its own lazy chunk;
      // the pages, profile and chart code stay split per route.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](?!maplibre-gl)/ },
            { name: 'app', test: (id: string) => /[\\/]web[\\/](?:api|boot|i18n|map|panels|state|App|Dashboard)/.test(id) && !id.includes('maplibreModule') },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': apiTarget, '/geo': apiTarget, '/tiles': apiTarget } },
});
