/**
 * Two filters of notes that visibility.ts applies with the others: the text
 * filter (Obsidian's graph filter: the groups' query language, `path:`,
 * `tag:`, `file:`, words, `-`, `OR`) and the legend's show/hide and "only"
 * of the folder, cluster and groups modes. Pure; null when neither is set,
 * so the common case costs nothing.
 */
import type { NoteNodeAttributes } from '../../core/contract.js';
import { compileQuery } from '../style/color-groups.js';
import { categoryScheme } from '../style/node-colors.js';
import type { ViewState } from './types.js';
import type { MapGraph } from './visibility.js';

/** The fields this filter reads (visibility recomputes when one changes). */
export const NOTE_FILTER_FIELDS = ['filter', 'colorBy', 'folderDepth', 'groups', 'hiddenCategories', 'onlyCategories'] as const satisfies ReadonlyArray<keyof ViewState>;

let lastQuery = '';
let lastTest: ReturnType<typeof compileQuery> = () => true;

/** The text filter as a test of a note (memoized on the last query); null for an empty filter. */
export function queryFilter(query: string): ReturnType<typeof compileQuery> | null {
  const q = query.trim();
  if (q === '') return null;
  if (q !== lastQuery) {
    lastQuery = q;
    lastTest = compileQuery(q);
  }
  return lastTest;
}

/** A test of a note for the text filter and the legend's category filters, or null when none is set. */
export function noteFilter(graph: MapGraph, state: ViewState): ((key: string, note: NoteNodeAttributes) => boolean) | null {
  const query = queryFilter(state.filter);
  const categories = state.colorBy !== 'tag' && (state.hiddenCategories.length > 0 || state.onlyCategories.length > 0);
  if (query === null && !categories) return null;
  const scheme = categories ? categoryScheme(graph, state, 'light') : null;
  const hidden = new Set(state.hiddenCategories);
  // "Only" a category this map does not have (a link from before the clusters changed, a deleted folder)
  // would show nothing at all: such keys are left out, and with none left "only" is off.
  const known = new Set(scheme?.legend.map((e) => e.key) ?? []);
  const only = new Set(state.onlyCategories.filter((k) => known.has(k)));
  return (key, note) => {
    if (query !== null && !query(note)) return false;
    if (scheme === null) return true;
    const c = scheme.categoryOf(key);
    if (c === null) return true;
    if (hidden.has(c)) return false;
    return only.size === 0 || only.has(c);
  };
}
