import { defineConfig } from 'vite';

// The map app prebuilt for the installed package (`npm run build:app`): no
// graph inside; the `notemap` command serves or copies it beside the vault's
// graph.json. Relative URLs, so a site works from any folder.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { outDir: 'dist-app', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
