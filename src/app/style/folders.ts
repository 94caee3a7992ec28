/**
 * Color by folder: a note's folder cut to a depth (1 = the top-level
 * folder), as Foam colors its graph. Folders are compared as written
 * (vault paths are case-sensitive on most systems); notes at the vault's
 * root form a group of their own.
 */

/** The key of the vault root's group (no folder can be named so: a path never starts with `/`). */
export const ROOT_FOLDER = '/';

/**
 * The folder of a vault path cut to `depth` levels: `journal/2020/x.md` is
 * `journal` at depth 1 and `journal/2020` at 2 and 3; `x.md` is ROOT_FOLDER.
 */
export function folderAtDepth(path: string, depth: number): string {
  const parts = path.split('/');
  parts.pop(); // the file name
  if (parts.length === 0) return ROOT_FOLDER;
  return parts.slice(0, Math.max(1, depth)).join('/');
}

/** What the legend shows for a folder key. */
export function folderLabel(key: string): string {
  return key === ROOT_FOLDER ? '(vault root)' : key + '/';
}
