/**
 * Vite plugin that hands the built graph to the map.
 *
 * - dev: serves the graph file at `/graph.json` and the compact files beside
 *   it (GRAPH_FILES; never cached, 404 with a JSON error body naming the
 *   command when missing), `/vault.json` (the
 *   vault's name and absolute path) and a guarded `/__open-in-editor` that
 *   only opens files inside the configured vault;
 * - build: emits the graph file as `graph.json` (and its compact files) next to index.html, so the
 *   site works from any static host (the app fetches `./graph.json`).
 *
 * Paths come from options, else env NOTEMAP_GRAPH / NOTEMAP_VAULT, else the
 * sample vault, read when the config resolves (so `npm start` and the e2e
 * setup can set the env before calling Vite's JS API).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { vaultCacheDir } from '../src/serve/cache-dir.js';

export interface GraphDataOptions {
  /** The graph.json to serve or emit. Default: env NOTEMAP_GRAPH, else the vault's cache (graphCachePath). */
  graphPath?: string;
  /** The vault the graph was built from. Default: env NOTEMAP_VAULT, else `data/vault`. */
  vaultPath?: string;
}

const DEFAULT_VAULT_PATH = 'data/vault';
const OPEN_IN_EDITOR = '/__open-in-editor';

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

/**
 * The absolute path of a vault-relative file, or null when the request
 * would leave the vault: absolute paths, `..` segments, NUL bytes, drive
 * letters and backslashes are all refused before touching the disk.
 */
export function resolveVaultFile(vaultPath: string, file: string): string | null {
  if (!file || file.includes('\0') || file.includes('\\')) return null;
  if (path.isAbsolute(file) || /^[a-zA-Z]:/.test(file) || file.startsWith('/')) return null;
  const segments = file.split('/');
  if (segments.some((s) => s === '..' || s === '')) return null;
  const vault = path.resolve(vaultPath);
  const full = path.resolve(vault, file);
  if (full !== vault && !full.startsWith(vault + path.sep)) return null;
  // A symlink inside the vault could still point out of it.
  try {
    const real = fs.realpathSync(full);
    const realVault = fs.realpathSync(vault);
    if (!real.startsWith(realVault + path.sep)) return null;
  } catch {
    return null; // missing file: nothing to open
  }
  return full;
}

/** The message shown when the graph file is missing: which command makes it. */
export function missingGraphMessage(graphPath: string): string {
  return `graph data not found at ${graphPath}: run \`npm start\` (builds it for the sample vault) or \`npm run graph -- <vault> --out ${graphPath}\``;
}

/**
 * Every graph file the page may fetch, by its served name: graph.json and the
 * compact files the build writes beside it (src/core/compact.ts). Each is read
 * from the graph file's own folder, with the graph file's stem in place of
 * `graph` (`/x/g.json` -> `/x/g.compact.bin`); nothing else is served.
 */
export const GRAPH_FILES: readonly RegExp[] = [/^graph\.json$/, /^graph\.compact\.bin$/, /^graph\.details\.\d{1,6}\.json$/];

/** The file on disk for a served name, or null when the name is not one of GRAPH_FILES. */
export function graphFilePath(graphPath: string, name: string): string | null {
  if (!GRAPH_FILES.some((re) => re.test(name))) return null;
  const stem = path.basename(graphPath).replace(/\.json$/i, '');
  return path.join(path.dirname(graphPath), stem + name.slice('graph'.length));
}

/** The compact files present beside the graph file, by served name (for the static build). */
function compactSiblings(graphPath: string): string[] {
  const stem = path.basename(graphPath).replace(/\.json$/i, '');
  let names: string[] = [];
  try {
    names = fs.readdirSync(path.dirname(graphPath));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(stem + '.'))
    .map((n) => 'graph' + n.slice(stem.length))
    .filter((n) => n !== 'graph.json' && GRAPH_FILES.some((re) => re.test(n)));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://localhost');
}

/** graph.json, vault.json and the guarded open-in-editor, for the dev server. */
export function graphDataPlugin(options: GraphDataOptions = {}): Plugin {
  let graphPath = '';
  let vaultPath = '';
  let command: 'build' | 'serve' = 'serve';

  return {
    name: 'notemap-graph-data',
    configResolved(config) {
      ({ graphPath, vaultPath } = resolveGraphDataOptions(options, config.root));
      command = config.command;
    },
    configureServer(server) {
      // Registered before Vite's own middlewares, so ours answers first and
      // Vite's unguarded /__open-in-editor only sees requests we vetted.
      server.middlewares.use((req, res, next) => {
        const url = requestUrl(req);
        const pathname = url.pathname.replace(/^\/+/, '/');
        const file = pathname.lastIndexOf('/') === 0 ? graphFilePath(graphPath, pathname.slice(1)) : null;
        if (file) {
          fs.stat(file, (err, stat) => {
            if (err || !stat.isFile()) {
              sendJson(res, 404, { error: missingGraphMessage(graphPath) });
              return;
            }
            res.statusCode = 200;
            res.setHeader('Content-Type', file.endsWith('.bin') ? 'application/octet-stream' : 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.setHeader('Content-Length', String(stat.size));
            fs.createReadStream(file).pipe(res);
          });
          return;
        }
        if (pathname === '/vault.json') {
          sendJson(res, 200, { name: path.basename(vaultPath), path: vaultPath });
          return;
        }
        if (pathname === OPEN_IN_EDITOR || pathname.startsWith(OPEN_IN_EDITOR + '/')) {
          const file = url.searchParams.get('file') ?? '';
          const full = resolveVaultFile(vaultPath, file);
          if (!full) {
            sendJson(res, 403, { error: `refusing to open "${file}": not a file inside the vault ${vaultPath}` });
            return;
          }
          // Hand over to Vite's launch-editor middleware with the vetted absolute path.
          req.url = `${OPEN_IN_EDITOR}?file=${encodeURIComponent(full)}`;
          next();
          return;
        }
        next();
      });
    },
    buildStart() {
      if (command !== 'build') return;
      if (!fs.existsSync(graphPath)) this.error(missingGraphMessage(graphPath));
    },
    generateBundle() {
      if (command !== 'build') return;
      this.emitFile({ type: 'asset', fileName: 'graph.json', source: fs.readFileSync(graphPath) });
      for (const name of compactSiblings(graphPath)) {
        this.emitFile({ type: 'asset', fileName: name, source: fs.readFileSync(graphFilePath(graphPath, name)!) });
      }
    },
  };
}
