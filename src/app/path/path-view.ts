/**
 * What "path to…" shows for a pair of notes: the shortest path
 * (state/path-between.ts), or, when there is none, the part of the map
 * each note is in (its component, through links either way and notes
 * only, as the path search walks), so the user sees why. Pure and
 * memoized on the pair and the graph, since the renderer and the panel
 * both ask for it on every change.
 */
import { graphRevision } from '../state/graph-revision.js';
import { pathBetween, type PathResult } from '../state/path-between.js';
import type { ViewState } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';

export interface PathView {
  from: string;
  to: string;
  directed: boolean;
  /** The path; `nodes` is empty when there is none. */
  path: PathResult;
  /** With no path: the notes each end is joined to (itself included); null when there is a path. */
  parts: { from: ReadonlySet<string>; to: ReadonlySet<string> } | null;
  /** Only in the links' direction and none found: the hops of the shortest path either way (null: none either). */
  eitherWayHops: number | null;
}

const isNote = (graph: MapGraph, key: string): boolean => graph.hasNode(key) && graph.getNodeAttribute(key, 'kind') === 'note';

/** The notes joined to `start` by links either way, through notes only (breadth-first). */
export function noteComponent(graph: MapGraph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    graph.forEachNeighbor(queue[i], (n) => {
      if (seen.has(n) || !isNote(graph, n)) return;
      seen.add(n);
      queue.push(n);
    });
  }
  return seen;
}

/** The view of the path from `from` to `to` (both notes, else null). */
export function pathView(graph: MapGraph, from: string, to: string, directed: boolean): PathView | null {
  if (from === to || !isNote(graph, from) || !isNote(graph, to)) return null;
  const path = pathBetween(graph, from, to, directed);
  if (path.nodes.length > 0) return { from, to, directed, path, parts: null, eitherWayHops: null };
  const either = directed ? pathBetween(graph, from, to, false) : null;
  const fromPart = noteComponent(graph, from);
  return {
    from,
    to,
    directed,
    path,
    // Joined either way, the two ends are in one part: no second search.
    parts: { from: fromPart, to: fromPart.has(to) ? fromPart : noteComponent(graph, to) },
    eitherWayHops: either !== null && either.nodes.length > 0 ? either.hops.length : null,
  };
}

let memo: { graph: MapGraph; revision: number; key: string; view: PathView | null } | null = null;

/**
 * The path the view state asks for (`selected` to `pathTo`), or null.
 * Memoized on the pair, the switch and the graph's revision (a live change
 * can remove a link and add another, leaving the order and size as they were).
 */
export function pathViewOf(graph: MapGraph, state: Pick<ViewState, 'selected' | 'pathTo' | 'pathDirected'>): PathView | null {
  if (state.selected === null || state.pathTo === null) return null;
  const key = `${state.selected}\0${state.pathTo}\0${state.pathDirected}`;
  if (memo !== null && memo.graph === graph && memo.revision === graphRevision(graph) && memo.key === key) return memo.view;
  const view = pathView(graph, state.selected, state.pathTo, state.pathDirected);
  memo = { graph, revision: graphRevision(graph), key, view };
  return view;
}
