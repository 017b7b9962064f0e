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
    // (Rolldown's default chunks: grouping them into fewer scripts made the map pages ~30 ms
    // faster to ready but changed the order of the stylesheets, and with it the page's layout)
    rollupOptions: { input: { main: page('index.html'), embed: page('embed.html'), 'embed-chart': page('embed-chart.html') } },
  },
  server: { proxy: { '/api': apiTarget, '/geo': apiTarget, '/tiles': apiTarget } },
});
