/**
 * Watches a vault by the scan's rules (scan.ts): every folder the scan would
 * enter, by real path, each once; dot-folders and node_modules are never
 * entered, and a symlink is followed only when its real path lies inside the
 * vault, so a link to `/usr` adds no watch at all. One non-recursive
 * fs.watch per folder; a folder created later is watched when it appears.
 *
 * The one place vault watching lives: `npm start` and the live builder use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside, isSkippedFolder } from '../extract/scan.js';

export interface VaultWatcher {
  /** Real paths of the folders watched now (for tests and diagnostics). */
  folders(): string[];
  close(): void;
}

export interface WatchVaultOptions {
  /** A folder could not be watched (e.g. the system's watch limit): the rest still is. */
  onError?: (error: Error) => void;
  /** Vault-relative folders the scan skips but whose own files matter (settings: `.obsidian`), watched one level deep. */
  extraFolders?: readonly string[];
}

/**
 * Calls `onChange(file)` (an absolute path inside the vault) whenever a file
 * or folder the scan sees is added, changed or removed. Returns at once;
 * folders are listed synchronously, so every existing one is watched when
 * this returns.
 */
export function watchVault(vault: string, onChange: (file: string) => void, options: WatchVaultOptions = {}): VaultWatcher {
  const root = fs.realpathSync(vault);
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;
  const report = (err: unknown): void => options.onError?.(err instanceof Error ? err : new Error(String(err)));

  /** The real folder an entry leads to, if the scan would enter it; else null. */
  const folderTarget = (full: string, name: string): string | null => {
    if (isSkippedFolder(name)) return null;
    let real: string;
    try {
      const link = fs.lstatSync(full);
      if (!link.isDirectory() && !link.isSymbolicLink()) return null;
      real = link.isSymbolicLink() ? fs.realpathSync(full) : full;
      if (!fs.statSync(real).isDirectory()) return null;
    } catch {
      return null;
    }
    return isInside(root, real) ? real : null;
  };

  const unwatchUnder = (folder: string): void => {
    for (const [dir, watcher] of watchers) {
      if (isInside(folder, dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
  };

  const addFolder = (real: string): void => {
    if (closed || watchers.has(real) || !isInside(root, real)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(real, { persistent: true }, (_event, name) => onEvent(real, name ? String(name) : null));
    } catch (err) {
      report(err);
      return;
    }
    watcher.on('error', () => unwatchUnder(real));
    watchers.set(real, watcher);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      return; // Unreadable: the scan warns about it; its own changes are still seen.
    }
    for (const entry of entries) {
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      const target = folderTarget(path.join(real, entry.name), entry.name);
      if (target) addFolder(target);
    }
  };

  const onEvent = (folder: string, name: string | null): void => {
    if (closed) return;
    if (name === null) {
      onChange(folder);
      return;
    }
    const full = path.join(folder, name);
    // A skipped folder appearing or changing is nothing the scan reads (a dot-file is a note to it).
    if (isSkippedFolder(name) && isFolder(full)) return;
    if (!fs.existsSync(full)) unwatchUnder(full);
    else {
      const target = folderTarget(full, name);
      if (target) addFolder(target);
    }
    onChange(full);
  };

  addFolder(root);
  for (const extra of options.extraFolders ?? []) {
    try {
      const real = fs.realpathSync(path.join(root, extra));
      if (real !== root && isInside(root, real) && fs.statSync(real).isDirectory() && !watchers.has(real)) {
        watchers.set(real, fs.watch(real, { persistent: true }, (_event, name) => !closed && onChange(name ? path.join(real, String(name)) : real)));
      }
    } catch {
      // Missing: nothing to watch.
    }
  }
  return {
    folders: () => [...watchers.keys()].sort(),
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
