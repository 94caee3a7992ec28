/**
 * Which nodes the map shows for a view: the filters of the sidebar and the
 * local view, as one pure O(V + E) pass over the graph. The renderer's
 * reducers hide what is not in `nodes` (and every edge with a hidden end);
 * the counts panel reads the totals.
 *
 * Rules (each one tested in test/unit/app/visibility.test.ts):
 * - A note is hidden when it is a draft and drafts are off, an orphan and
 *   orphans are off, or has fewer links (inDegree + outDegree) than minLinks.
 * - Tags, like Obsidian's `-tag:` filter: a note is hidden when ANY of its
 *   tags is hidden; with `onlyTags`, a note is shown only when one of its tags
 *   is included. A filter tag also covers the tags nested under it
 *   (`security` covers `security/e2ee`), so a tag hidden at one legend depth
 *   stays hidden at another. Compared case-insensitively (tag keys).
 * - Local view (localDepth 1..3 with a selected node that exists): only the
 *   nodes within that many steps of the selection, following edges in the
 *   chosen direction, walking through notes only (a dangling target or an
 *   attachment is an end, not a path). The selected node itself is always
 *   shown there, whatever the filters say: it is the centre of the view.
 * - A dangling target (when dangling targets are on) or an attachment (when
 *   attachments are on) is shown only when some shown note links to it.
 */

import type Graph from 'graphology';
import { tagKey } from '../../core/normalize.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/contract.js';
import { sameValue } from './store.js';
import type { TimeField, ViewState } from './types.js';
import { noteMonth } from '../../core/dates.js';
import { noteFilter, NOTE_FILTER_FIELDS } from './note-filter.js';
import { graphRevision } from './graph-revision.js';

/** The graph the map draws: graph.json loaded into graphology. */
export type MapGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface VisibleSet {
  /** Keys of every node to draw. */
  nodes: Set<string>;
  notesShown: number;
  notesTotal: number;
  danglingShown: number;
  danglingTotal: number;
  attachmentsShown: number;
  attachmentsTotal: number;
  /** The centre of the local view when it is active, else null. */
  localRoot: string | null;
}

/** The fields of ViewState that visibility depends on (anything else cannot change the result). */
export const VISIBILITY_FIELDS = [
  'selected',
  'showOrphans',
  'showDangling',
  'showDrafts',
  'showAttachments',
  'hiddenTags',
  'onlyTags',
  'minLinks',
  'localDepth',
  'localDirection',
  'timeField',
  'timeFrom',
  'timeTo',
  'showUndated',
  ...NOTE_FILTER_FIELDS,
] as const satisfies ReadonlyArray<keyof ViewState>;

/** Per graph: each note's tag keys, computed once per graph revision (a live edit can change tags). */
const tagKeyCache = new WeakMap<MapGraph, { revision: number; keys: Map<string, string[]> }>();

function noteTagKeys(graph: MapGraph): Map<string, string[]> {
  const revision = graphRevision(graph);
  let cached = tagKeyCache.get(graph);
  if (!cached || cached.revision !== revision) {
    cached = { revision, keys: new Map() };
    for (const key of graph.nodes()) {
      const attrs = graph.getNodeAttributes(key);
      if (attrs.kind === 'note') cached.keys.set(key, (attrs.tags ?? []).map(tagKey));
    }
    tagKeyCache.set(graph, cached);
  }
  return cached.keys;
}

/** Per graph and date field: each note's month index (src/core/dates.ts), or null when undated. */
const monthCache = new WeakMap<MapGraph, { revision: number; months: Map<TimeField, Map<string, number | null>> }>();

/** Each note's month for `field`, computed once per graph revision (again when notes come, go or change). */
export function noteMonths(graph: MapGraph, field: TimeField): Map<string, number | null> {
  const revision = graphRevision(graph);
  let cached = monthCache.get(graph);
  if (!cached || cached.revision !== revision) monthCache.set(graph, (cached = { revision, months: new Map() }));
  let months = cached.months.get(field);
  if (!months) {
    months = new Map();
    for (const key of graph.nodes()) {
      const attrs = graph.getNodeAttributes(key);
      if (attrs.kind === 'note') months.set(key, noteMonth(attrs[field]));
    }
    cached.months.set(field, months);
  }
  return months;
}

/** True when the view restricts notes by date (a range, or undated notes hidden). */
export function timeFilterActive(state: ViewState): boolean {
  return state.timeFrom !== null || state.timeTo !== null || !state.showUndated;
}

/** True when tag key `tag` is `filter` or nested under it. */
export function tagMatches(tag: string, filter: string): boolean {
  return tag === filter || (tag.length > filter.length && tag.startsWith(filter) && tag.charCodeAt(filter.length) === 47 /* / */);
}

function anyTagMatches(tags: readonly string[], filters: readonly string[]): boolean {
  for (const tag of tags) for (const filter of filters) if (tagMatches(tag, filter)) return true;
  return false;
}

/**
 * The nodes within `depth` steps of `root`, following out-edges, in-edges or
 * both. Only `root` and notes are expanded. Breadth-first, O(V + E).
 */
export function neighbourhood(graph: MapGraph, root: string, depth: number, direction: ViewState['localDirection']): Set<string> {
  const seen = new Set<string>([root]);
  let frontier = [root];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    const visit = (neighbour: string): void => {
      if (seen.has(neighbour)) return;
      seen.add(neighbour);
      if (graph.getNodeAttribute(neighbour, 'kind') === 'note') next.push(neighbour);
    };
    for (const key of frontier) {
      if (direction !== 'in') graph.forEachOutNeighbor(key, visit);
      if (direction !== 'out') graph.forEachInNeighbor(key, visit);
    }
    frontier = next;
  }
  return seen;
}

/** Compute the visible set without memoization (see computeVisible). */
export function computeVisibleUncached(graph: MapGraph, state: ViewState): VisibleSet {
  const hidden = state.hiddenTags.map(tagKey);
  const only = state.onlyTags.map(tagKey);
  // Read only by a tag filter (building it costs ~0.1 s at 100,000 notes, on the opening map's path).
  const tagKeys = hidden.length > 0 || only.length > 0 ? noteTagKeys(graph) : null;
  const localRoot = state.localDepth > 0 && state.selected !== null && graph.hasNode(state.selected) ? state.selected : null;
  const local = localRoot === null ? null : neighbourhood(graph, localRoot, state.localDepth, state.localDirection);
  const months = timeFilterActive(state) ? noteMonths(graph, state.timeField) : null;
  const from = state.timeFrom ?? -Infinity;
  const to = state.timeTo ?? Infinity;
  const passes = noteFilter(graph, state);

  const result: VisibleSet = {
    nodes: new Set(),
    notesShown: 0,
    notesTotal: 0,
    danglingShown: 0,
    danglingTotal: 0,
    attachmentsShown: 0,
    attachmentsTotal: 0,
    localRoot,
  };

  // Pass 1: notes. Dangling targets and attachments are set aside for pass 2.
  const secondary: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'dangling') {
      result.danglingTotal++;
      if (state.showDangling) secondary.push(key);
      return;
    }
    if (attrs.kind === 'attachment') {
      result.attachmentsTotal++;
      if (state.showAttachments) secondary.push(key);
      return;
    }
    result.notesTotal++;
    if (key !== localRoot) {
      if (local !== null && !local.has(key)) return;
      if (!state.showDrafts && attrs.draft) return;
      if (!state.showOrphans && attrs.orphan) return;
      if (attrs.inDegree + attrs.outDegree < state.minLinks) return;
      if (tagKeys !== null) {
        const tags = tagKeys.get(key) ?? [];
        if (hidden.length > 0 && anyTagMatches(tags, hidden)) return;
        if (only.length > 0 && !anyTagMatches(tags, only)) return;
      }
      if (months !== null) {
        const month = months.get(key) ?? null;
        if (month === null ? !state.showUndated : month < from || month > to) return;
      }
      if (passes !== null && !passes(key, attrs)) return;
    }
    result.nodes.add(key);
    result.notesShown++;
  });

  // Pass 2: a dangling target or attachment is shown when a shown note links
  // to it (only the edges into these nodes are read).
  const isShown = (source: string): boolean => result.nodes.has(source);
  for (const key of secondary) {
    if (local !== null && !local.has(key)) continue;
    if (!graph.someInNeighbor(key, isShown)) continue;
    result.nodes.add(key);
    if (graph.getNodeAttribute(key, 'kind') === 'dangling') result.danglingShown++;
    else result.attachmentsShown++;
  }
  // A selected dangling target or attachment is the centre of its local view.
  if (localRoot !== null && !result.nodes.has(localRoot)) {
    result.nodes.add(localRoot);
    const kind = graph.getNodeAttribute(localRoot, 'kind');
    if (kind === 'dangling') result.danglingShown++;
    else if (kind === 'attachment') result.attachmentsShown++;
  }
  return result;
}

let lastGraph: MapGraph | null = null;
let lastState: ViewState | null = null;
let lastRevision = -1;
let lastResult: VisibleSet | null = null;

function sameInputs(a: ViewState, b: ViewState): boolean {
  for (const field of VISIBILITY_FIELDS) {
    // Without a local view the selection does not change what is shown.
    if (field === 'selected' && a.localDepth === 0 && b.localDepth === 0) continue;
    if (!sameValue(a[field], b[field])) return false;
  }
  return true;
}

/**
 * The visible set for a graph and view. Memoized on the last call: the
 * renderer and the counts panel both call it after each change, and changes
 * to fields it does not read (theme, size, arrows, panel) cost nothing.
 * The returned object is shared: do not mutate it.
 */
export function computeVisible(graph: MapGraph, state: ViewState): VisibleSet {
  const revision = graphRevision(graph);
  if (lastResult !== null && graph === lastGraph && revision === lastRevision && lastState !== null && sameInputs(state, lastState)) {
    return lastResult;
  }
  lastResult = computeVisibleUncached(graph, state);
  lastGraph = graph;
  lastRevision = revision;
  lastState = state;
  return lastResult;
}
