/**
 * What a node's size stands for (the "Size by" display setting): all its
 * links (Obsidian's default: a hub with 36 outgoing links is big even when
 * little links back to it), its backlinks, its PageRank or its word count,
 * optionally leaving embeds out (a template embedded by 120 notes is not a
 * hub). Each measure becomes a link-equivalent weight for nodeSize's scale.
 */
import type { EdgeAttributes, NodeAttributes } from '../../core/contract.js';

export type SizeBy = 'links' | 'backlinks' | 'pagerank' | 'words';
export const SIZE_BY: readonly SizeBy[] = ['links', 'backlinks', 'pagerank', 'words'];

/** Words of a note worth one link (a 1,000-word note sizes like 10 links). */
const WORDS_PER_LINK = 100;
/** A note of average PageRank sizes like this many links. */
const LINKS_PER_MEAN_PAGERANK = 2;

/** The graph as the weights read it (graphology's Graph fits). */
export interface SizeGraph {
  readonly order: number;
  forEachEdge(cb: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
}

/** Links in and out of each node, counting only edges that are not embeds alone. */
export function degreesWithoutEmbeds(graph: SizeGraph): Map<string, { in: number; out: number }> {
  const degrees = new Map<string, { in: number; out: number }>();
  const of = (key: string) => {
    let d = degrees.get(key);
    if (d === undefined) degrees.set(key, (d = { in: 0, out: 0 }));
    return d;
  };
  graph.forEachEdge((_e, attrs, source, target) => {
    if (attrs.kinds.length > 0 && attrs.kinds.every((k) => k === 'embed')) return;
    of(source).out++;
    of(target).in++;
  });
  return degrees;
}

/**
 * A function giving each node's weight (link-equivalents) for `by`.
 * `embeds: false` counts links without embed-only edges (links and
 * backlinks; PageRank and words do not depend on embeds).
 */
export function sizeWeights(graph: SizeGraph, by: SizeBy, embeds: boolean): (key: string, attrs: NodeAttributes) => number {
  const counted = !embeds && (by === 'links' || by === 'backlinks') ? degreesWithoutEmbeds(graph) : null;
  switch (by) {
    case 'links':
      return (key, a) => {
        const d = counted?.get(key);
        return counted ? (d ? d.in + d.out : 0) : a.inDegree + a.outDegree;
      };
    case 'backlinks':
      return (key, a) => (counted ? (counted.get(key)?.in ?? 0) : a.inDegree);
    case 'pagerank': {
      const n = Math.max(1, graph.order);
      return (_key, a) => (a.kind === 'note' ? a.pagerank * n * LINKS_PER_MEAN_PAGERANK : 0);
    }
    case 'words':
      return (_key, a) => (a.kind === 'note' ? a.words / WORDS_PER_LINK : 0);
  }
}
