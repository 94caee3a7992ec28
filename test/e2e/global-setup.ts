/**
 * e2e setup, once per run: build the sample vault's graph and the XSS
 * fixture's graph into a temp folder, build the site (`vite build` with
 * NOTEMAP_GRAPH pointing at the sample graph), serve it with `vite preview`
 * on a free localhost port, and hand the URL and paths to the tests.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { runGraphCli } from '../../scripts/start-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served by `vite preview`, ending in `/`. */
    baseUrl: string;
    /** graph.json of data/vault, as served. */
    graphPath: string;
    /** graph.json of test/fixtures/xss-vault. */
    xssGraphPath: string;
    /** Where tests write screenshots. */
    artifactsDir: string;
  }
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-e2e-'));
  const graphPath = path.join(tmp, 'graph.json');
  const xssGraphPath = path.join(tmp, 'xss-graph.json');
  await Promise.all([
    runGraphCli(ROOT, path.join(ROOT, 'data/vault'), graphPath, true),
    runGraphCli(ROOT, path.join(ROOT, 'test/fixtures/xss-vault'), xssGraphPath, true),
  ]);

  const outDir = path.join(tmp, 'dist');
  const configFile = path.join(ROOT, 'vite.config.ts');
  // The graph-data plugin reads NOTEMAP_GRAPH; NODE_ENV is `test` under vitest, which
  // would make a development build (import.meta.env.DEV true): build what users get.
  const saved = { NOTEMAP_GRAPH: process.env.NOTEMAP_GRAPH, NODE_ENV: process.env.NODE_ENV };
  process.env.NOTEMAP_GRAPH = graphPath;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  const port = await freePort();
  const server = await preview({
    root: ROOT,
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const baseUrl = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;

  const artifactsDir = path.join(ROOT, 'test-artifacts');
  fs.mkdirSync(artifactsDir, { recursive: true });
  project.provide('baseUrl', baseUrl);
  project.provide('graphPath', graphPath);
  project.provide('xssGraphPath', xssGraphPath);
  project.provide('artifactsDir', artifactsDir);
  console.log(`e2e: site built and served at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return async () => {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
