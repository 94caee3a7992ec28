/**
 * The show/hide and "only" actions of the folder, cluster and groups legends
 * as pure functions on key lists (each note has one category, so unlike
 * tags there is no nesting to resolve).
 */

/** `hidden` after a click on `key`'s row: hide it when shown, show it when hidden. */
export function toggleKey(list: readonly string[], key: string): string[] {
  return list.includes(key) ? list.filter((k) => k !== key) : [...list, key];
}

/** True when a category's notes are drawn: not hidden, and in `only` when `only` is set. */
export function isCategoryShown(hidden: readonly string[], only: readonly string[], key: string): boolean {
  return !hidden.includes(key) && (only.length === 0 || only.includes(key));
}
