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

/** Auto depth: a folder holding more than this share of the notes is split into its subfolders. */
export const AUTO_SPLIT_SHARE = 1 / 3;
/** Auto depth goes no deeper than this. */
export const AUTO_MAX_DEPTH = 3;

/**
 * Folders at an automatic depth ("Auto" in the legend, folderDepth 0): start
 * from the top-level folders, then split the biggest folder holding more
 * than AUTO_SPLIT_SHARE of the notes into its subfolders (its own notes
 * stay under its name), again until no folder is that big or it has no
 * subfolders, down to AUTO_MAX_DEPTH levels. A vault with everything under
 * `user/` then colors by `user/recipes`, `user/features`, ... Returns each
 * path's folder key.
 */
export function autoFolders(paths: readonly string[]): Map<string, string> {
  const key = new Map<string, string>();
  const depthOf = new Map<string, number>();
  const members = new Map<string, string[]>();
  for (const p of paths) {
    const k = folderAtDepth(p, 1);
    key.set(p, k);
    depthOf.set(k, 1);
    const list = members.get(k);
    if (list) list.push(p);
    else members.set(k, [p]);
  }
  const limit = paths.length * AUTO_SPLIT_SHARE;
  const deeper = (p: string, depth: number): boolean => p.split('/').length - 1 > depth;
  for (;;) {
    let best: string | null = null;
    for (const [k, list] of members) {
      const depth = depthOf.get(k)!;
      if (list.length <= limit || depth >= AUTO_MAX_DEPTH || k === ROOT_FOLDER || !list.some((p) => deeper(p, depth))) continue;
      if (best === null || list.length > members.get(best)!.length || (list.length === members.get(best)!.length && k < best)) best = k;
    }
    if (best === null) return key;
    const depth = depthOf.get(best)! + 1;
    const list = members.get(best)!;
    members.delete(best);
    for (const p of list) {
      const k = folderAtDepth(p, depth);
      key.set(p, k);
      // The folder's own notes keep its name, and cannot be split further.
      depthOf.set(k, k === best ? AUTO_MAX_DEPTH : depth);
      const into = members.get(k);
      if (into) into.push(p);
      else members.set(k, [p]);
    }
  }
}
