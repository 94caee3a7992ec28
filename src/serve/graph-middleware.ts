/**
 * The server side of the map, framework-free (`(req, res, next)`), shared by
 * the Vite dev server (`npm start`, through scripts/vite-plugin-graph.ts) and
 * the installed CLI's own static server:
 *
 * - `/graph.json` (the current vault's graph) and the other SERVED_GRAPH_FILES
 *   from the graph's own folder, never cached, 404 with the command to run
 *   when missing; nothing else from that folder;
 * - `/vault.json`: the vault's name and absolute path;
 * - LIVE_SSE_PATH, the live stream (live-hub.ts), when the server has one
 *   (the installed CLI's: Vite's dev server uses its HMR channel instead);
 * - EDITOR_ENDPOINT, the guarded open-in-editor (editor-endpoint.ts). Every
 *   other spelling of it, and of Vite's own `/__open-in-editor` route, is
 *   answered 404 here, so no request reaches another editor launcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EDITOR_ENDPOINT, EDITOR_TOKEN_META } from '../core/open-in-editor.js';
import { LIVE_META, LIVE_SSE_PATH } from '../core/live.js';
import { handleEditorRequest, type EditorEndpointOptions } from './editor-endpoint.js';
import type { LiveHub } from './live-hub.js';

/**
 * The files served at the site's root from the graph's folder: `graph.json`
 * is the graph file itself (whatever its name on disk); any other name is
 * the file beside it that the same build wrote, with the graph file's stem in
 * place of `graph` (`/x/g.json` -> `/x/g.compact.bin`): the map's compact
 * payload and its details chunks (src/core/compact.ts).
 */
export const SERVED_GRAPH_FILES: (string | RegExp)[] = ['graph.json', 'graph.compact.bin', /^graph\.details\.\d{1,6}\.json$/];

/** True when `name` (no folder) is one of SERVED_GRAPH_FILES. */
export function isServedGraphFile(name: string): boolean {
  return SERVED_GRAPH_FILES.some((f) => (typeof f === 'string' ? f === name : f.test(name)));
}

/** The file on disk for a served graph file name: beside the graph file, named after it. */
export function servedGraphFilePath(graphPath: string, name: string): string {
  const stem = path.basename(graphPath).replace(/\.json$/i, '');
  return path.join(path.dirname(graphPath), stem + name.slice('graph'.length));
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphMiddlewareOptions extends Omit<EditorEndpointOptions, 'vaultPath'> {
  /** The current vault's graph.json. */
  graphPath: string;
  vaultPath: string;
  /** The live hub whose messages LIVE_SSE_PATH streams; absent: that path is 404 like the rest of `/__notemap`. */
  live?: LiveHub;
}

/** The message shown when the graph file is missing: which command makes it. */
export function missingGraphMessage(graphPath: string): string {
  return `graph data not found at ${graphPath}: run \`npm start\` (builds it for the sample vault) or \`npm run graph -- <vault> --out ${graphPath}\``;
}

/** index.html with the editor token in a meta tag, for the page to send back. */
export function injectEditorToken(html: string, token: string): string {
  const tag = `<meta name="${EDITOR_TOKEN_META}" content="${token}" />`;
  return html.includes('</head>') ? html.replace('</head>', `    ${tag}\n  </head>`) : tag + html;
}

/** index.html with the LIVE_META tag: the page opens LIVE_SSE_PATH only when its server says it has it. */
export function injectLiveMeta(html: string): string {
  const tag = `<meta name="${LIVE_META}" content="${LIVE_SSE_PATH}" />`;
  return html.includes('</head>') ? html.replace('</head>', `    ${tag}\n  </head>`) : tag + html;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The request's path, percent-decoded until stable, dot segments and repeated slashes resolved, lower case. */
export function canonicalPath(url: string): string {
  let p = url.split(/[?#]/, 1)[0].replace(/\\/g, '/');
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      break;
    }
    if (decoded === p) break;
    p = decoded.replace(/\\/g, '/');
  }
  return path.posix.normalize('/' + p).replace(/\/+$/, '').toLowerCase() || '/';
}

/** The editor route's canonical form, and the prefixes (any continuation) no request may take past this middleware. */
const EDITOR_ROUTE = EDITOR_ENDPOINT.toLowerCase();
const EDITOR_PREFIXES = ['/__open-in-editor', '/__notemap'];
const LIVE_ROUTE = LIVE_SSE_PATH.toLowerCase();

function serveFile(req: IncomingMessage, res: ServerResponse, file: string, missing: string): void {
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      sendJson(res, 404, { error: missing });
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', String(stat.size));
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/** The middleware; `next()` for every request it does not own. */
export function createGraphMiddleware(options: GraphMiddlewareOptions): Middleware {
  const graphPath = path.resolve(options.graphPath);
  const vaultPath = path.resolve(options.vaultPath);
  return (req, res, next) => {
    const url = req.url ?? '/';
    const canonical = canonicalPath(url);
    if (EDITOR_PREFIXES.some((p) => canonical.startsWith(p))) {
      if (canonical === EDITOR_ROUTE) {
        void handleEditorRequest(req, res, { ...options, vaultPath }).catch(next);
      } else if (canonical === LIVE_ROUTE && options.live && req.method === 'GET') {
        options.live.handleSse(req, res);
      } else {
        sendJson(res, 404, { error: 'not found' });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = url.split(/[?#]/, 1)[0].replace(/^\/+/, '/');
    if (pathname === '/vault.json') {
      sendJson(res, 200, { name: path.basename(vaultPath), path: vaultPath });
      return;
    }
    const name = pathname.slice(1);
    if (isServedGraphFile(name)) {
      const file = name === 'graph.json' ? graphPath : servedGraphFilePath(graphPath, name);
      serveFile(req, res, file, name === 'graph.json' ? missingGraphMessage(graphPath) : `${name} not found beside ${graphPath}`);
      return;
    }
    next();
  };
}
