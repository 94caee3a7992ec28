/**
 * Where notemap keeps what it builds for a vault while serving it (graph.json,
 * the incremental cache): a per-vault folder in the user's cache, never inside
 * the Vite root (it would be served) nor inside the vault (it would be scanned).
 *
 *   $XDG_CACHE_HOME/notemap/<folder>-<sha1(abs vault path) first 10 hex>/
 *   else ~/.cache/notemap/<folder>-<hash>/
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** The vault's folder name with anything but word characters, `.` and `-` made `_`. */
export function vaultFolderLabel(vault: string): string {
  return path.basename(path.resolve(vault)).replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'vault';
}

/** The cache root: `$XDG_CACHE_HOME/notemap` (when absolute, as the XDG spec says), else `~/.cache/notemap`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'notemap');
}

/** The per-vault cache folder (absolute, with a trailing separator); not created here. */
export function vaultCacheDir(vault: string, env: NodeJS.ProcessEnv = process.env): string {
  const abs = path.resolve(vault);
  const hash = createHash('sha1').update(abs).digest('hex').slice(0, 10);
  return path.join(cacheRoot(env), `${vaultFolderLabel(abs)}-${hash}`) + path.sep;
}
