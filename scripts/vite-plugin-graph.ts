/**
 * Vite plugin that hands the built graph to the map: a thin wrapper around
 * src/serve's framework-free middleware.
 *
 * - dev: the graph middleware (graph files, vault.json, the guarded
 *   open-in-editor) and the static guard run before Vite's own middlewares;
 *   Vite's unguarded launch-editor middleware is removed from the stack; the
 *   per-server editor token goes into index.html; CORS is off (the map is
 *   same-origin), and files the guard denies cannot be imported either;
 * - build: emits the graph file as `graph.json` (and the compact files beside it) next to index.html, so the
 *   site works from any static host (the app fetches `./graph.json`).
 *
 * Paths come from options, else env NOTEMAP_GRAPH / NOTEMAP_VAULT, else the
 * sample vault and its cache, read when the config resolves (so `npm start`
 * and the e2e setup can set the env before calling Vite's JS API).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { vaultCacheDir } from '../src/serve/cache-dir.js';
import { newEditorToken } from '../src/serve/editor-endpoint.js';
import { createGraphMiddleware, injectEditorToken, isServedGraphFile, missingGraphMessage, servedGraphFilePath } from '../src/serve/graph-middleware.js';
import { createStaticGuard, deniedFileTest } from '../src/serve/static-guard.js';

export { missingGraphMessage, SERVED_GRAPH_FILES } from '../src/serve/graph-middleware.js';
export { resolveVaultFile } from '../src/serve/vault-file.js';

export interface GraphDataOptions {
  /** The graph.json to serve or emit. Default: env NOTEMAP_GRAPH, else the vault's cache (vaultCacheDir). */
  graphPath?: string;
  /** The vault the graph was built from. Default: env NOTEMAP_VAULT, else `data/vault`. */
  vaultPath?: string;
}

const DEFAULT_VAULT_PATH = 'data/vault';

/** Resolve options against env and defaults, relative to `root`. */
export function resolveGraphDataOptions(
  options: GraphDataOptions = {},
  root: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): { graphPath: string; vaultPath: string } {
  const vaultPath = path.resolve(root, options.vaultPath ?? (env.NOTEMAP_VAULT || DEFAULT_VAULT_PATH));
  const graphPath = options.graphPath ?? (env.NOTEMAP_GRAPH || path.join(vaultCacheDir(vaultPath, env), 'graph.json'));
  return { graphPath: path.resolve(root, graphPath), vaultPath };
}

/** Vite's own editor launcher (`/__open-in-editor`), which opens any path it is given. */
function isViteEditorLayer(layer: { route?: string }): boolean {
  return (layer.route ?? '').toLowerCase().replace(/\/+$/, '').includes('open-in-editor');
}

/** graph.json, vault.json and the guarded open-in-editor, for the dev server. */
export function graphDataPlugin(options: GraphDataOptions = {}): Plugin {
  let graphPath = '';
  let vaultPath = '';
  let root = '';
  let command: 'build' | 'serve' = 'serve';
  let denied: (file: string) => boolean = () => false;
  const token = newEditorToken();

  return {
    name: 'notemap-graph-data',
    enforce: 'pre',
    config(config) {
      const resolved = resolveGraphDataOptions(options, config.root ? path.resolve(config.root) : process.cwd());
      const unwatched = deniedFileTest({ root: config.root ? path.resolve(config.root) : process.cwd(), ...resolved });
      // Only the map's own page talks to this server; Vite's watcher leaves the vault (watchVault's job) and
      // the data folders alone, and follows no symlink out of the project.
      return { server: { cors: false, watch: { followSymlinks: false, ignored: [(file: string) => unwatched(file)] } } };
    },
    configResolved(config) {
      ({ graphPath, vaultPath } = resolveGraphDataOptions(options, config.root));
      root = config.root;
      command = config.command;
      if (command === 'serve') denied = deniedFileTest({ root, vaultPath, graphPath });
    },
    configureServer(server) {
      const allowed = server.config.server.allowedHosts;
      server.middlewares.use(createGraphMiddleware({
        graphPath, vaultPath, token, allowedHosts: Array.isArray(allowed) ? allowed : [],
      }));
      server.middlewares.use(createStaticGuard({ root, vaultPath, graphPath }));
      // Runs after Vite has added its middlewares: take its editor launcher out.
      return () => {
        const stack = server.middlewares.stack as Connect.ServerStackItem[];
        for (let i = stack.length - 1; i >= 0; i--) if (isViteEditorLayer(stack[i])) stack.splice(i, 1);
      };
    },
    transformIndexHtml(html, ctx) {
      return ctx.server ? injectEditorToken(html, token) : html;
    },
    load(id) {
      if (command !== 'serve') return null;
      const file = id.split('?', 1)[0];
      if (path.isAbsolute(file) && denied(file)) throw new Error(`notemap: ${path.basename(file)} is not served`);
      return null;
    },
    buildStart() {
      if (command !== 'build') return;
      if (!fs.existsSync(graphPath)) this.error(missingGraphMessage(graphPath));
    },
    generateBundle() {
      if (command !== 'build') return;
      this.emitFile({ type: 'asset', fileName: 'graph.json', source: fs.readFileSync(graphPath) });
      // The compact files the build wrote beside it, under their served names.
      const stem = path.basename(graphPath).replace(/\.json$/i, '');
      for (const file of fs.readdirSync(path.dirname(graphPath))) {
        const name = 'graph' + file.slice(stem.length);
        if (!file.startsWith(stem + '.') || name === 'graph.json' || !isServedGraphFile(name)) continue;
        this.emitFile({ type: 'asset', fileName: name, source: fs.readFileSync(servedGraphFilePath(graphPath, name)) });
      }
    },
  };
}
