// Vite config for the web front end (web/ → dist/web). The API is proxied in dev.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { mapPageChunks } from './scripts/web/chunks.ts';
import { precompress } from './scripts/web/precompress.ts';

const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));

const chunks = mapPageChunks();

const apiTarget = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8080'}`;

export default defineConfig({
  root: 'web',
  // precompress: .br and .gz beside every text asset, served as they are by the server
  plugins: [react(), chunks.plugin, precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // three pages: the dashboard, the map embed (/embed/map, embed.html) and the chart embed
    // (/embed/chart, embed-chart.html: its own entry, so it never loads MapLibre)
    rollupOptions: {
      input: { main: page('index.html'), embed: page('embed.html'), 'embed-chart': page('embed-chart.html') },
      // entry, runtime, vendor and app scripts for the map pages (scripts/web/chunks.ts)
      output: { codeSplitting: { groups: chunks.groups } },
    },
  },
  server: { proxy: { '/api': apiTarget, '/geo': apiTarget, '/tiles': apiTarget } },
});
