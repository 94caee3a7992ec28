/**
 * The text the first frame does not need (summaries, link contexts and
 * lines) arrives in chunks (`graph.details.<n>.json`,
 * src/core/compact.ts) when a panel asks for it: `forNode(key)` fetches the
 * chunk of the note and those of the notes linking to it, once each, and
 * writes them into the graph in place. A graph loaded from graph.json has
 * everything already: `ready` is then always true.
 */
import { detailsFileName, type CompactGraph, type DetailsChunk } from '../core/compact.js';
import { applyDetails } from './compact-graph.js';
import type { MapGraph } from './state/visibility.js';

export interface DetailsLoader {
  /** True when the text of `key` and of its links (both ways) is in the graph. */
  ready(key: string): boolean;
  /** Fetch what `key`'s panel shows; resolves when it is in the graph (also after a fetch failed: the panel then shows what it has). */
  forNode(key: string): Promise<void>;
}

/** For a graph that came whole (graph.json): nothing to fetch. */
export const COMPLETE_DETAILS: DetailsLoader = { ready: () => true, forNode: () => Promise.resolve() };

export function createDetailsLoader(
  graph: MapGraph,
  compact: CompactGraph,
  /** URL of the graph file the compact one sits beside (`./graph.json`). */
  graphUrl: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): DetailsLoader {
  const { chunkSize } = compact.header.details;
  const loaded = new Set<number>();
  const pending = new Map<number, Promise<void>>();
  let index: Map<string, number> | null = null;
  const chunkOf = (key: string): number | undefined => {
    index ??= new Map(compact.header.keys.map((k, i) => [k, i]));
    const i = index.get(key);
    return i === undefined ? undefined : Math.floor(i / chunkSize);
  };
  /** The chunks holding `key`'s own text and the contexts of every edge into or out of it. */
  const chunksFor = (key: string): Set<number> => {
    const chunks = new Set<number>();
    if (!graph.hasNode(key)) return chunks;
    const own = chunkOf(key);
    if (own !== undefined) chunks.add(own);
    // An edge's context travels with its source; outgoing edges are in the node's own chunk.
    graph.forEachInNeighbor(key, (source) => {
      const c = chunkOf(source);
      if (c !== undefined) chunks.add(c);
    });
    return chunks;
  };

  function load(chunk: number): Promise<void> {
    let p = pending.get(chunk);
    if (!p) {
      p = fetchFn(detailsFileName(graphUrl, chunk), { cache: 'no-cache' })
        .then((res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.json() as Promise<DetailsChunk>;
        })
        .then((data) => {
          applyDetails(graph, compact, data);
          loaded.add(chunk);
        })
        .catch((error: unknown) => {
          // Forget the failure so the next panel tries again.
          pending.delete(chunk);
          console.warn(`notemap: details chunk ${chunk} could not be loaded`, error);
        });
      pending.set(chunk, p);
    }
    return p;
  }

  return {
    ready: (key) => [...chunksFor(key)].every((c) => loaded.has(c)),
    forNode: async (key) => {
      await Promise.all([...chunksFor(key)].map(load));
    },
  };
}
