/**
 * The one graph-change signal: fired after a live diff has been applied to
 * a graph, so any panel that shows counts or lists (legend, health,
 * summary) can redraw from the graph. Listeners are kept per graph.
 */
import type { AppliedDiff } from './apply-diff.js';
import type { MapGraph } from '../state/visibility.js';

const listeners = new WeakMap<MapGraph, Set<(change: AppliedDiff) => void>>();

/** Calls `listener` after each live change of `graph`; returns the remover. */
export function onGraphChange(graph: MapGraph, listener: (change: AppliedDiff) => void): () => void {
  let set = listeners.get(graph);
  if (!set) listeners.set(graph, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function emitGraphChange(graph: MapGraph, change: AppliedDiff): void {
  for (const listener of [...(listeners.get(graph) ?? [])]) {
    try {
      listener(change);
    } catch (error) {
      // One panel failing must not stop the others from updating.
      console.error(error);
    }
  }
}
