/**
 * `npm run build -- --out-dir DIR` empties DIR before writing the site (Vite's
 * emptyOutDir). So before the build, DIR is checked: it must not be the vault
 * or hold it, must not be the project or hold it, and must be empty or
 * notemap's own previous output (a `.notemap-site` marker listing the files
 * it wrote, and nothing else in the folder). `--force` overrides only the
 * last rule. Real paths are compared, so a symlink cannot sneak past.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../extract/scan.js';

/** The marker notemap leaves in every site it writes: one written file per line. */
export const SITE_MARKER = '.notemap-site';
const MARKER_HEADER = '# written by notemap build; a folder holding only these files may be rebuilt';

export interface OutDirCheck {
  /** The vault being built. */
  vault: string;
  /** The project root (where the app's sources live). */
  root: string;
  /** Allow a non-empty folder notemap did not write (its files are deleted). */
  force?: boolean;
}

/** The real path of `p`, or of its nearest existing parent joined with the rest. */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

/** Every file under `dir`, as `/`-separated relative paths, sorted. */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else out.push(child);
  }
  return out.sort();
}

/** The files a marker lists, or null when `dir` has no readable marker. */
function markedFiles(dir: string): Set<string> | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, SITE_MARKER), 'utf8');
  } catch {
    return null;
  }
  if (!text.startsWith(MARKER_HEADER)) return null;
  return new Set(text.split('\n').slice(1).filter(Boolean));
}

/**
 * Why the site must not be written to `outDir`, as one line, or null when it
 * may. `force` is the user's `--force`, for a non-empty folder only.
 */
export function siteOutDirProblem(outDir: string, { vault, root, force = false }: OutDirCheck): string | null {
  const out = realPathOf(outDir);
  const realVault = realPathOf(vault);
  const realRoot = realPathOf(root);
  if (isInside(out, realVault)) {
    return out === realVault
      ? `--out-dir ${outDir} is the vault: building there would delete your notes`
      : `--out-dir ${outDir} holds the vault ${vault}: building there would delete your notes`;
  }
  if (isInside(out, realRoot)) return `--out-dir ${outDir} holds the notemap project ${root}: building there would delete it`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(out);
  } catch {
    return null; // Missing: Vite creates it.
  }
  if (!stat.isDirectory()) return `--out-dir ${outDir} is not a folder`;
  const files = listFiles(out);
  if (files.length === 0 || force) return null;
  const marked = markedFiles(out);
  const foreign = marked ? files.filter((f) => f !== SITE_MARKER && !marked.has(f)) : files;
  if (foreign.length === 0) return null;
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, ... (${foreign.length} files)` : '');
  return `--out-dir ${outDir} holds files notemap did not write (${shown}); building there would delete them. ` +
    'Pick an empty folder, or pass --force to delete them';
}

/** Writes the marker listing every file now in `outDir` (call after the build). */
export function markSiteOutDir(outDir: string): void {
  const files = listFiles(outDir).filter((f) => f !== SITE_MARKER);
  fs.writeFileSync(path.join(outDir, SITE_MARKER), [MARKER_HEADER, ...files, ''].join('\n'));
}
