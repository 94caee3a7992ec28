/**
 * What a hover changes on a big map, where it leaves the rest of the map as
 * it was (reducers.ts hoverFadesRest): the nodes of the old and the new
 * neighbourhood and the links at the old and the new centre. The renderer
 * re-runs the reducers on these only (at 100,000 notes all of them took ~0.8 s).
 */
import type { MapGraph } from '../state/visibility.js';

export interface ChangedItems {
  nodes: string[];
  edges: string[];
}

/** The items whose looks differ between hovering `before` (with its set) and hovering `after`. */
export function hoverChangedItems(
  graph: MapGraph,
  before: { centre: string | null; set: ReadonlySet<string> },
  after: { centre: string | null; set: ReadonlySet<string> },
): ChangedItems {
  const nodes = new Set<string>();
  for (const key of before.set) if (graph.hasNode(key)) nodes.add(key);
  for (const key of after.set) if (graph.hasNode(key)) nodes.add(key);
  const edges = new Set<string>();
  for (const centre of [before.centre, after.centre]) {
    if (centre !== null && graph.hasNode(centre)) graph.forEachEdge(centre, (edge) => edges.add(edge));
  }
  return { nodes: [...nodes], edges: [...edges] };
}

/** The links whose looks differ when the link under the pointer changes: those two only. */
export function edgeHoverChangedItems(graph: MapGraph, before: string | null, after: string | null): ChangedItems {
  return { nodes: [], edges: [before, after].filter((e): e is string => e !== null && graph.hasEdge(e)) };
}

/**
 * Runs a highlight once the pointer has rested `ms` (0: at once; performance.ts
 * hoverRestMs). A newer request replaces a pending one, and a press in the
 * meantime (a drag starting) drops it: that pointer no longer rests anywhere.
 */
export function createRestTimer(ms: number, pressed: () => boolean): { run(action: () => void): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    run(action) {
      cancel();
      if (ms <= 0) return action();
      timer = setTimeout(() => {
        timer = null;
        if (!pressed()) action();
      }, ms);
    },
    cancel,
  };
}
