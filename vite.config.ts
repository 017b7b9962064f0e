// Vite config for the web front end (web/ → dist/web). The API is proxied in dev.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));

const apiTarget = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8080'}`;

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // two pages: the dashboard and the chromeless embeds (/embed/*, served as embed.html)
    rollupOptions: { input: { main: page('index.html'), embed: page('embed.html') } },
  },
  server: { proxy: { '/api': apiTarget, '/geo': apiTarget, '/tiles': apiTarget } },
});
