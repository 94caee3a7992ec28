/**
 * The installed CLI's own small web server: the prebuilt app's files, with
 * the shared middleware (src/serve/graph-middleware.ts) in front for
 * `/graph.json`, `/vault.json` and the guarded open-in-editor, exactly as the
 * Vite dev server has them. Nothing but the app folder and the current
 * vault's graph files is ever served. With a live hub, the page is told
 * (LIVE_META) and the middleware streams its messages (LIVE_SSE_PATH).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { newEditorToken } from '../serve/editor-endpoint.js';
import { canonicalPath, createGraphMiddleware, injectEditorToken, injectLiveMeta, type Middleware } from '../serve/graph-middleware.js';
import type { LiveHub } from '../serve/live-hub.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface MapServerOptions {
  appDir: string;
  graphPath: string;
  vaultPath: string;
  port: number;
  host: string;
  /** Extra middlewares before the app's files. */
  middlewares?: Middleware[];
  /** The live updates' hub: the page gets LIVE_META and LIVE_SSE_PATH streams the hub's messages. */
  live?: LiveHub;
}

export interface MapServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

function notFound(res: http.ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('not found');
}

/** A request for one of the app's files: `/` is index.html (with the editor token). */
function serveApp(req: http.IncomingMessage, res: http.ServerResponse, appDir: string, indexHtml: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD');
    res.end();
    return;
  }
  const canonical = canonicalPath(req.url ?? '/');
  if (canonical === '/' || canonical === '/index.html') {
    res.setHeader('Content-Type', TYPES['.html']);
    res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
    return;
  }
  // Only plain names inside the app folder: no dot-files, no way out (canonicalPath resolved `..`).
  let rel: string;
  try {
    rel = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0]).replace(/^\/+/, '');
  } catch {
    return notFound(res);
  }
  if (!rel || rel.split('/').some((s) => s === '' || s.startsWith('.')) || rel.includes('\\') || rel.includes('\0')) return notFound(res);
  const file = path.join(appDir, rel);
  if (!file.startsWith(appDir + path.sep)) return notFound(res);
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return notFound(res);
    res.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(stat.size));
    // Vite names assets by content hash: they never change under one name.
    res.setHeader('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/** Listens on `port`, or the next free one (up to 20 tries) when it is taken; port 0 picks any. */
function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = (p: number): void => {
      const onError = (err: NodeJS.ErrnoException): void => {
        if (err.code === 'EADDRINUSE' && port !== 0 && tries++ < 20) attempt(p + 1);
        else reject(err);
      };
      server.once('error', onError);
      server.listen(p, host, () => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : p);
      });
    };
    attempt(port);
  });
}

export async function startMapServer(options: MapServerOptions): Promise<MapServer> {
  const appDir = path.resolve(options.appDir);
  const token = newEditorToken();
  const page = injectEditorToken(fs.readFileSync(path.join(appDir, 'index.html'), 'utf8'), token);
  const indexHtml = options.live ? injectLiveMeta(page) : page;
  const chain: Middleware[] = [
    createGraphMiddleware({ graphPath: options.graphPath, vaultPath: options.vaultPath, token, live: options.live }),
    ...(options.middlewares ?? []),
  ];
  const server = http.createServer((req, res) => {
    let i = 0;
    const next = (err?: unknown): void => {
      if (err) {
        res.statusCode = 500;
        res.end(String(err instanceof Error ? err.message : err));
        return;
      }
      const mw = chain[i++];
      if (mw) mw(req, res, next);
      else serveApp(req, res, appDir, indexHtml);
    };
    next();
  });
  const port = await listen(server, options.port, options.host);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`,
    server,
    close: () => {
      // Open event streams would hold server.close() forever.
      options.live?.close();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
