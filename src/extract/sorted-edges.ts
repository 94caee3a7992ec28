/**
 * The build's edges from a whole vault's links: one per (source, target)
 * pair, in the order graph.json lists them (source, then target, by code
 * unit), with the same attributes as `aggregateEdges` (build-graph.ts) gives
 * and that order's sort: every kind (sorted), the count, the first
 * occurrence's context and line. Self-links are left out (the graph allows no
 * loops). Also each node's in/out degree and which notes link to or from
 * another note (the orphan rule of health.ts).
 *
 * Why not aggregateEdges + a sort: at 100,000 notes / 300,000 links, a Map
 * keyed by "source\0target" strings (a new string and a Set per link) took
 * 0.6 s of CPU and 146 MB, growing ~25x for 10x the notes. Here every node
 * key gets its rank in code-unit order (`rank`), the links are grouped by
 * source rank with a counting sort (linear, stable: link order is kept in a
 * group) and each source's few links sorted by target rank: no string built,
 * no string compared.
 */
import type { EdgeAttributes, LinkKind } from '../core/contract.js';
import { byCodeUnit } from '../core/order.js';
import type { ResolvedLink } from './types.js';

export interface SortedEdges {
  /** Distinct (source, target) pairs without self-links, sorted by source then target: the ranks of their ends and their attributes. */
  source: Int32Array;
  target: Int32Array;
  attrs: EdgeAttributes[];
  /** Per node rank: edges in and out. */
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** Per node rank: 1 when a link joins it to another note (as source or target), both ends notes. */
  joinsNote: Uint8Array;
}

/**
 * `rank`: every node key (each link's source and target among them) to its
 * position in code-unit order; `isNote`: per rank, 1 for a note.
 */
export function sortedEdges(links: readonly ResolvedLink[], rank: ReadonlyMap<string, number>, isNote: Uint8Array): SortedEdges {
  const n = links.length;
  const size = rank.size;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const start = new Int32Array(size + 1);
  const joinsNote = new Uint8Array(size);
  for (let i = 0; i < n; i++) {
    const link = links[i];
    const s = rank.get(link.source);
    const t = rank.get(link.target);
    if (s === undefined || t === undefined) throw new Error(`link from "${link.source}" to "${link.target}": an end is not a node`);
    source[i] = s;
    target[i] = t;
    start[s + 1]++;
    if (link.targetKind === 'note' && s !== t && isNote[t]) joinsNote[s] = joinsNote[t] = 1;
  }
  for (let r = 0; r < size; r++) start[r + 1] += start[r];
  // Link indices grouped by source rank, in link order within a group.
  const order = new Int32Array(n);
  const next = start.slice(0, size);
  for (let i = 0; i < n; i++) order[next[source[i]]++] = i;

  const edgeSource: number[] = [];
  const edgeTarget: number[] = [];
  const attrs: EdgeAttributes[] = [];
  const inDegree = new Int32Array(size);
  const outDegree = new Int32Array(size);
  const kindLists = new Map<string, LinkKind[]>();
  const byTarget = (a: number, b: number): number => target[a] - target[b] || a - b;
  for (let s = 0; s < size; s++) {
    const from = start[s];
    const to = start[s + 1];
    if (from === to) continue;
    const group = order.subarray(from, to);
    if (to - from > 1) group.sort(byTarget);
    for (let j = 0; j < group.length; ) {
      const first = group[j];
      const t = target[first];
      let end = j + 1;
      while (end < group.length && target[group[end]] === t) end++;
      if (t !== s) {
        const link = links[first];
        attrs.push({ kinds: kindsOf(links, group, j, end, kindLists), count: end - j, context: link.context, line: link.line });
        edgeSource.push(s);
        edgeTarget.push(t);
        outDegree[s]++;
        inDegree[t]++;
      }
      j = end;
    }
  }
  return { source: Int32Array.from(edgeSource), target: Int32Array.from(edgeTarget), attrs, inDegree, outDegree, joinsNote };
}

/**
 * The distinct kinds of links group[from..to), sorted: one frozen list per
 * combination, shared by the edges that have it (300,000 edges, a handful of
 * combinations). Frozen, so that code editing one edge's list in place fails
 * loudly instead of changing them all.
 */
function kindsOf(links: readonly ResolvedLink[], group: Int32Array, from: number, to: number, lists: Map<string, LinkKind[]>): LinkKind[] {
  let kinds: LinkKind[] = [links[group[from]].kind];
  for (let j = from + 1; j < to; j++) {
    const kind = links[group[j]].kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (kinds.length > 1) kinds = kinds.sort(byCodeUnit);
  const id = kinds.join(' ');
  let shared = lists.get(id);
  if (!shared) lists.set(id, (shared = Object.freeze(kinds) as LinkKind[]));
  return shared;
}
