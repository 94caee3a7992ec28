/**
 * What the Vite dev server must never hand out from the project folder it
 * serves: the vault's notes, graph files (the current one is served only as
 * `/graph.json`), caches, test fixtures, built output and dot-folders. A
 * middleware placed before Vite's own refuses such requests (404) whatever
 * their spelling (case, percent-encoding, dot segments, `/@fs/`, `/@id/`),
 * and `isDeniedFile` backs the plugin's load hook, so an import or a
 * `?raw` of such a file fails too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from './graph-middleware.js';
import { canonicalPath } from './graph-middleware.js';
import { isInside } from '../extract/scan.js';
import { cacheRoot } from './cache-dir.js';

/** Project folders that hold data, not the app: never served. */
export const DENIED_PROJECT_FOLDERS = ['data', 'test', 'dist', 'bench-vaults', 'test-artifacts'];

export interface StaticGuardOptions {
  /** The served project root (Vite's root). */
  root: string;
  vaultPath: string;
  graphPath: string;
  env?: NodeJS.ProcessEnv;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** A predicate over absolute file paths: true for a file that must not be served. */
export function deniedFileTest({ root, vaultPath, graphPath, env = process.env }: StaticGuardOptions): (file: string) => boolean {
  const absRoot = path.resolve(root);
  const lower = (p: string): string => p.toLowerCase();
  const prefixes = new Set<string>();
  const add = (p: string): void => {
    prefixes.add(lower(path.resolve(p)));
    prefixes.add(lower(real(p)));
  };
  for (const name of DENIED_PROJECT_FOLDERS) add(path.join(absRoot, name));
  add(cacheRoot(env));
  add(graphPath);
  const graphDir = path.dirname(path.resolve(graphPath));
  if (!isInside(graphDir, absRoot)) add(graphDir);
  // A vault that holds the project (`--vault .`): its notes stay private, the app is still served.
  const vaultHoldsRoot = isInside(real(vaultPath), real(absRoot));
  if (!vaultHoldsRoot) add(vaultPath);
  const vaultReal = lower(real(vaultPath));
  const vaultAbs = lower(path.resolve(vaultPath));
  const inside = (file: string, prefix: string): boolean => file === prefix || file.startsWith(prefix + path.sep);
  return (file: string): boolean => {
    const f = lower(path.resolve(file));
    for (const p of prefixes) if (inside(f, p)) return true;
    const rel = path.relative(lower(absRoot), f);
    // Dot-folders and dot-files of the project (.git, .env, .notemap-cache), but Vite's dependency cache.
    const segments = rel.split(path.sep);
    if (!rel.startsWith('..') && segments.some((s, i) => s.startsWith('.') && s !== '.' && !(s === '.vite' && segments[i - 1] === 'node_modules'))) return true;
    if (vaultHoldsRoot && (inside(f, vaultReal) || inside(f, vaultAbs))) {
      return /\.(md|markdown|txt|json)$/i.test(f) && !f.includes(`${path.sep}node_modules${path.sep}`) && !inside(f, lower(path.join(absRoot, 'src')));
    }
    return false;
  };
}

/** The absolute file a request path may name: `/@fs/<abs>`, `/@id/<id>` or a path under the root. */
export function requestedFiles(url: string, root: string): string[] {
  const p = canonicalPath(url);
  const files = [path.join(root, p)];
  for (const prefix of ['/@fs/', '/@id/']) {
    if (p.startsWith(prefix)) {
      const rest = p.slice(prefix.length - 1);
      files.push(rest, path.join(root, rest));
    }
  }
  return files;
}

/** The middleware: 404 for a request naming a denied file (compared case-insensitively). */
export function createStaticGuard(options: StaticGuardOptions): Middleware {
  const denied = deniedFileTest(options);
  const root = path.resolve(options.root);
  return (req, res, next) => {
    if (requestedFiles(req.url ?? '/', root).some(denied)) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('not found');
      return;
    }
    next();
  };
}
