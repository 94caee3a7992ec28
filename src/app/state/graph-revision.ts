/**
 * A counter per graph that moves whenever what the map derives from the
 * graph can change: a node or link added or dropped, a node's attributes
 * other than its position changed (a live edit's tags, dates, title). Caches
 * of derived data (the visible set, note months, tag keys) compare it.
 * `graph.order` is not enough: a live diff that deletes a linked note
 * drops the note and adds its dangling ghost, and the order stays the same.
 * Positions are left out: the layout and a drag move nodes every frame.
 */
import type { MapGraph } from './visibility.js';

const revisions = new WeakMap<MapGraph, { n: number }>();

/** graphology's nodeAttributesUpdated payload, as far as it is read here. */
interface AttributesUpdate {
  type: string;
  name?: string;
  data?: object;
}

const isPosition = (name: string): boolean => name === 'x' || name === 'y';

/** True when an attribute update only moves the node. */
function onlyMoves(update: AttributesUpdate): boolean {
  if ((update.type === 'set' || update.type === 'remove') && update.name !== undefined) return isPosition(update.name);
  if (update.type === 'merge' && update.data) return Object.keys(update.data).every(isPosition);
  return false;
}

/** The graph's revision (0 until it first changes); starts watching the graph on the first call. */
export function graphRevision(graph: MapGraph): number {
  let rev = revisions.get(graph);
  if (!rev) {
    const counter = (rev = { n: 0 });
    const bump = (): void => {
      counter.n++;
    };
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const) graph.on(event, bump);
    graph.on('nodeAttributesUpdated', (update: AttributesUpdate) => {
      if (!onlyMoves(update)) bump();
    });
    revisions.set(graph, rev);
  }
  return rev.n;
}
