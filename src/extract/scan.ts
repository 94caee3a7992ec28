/**
 * Stage 1, scan: walk the vault and list its files, notes apart from the
 * other files (images, PDFs, ...) that embeds may name as attachments.
 *
 * Rules (DESIGN.md): skip dot-folders and node_modules; a symlink is followed
 * only when its real path lies inside the vault, and a folder is entered at
 * most once (a visited set of real paths), so a loop or a second route to the
 * same folder is skipped instead of walked forever. Anything that is not a
 * regular file or folder (FIFO, socket, device, broken link) is skipped with a
 * warning: reading a FIFO would block the build. Output is sorted by path.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildWarning } from '../core/contract.js';
import type { ScannedFile } from './types.js';
import { byCodeUnit } from '../core/order.js';
import { isEditorTempFile } from './editor-files.js';

/** Note extensions by default (lower case, with the dot). */
export const DEFAULT_NOTE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];

export interface ScanOptions {
  /** Extensions that make a file a note, lower case with the dot. Default DEFAULT_NOTE_EXTENSIONS. */
  extensions?: readonly string[];
  /** Files and folders to leave out (the vault's settings, `--ignore`), by vault path. */
  ignore?: (relPath: string, isFolder: boolean) => boolean;
}

export interface ScanResult {
  /** Absolute real path of the vault folder. */
  root: string;
  /** Note files, sorted by vault path. */
  notes: ScannedFile[];
  /** Every other file (attachment candidates), sorted by vault path. */
  others: ScannedFile[];
  warnings: BuildWarning[];
}

/** Folders never entered: dot-folders (`.obsidian`, `.git`, `.trash`) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True when `child` is `parent` or lies inside it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `dir` joined with an entry `name` of it. The folder is already normalised
 * and a name holds no separator, so this skips path.join's normalising (a
 * tenth of the scan on a 10,000-note vault).
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** Whether a vault path is a note for the given extensions (case-insensitive). */
export function hasNoteExtension(file: string, extensions: readonly string[]): boolean {
  const ext = path.posix.extname(file).toLowerCase();
  return ext !== '' && extensions.includes(ext);
}

/**
 * Lists the vault's files. Throws only when `vaultDir` itself cannot be read
 * (the CLI checks it first); every problem below it becomes a warning.
 */
export async function scanVault(vaultDir: string, options: ScanOptions = {}): Promise<ScanResult> {
  const extensions = options.extensions ?? DEFAULT_NOTE_EXTENSIONS;
  const ignore = options.ignore;
  const root = await realpath(vaultDir);
  const notes: ScannedFile[] = [];
  const others: ScannedFile[] = [];
  const warnings: BuildWarning[] = [];
  const visitedDirs = new Set<string>([root]);
  const seenFiles = new Set<string>();

  const addFile = (rel: string, abs: string, real: string): void => {
    // Two routes to one file (a symlink beside its target): keep the first in sort order.
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    const file: ScannedFile = { path: rel, absPath: abs };
    (hasNoteExtension(rel, extensions) ? notes : others).push(file);
  };

  // Depth-first, entries sorted, so which route wins a duplicate is deterministic.
  const walk = async (absDir: string, realDir: string, relDir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(absDir, { withFileTypes: true });
    } catch (err) {
      // The vault itself unreadable is no empty vault: fail, so the old graph stays.
      if (relDir === '') throw new VaultUnreadableError(vaultDir, err);
      warnings.push({ file: relDir, message: `folder not readable, skipped: ${errorText(err)}` });
      return;
    }
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = childPath(absDir, entry.name);
      // Node decodes names as UTF-8: a name that is not valid UTF-8 comes back with U+FFFD and names no file.
      if (entry.name.includes('\uFFFD') && !(await exists(abs))) {
        warnings.push({ file: rel, message: 'file name is not valid UTF-8 (shown with U+FFFD), skipped: rename it to read it' });
        continue;
      }
      if (!entry.isDirectory() && isEditorTempFile(entry.name)) continue; // swap, backup, lock files (editor-files.ts)
      if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name) || ignore?.(rel, true)) continue;
        const real = childPath(realDir, entry.name);
        if (visitedDirs.has(real)) continue;
        visitedDirs.add(real);
        await walk(abs, real, rel);
      } else if (entry.isFile()) {
        if (ignore?.(rel, false)) continue;
        // No stat here: the read stage learns the size from the open file (one syscall fewer per note).
        addFile(rel, abs, childPath(realDir, entry.name));
      } else if (entry.isSymbolicLink()) {
        await followLink(rel, abs, entry.name);
      } else {
        warnings.push({ file: rel, message: 'not a regular file (FIFO, socket or device), skipped' });
      }
    }
  };

  const followLink = async (rel: string, abs: string, name: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      warnings.push({ file: rel, message: `broken or looping symlink, skipped: ${errorText(err)}` });
      return;
    }
    if (!isInside(root, real)) {
      warnings.push({ file: rel, message: 'symlink points outside the vault, not followed' });
      return;
    }
    let info;
    try {
      info = await stat(real);
    } catch (err) {
      warnings.push({ file: rel, message: `symlink target not readable, skipped: ${errorText(err)}` });
      return;
    }
    if (ignore?.(rel, info.isDirectory())) return;
    if (info.isDirectory()) {
      if (isSkippedFolder(name)) return;
      // Every folder on the current route is in the set, so a link to an ancestor (a loop) stops here.
      if (visitedDirs.has(real)) {
        warnings.push({ file: rel, message: 'symlink to a folder already scanned (a loop or a second route), not followed' });
        return;
      }
      visitedDirs.add(real);
      await walk(abs, real, rel);
    } else if (info.isFile()) {
      addFile(rel, abs, real);
    } else {
      warnings.push({ file: rel, message: 'symlink to something that is not a regular file, skipped' });
    }
  };

  await walk(root, root, '');
  const byPath = (a: ScannedFile, b: ScannedFile): number => byCodeUnit(a.path, b.path);
  notes.sort(byPath);
  others.sort(byPath);
  return { root, notes, others, warnings };
}

/** The vault folder itself cannot be listed: the build stops (exit 2) instead of writing an empty graph. */
export class VaultUnreadableError extends Error {
  constructor(vault: string, cause: unknown) {
    super(`vault folder not readable: ${vault} (${errorText(cause)})`);
  }
}

/** True when `p` names an entry (a dangling symlink counts). */
async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file-system error as one short line without the absolute path
 * (`ENOENT: no such file or directory`), so warnings do not depend on where
 * the vault sits on disk.
 */
export function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  return code && message.startsWith(code) ? message.split(',')[0] : message;
}
