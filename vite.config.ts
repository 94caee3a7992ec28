import { defineConfig } from 'vitest/config';
import { graphDataPlugin } from './scripts/vite-plugin-graph.js';

// The map is a static site: graph data comes from the plugin (served in dev,
// emitted into dist/ on build). Tests: unit (Node) and e2e (real Chromium).
export default defineConfig({
  base: './',
  plugins: [graphDataPlugin()],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
