/**
 * The graph as the layout sees it: nodes in sorted key order (so the same
 * vault always gives the same arrays), an undirected, deduplicated adjacency
 * in CSR form, and every node's group: the connected component and Louvain
 * community the measure stage gave its note. A dangling target or an
 * attachment has neither, so it joins a note that links it (the one in the
 * biggest component, then the first by key) and is laid out beside it.
 */
import { layoutRadius } from '../core/forces.js';
import { byCodeUnit } from '../core/order.js';
import type { NotemapGraph } from './build-graph.js';

export interface LayoutIndex {
  keys: string[];
  indexOf: Map<string, number>;
  n: number;
  isNote: Uint8Array;
  /** Component (0 = largest) and community of each node; a ghost's come from its anchor; -1 = none. */
  component: Int32Array;
  community: Int32Array;
  /** For a non-note: the note it sits beside, else -1. */
  anchor: Int32Array;
  radius: Float64Array;
  /** Undirected neighbours of node i: neighbors[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Each undirected link once (source < target). */
  linkSource: Int32Array;
  linkTarget: Int32Array;
}

export function buildLayoutIndex(graph: NotemapGraph): LayoutIndex {
  const keys = graph.nodes().sort(byCodeUnit);
  const n = keys.length;
  const indexOf = new Map<string, number>();
  keys.forEach((k, i) => indexOf.set(k, i));
  const isNote = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const community = new Int32Array(n).fill(-1);
  const anchor = new Int32Array(n).fill(-1);
  const radius = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = graph.getNodeAttributes(keys[i]);
    radius[i] = layoutRadius(a.inDegree ?? 0);
    if (a.kind === 'note') {
      isNote[i] = 1;
      component[i] = a.component ?? 0;
      community[i] = a.community ?? 0;
    }
  }
  // Undirected pairs, each once, in a deterministic order.
  const pairs = new Set<number>();
  const list: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => {
    let a = indexOf.get(s)!;
    let b = indexOf.get(t)!;
    if (a === b) return;
    if (a > b) [a, b] = [b, a];
    const code = a * n + b;
    if (pairs.has(code)) return;
    pairs.add(code);
    list.push(code);
  });
  list.sort((p, q) => p - q);
  const m = list.length;
  const linkSource = new Int32Array(m);
  const linkTarget = new Int32Array(m);
  const degree = new Int32Array(n + 1);
  for (let l = 0; l < m; l++) {
    const a = Math.floor(list[l] / n);
    const b = list[l] - a * n;
    linkSource[l] = a;
    linkTarget[l] = b;
    degree[a]++;
    degree[b]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(2 * m);
  for (let l = 0; l < m; l++) {
    neighbors[fill[linkSource[l]]++] = linkTarget[l];
    neighbors[fill[linkTarget[l]]++] = linkSource[l];
  }
  // Ghosts and attachments join the note beside which they are drawn.
  for (let i = 0; i < n; i++) {
    if (isNote[i]) continue;
    let best = -1;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = neighbors[p];
      if (!isNote[j]) continue;
      if (best < 0 || component[j] < component[best] || (component[j] === component[best] && j < best)) best = j;
    }
    anchor[i] = best;
    if (best >= 0) {
      component[i] = component[best];
      community[i] = community[best];
    }
  }
  return { keys, indexOf, n, isNote, component, community, anchor, radius, offsets, neighbors, linkSource, linkTarget };
}

/** Node count of each component (notes and the ghosts beside them), by component id. */
export function notesPerComponent(index: LayoutIndex): Int32Array {
  let max = -1;
  for (let i = 0; i < index.n; i++) if (index.component[i] > max) max = index.component[i];
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < index.n; i++) if (index.isNote[i] && index.component[i] >= 0) counts[index.component[i]]++;
  return counts;
}
