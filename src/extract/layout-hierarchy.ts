/**
 * The coarsening of the multilevel layout: Louvain's dendrogram. Each pass
 * of Louvain merges notes into small clusters, then clusters into bigger
 * ones, up to the communities the measure stage writes on the notes; those
 * levels are the layout's levels. The measure stage already runs Louvain, so
 * it hands its dendrogram over (`rememberHierarchy`) instead of the layout
 * running it again; a graph laid out without it (a test that skips the
 * measure stage) gets its own seeded run.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { NotemapGraph } from './build-graph.js';
import type { LayoutIndex } from './layout-index.js';
import { LOUVAIN_SEED, seededRandom } from './metrics.js';

interface Dendrogram {
  /** Node keys in the order the levels index them. */
  keys: string[];
  /** levels[l][i]: cluster of keys[i] after Louvain pass l (0 = the notes themselves). */
  levels: ArrayLike<number>[];
}

const remembered = new WeakMap<object, Dendrogram>();

/** Called by the measure stage with its Louvain run's `dendrogram` over `keys`. */
export function rememberHierarchy(graph: NotemapGraph, keys: string[], levels: ArrayLike<number>[] | null): void {
  // Louvain gives no dendrogram for a graph without links.
  remembered.set(graph, { keys, levels: levels ?? [] });
}

function ownDendrogram(index: LayoutIndex): Dendrogram {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const keys: string[] = [];
  for (let i = 0; i < index.n; i++) {
    if (!index.isNote[i]) continue;
    g.addNode(index.keys[i]);
    keys.push(index.keys[i]);
  }
  for (let l = 0; l < index.linkSource.length; l++) {
    const s = index.linkSource[l];
    const t = index.linkTarget[l];
    if (index.isNote[s] && index.isNote[t]) g.addEdge(index.keys[s], index.keys[t]);
  }
  if (g.size === 0) return { keys, levels: [] };
  const detailed = louvain.detailed(g, { rng: seededRandom(LOUVAIN_SEED), getEdgeWeight: null });
  return { keys, levels: detailed.dendrogram ?? [] };
}

/**
 * The clustering levels over the layout's nodes, coarsest first, finest
 * last (the notes themselves are not a level). A ghost takes its anchor's
 * cluster; a node in no cluster gets -1.
 */
export function hierarchyLevels(graph: NotemapGraph, index: LayoutIndex): Int32Array[] {
  const d = remembered.get(graph) ?? ownDendrogram(index);
  const levels: Int32Array[] = [];
  for (let l = d.levels.length - 1; l >= 1; l--) {
    const level = new Int32Array(index.n).fill(-1);
    const src = d.levels[l];
    d.keys.forEach((key, k) => {
      const i = index.indexOf.get(key);
      if (i !== undefined) level[i] = src[k];
    });
    for (let i = 0; i < index.n; i++) if (!index.isNote[i] && index.anchor[i] >= 0) level[i] = level[index.anchor[i]];
    levels.push(level);
  }
  return levels;
}
