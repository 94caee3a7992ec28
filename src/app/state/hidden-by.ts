/**
 * Which filters hide a note from the map, each with the patch that lifts
 * it: what the summary panel says when the selected note is not drawn (a
 * note chosen in the search while a text filter, the timeline or the
 * legend hides it). Pure; mirrors the rules of visibility.ts per note.
 */
import { tagKey } from '../../core/normalize.js';
import type { MapGraph } from './visibility.js';
import { noteMonths, tagMatches, timeFilterActive } from './visibility.js';
import { noteFilter, queryFilter } from './note-filter.js';
import type { ViewState } from './types.js';

export interface HidingFilter {
  /** What hides it, as the sidebar names it ("the text filter"). */
  label: string;
  /** The change that lifts this filter. */
  patch: Partial<ViewState>;
}

/** The filters that hide note `key` (empty when none does, or when it is not a note). */
export function hidingFilters(graph: MapGraph, state: ViewState, key: string): HidingFilter[] {
  if (!graph.hasNode(key)) return [];
  const attrs = graph.getNodeAttributes(key);
  if (attrs.kind !== 'note') return [];
  // The centre of a local view is always shown.
  if (state.localDepth > 0 && state.selected === key) return [];
  const out: HidingFilter[] = [];
  const query = queryFilter(state.filter);
  if (query !== null && !query(attrs)) out.push({ label: 'the text filter', patch: { filter: '' } });
  if (timeFilterActive(state)) {
    const month = noteMonths(graph, state.timeField).get(key) ?? null;
    const outside = month === null ? !state.showUndated : (state.timeFrom !== null && month < state.timeFrom) || (state.timeTo !== null && month > state.timeTo);
    if (outside) out.push({ label: 'the timeline', patch: { timeFrom: null, timeTo: null, showUndated: true } });
  }
  const tags = attrs.tags.map(tagKey);
  const hiddenTag = state.hiddenTags.some((h) => tags.some((t) => tagMatches(t, tagKey(h))));
  const notOnly = state.onlyTags.length > 0 && !state.onlyTags.some((o) => tags.some((t) => tagMatches(t, tagKey(o))));
  if (hiddenTag || notOnly) out.push({ label: 'the tag filters', patch: { hiddenTags: [], onlyTags: [] } });
  const categories = noteFilter(graph, { ...state, filter: '' });
  if (categories !== null && !categories(key, attrs)) out.push({ label: 'the legend’s show/hide', patch: { hiddenCategories: [], onlyCategories: [] } });
  if (attrs.inDegree + attrs.outDegree < state.minLinks) out.push({ label: 'Minimum links', patch: { minLinks: 0 } });
  if (attrs.orphan && !state.showOrphans) out.push({ label: 'Orphans off', patch: { showOrphans: true } });
  if (attrs.draft && !state.showDrafts) out.push({ label: 'Drafts off', patch: { showDrafts: true } });
  return out;
}
