/**
 * The legend's tag actions as pure functions on tag-key lists, so the rules
 * are tested without a DOM. A filter tag covers the tags nested under it
 * (see visibility.ts), so showing a tag again also lifts the filters above
 * and below it, and hiding a tag drops the filters it now covers.
 */

import { tagKey } from '../../core/normalize.js';
import { tagMatches } from '../state/visibility.js';

/** True when the notes of `tag` are hidden by some entry of `hidden` (itself or a tag above it). */
export function isTagHidden(hidden: readonly string[], tag: string): boolean {
  const key = tagKey(tag);
  return hidden.some((h) => tagMatches(key, tagKey(h)));
}

/**
 * `hidden` after a click on `tag` in the legend: hide it when shown
 * (dropping entries nested under it, now redundant), else show it (dropping
 * every entry above or below it).
 */
export function toggleHiddenTag(hidden: readonly string[], tag: string): string[] {
  const key = tagKey(tag);
  const related = (h: string): boolean => tagMatches(tagKey(h), key) || tagMatches(key, tagKey(h));
  if (isTagHidden(hidden, key)) return hidden.filter((h) => !related(h));
  return [...hidden.filter((h) => !tagMatches(tagKey(h), key)), key];
}

/** `only` after a click on a tag's "only" action: add it, or remove it when present. */
export function toggleOnlyTag(only: readonly string[], tag: string): string[] {
  const key = tagKey(tag);
  return only.some((o) => tagKey(o) === key) ? only.filter((o) => tagKey(o) !== key) : [...only, key];
}
