/**
 * graphology keeps each node's neighbours in plain objects keyed by the
 * neighbour's key (`nodeData.out[target] = edge`). V8 gives such an object a
 * new hidden class for every new key it sees, and a vault's keys are all
 * different paths: at 100,000 notes, adding the 278,000 links of a freshly
 * opened page spent most of its time creating hidden classes (about 1 s of
 * the 2.7 s). Objects in dictionary mode (hash tables) take new keys without
 * that; they are made once per node before its links are added.
 *
 * This reaches into graphology's internals (0.26: `graph._nodes`, a Map of
 * node data with `in` and `out` objects); anything else found there is left
 * alone, and the graph works the same either way (only slower).
 */
import type { MapGraph } from './state/visibility.js';

interface NodeData {
  in?: unknown;
  out?: unknown;
}

/** An empty object V8 keeps as a hash table (deleting a property that is not the last one does that). */
function dictionaryObject(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o;
}

const isEmptyObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  for (const _ in value) return false;
  return true;
};

/** Give every node without links yet dictionary-mode adjacency objects; call before adding many edges. */
export function useDictionaryAdjacency(graph: MapGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as IterableIterator<NodeData>) {
    if (isEmptyObject(data.in) && isEmptyObject(data.out)) {
      data.in = dictionaryObject();
      data.out = dictionaryObject();
    }
  }
}
