/**
 * Puts a graphology graph's per-node adjacency objects (`in`/`out`, keyed by
 * neighbour) in V8's dictionary mode while they are still empty, before a
 * build adds hundreds of thousands of edges.
 *
 * Why: graphology starts each node with `in = {}` and `out = {}` and adds one
 * property per neighbour. In V8 every new property name on such a literal
 * makes a hidden-class transition, and a graph has as many names as nodes:
 * at 100,000 notes / 300,000 links the edge loop made ~650,000 hidden
 * classes that the collector then walks. That loop took 1.7 s of CPU and
 * 146 MB (10x the notes: 15x the time); with dictionaries from the start,
 * 0.8 s and 118 MB. Dictionary objects behave exactly like `{}` (same
 * prototype, the same key order in `for...in`), so the graph and everything
 * computed from it stay the same; only their memory layout changes.
 *
 * This reaches into graphology's internals (`_nodes`, NodeData `in`/`out`),
 * so it checks their shape first and leaves a graph it does not recognise as
 * it is: a graphology upgrade can only make the build slower, never wrong
 * (test/unit/pipeline/dictionary-adjacency.test.ts says when it stops applying).
 *
 * Used by the build (build-graph.ts, metrics.ts) and by the page
 * (compact-graph.ts: about 1 s of opening a 100,000-note map).
 */
import type Graph from 'graphology';

/** An empty object in dictionary mode with Object.prototype (hasOwnProperty and all), like `{}`. */
const dictionary = (): Record<string, unknown> => Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, unknown>;

const isEmptyPlain = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0;

/**
 * Gives every node of `graph` that has no edge yet dictionary-mode `in`/`out`
 * (and `undirected`) objects. Returns how many nodes it changed (0 when the
 * graph's internals are not the expected ones).
 */
export function useDictionaryAdjacency(graph: Graph): number {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return 0;
  let changed = 0;
  for (const data of nodes.values() as IterableIterator<Record<string, unknown>>) {
    let touched = false;
    for (const side of ['in', 'out', 'undirected']) {
      // Only while empty: a node that has edges keeps its object (and its keys' order).
      if (side in data && isEmptyPlain(data[side])) {
        data[side] = dictionary();
        touched = true;
      }
    }
    if (touched) changed++;
  }
  return changed;
}
