/**
 * The clusters of the map: the Louvain communities the build computes
 * (`community` on every note; 0 = the largest), each with a name a reader
 * recognises:
 *
 * - its most frequent tag (carried by at least 2 of its notes), skipping a
 *   tag on more than half of the vault's notes (it would name every
 *   cluster) and a tag that already names a bigger cluster, so names differ;
 * - else its biggest hub: the note with the most links (then PageRank,
 *   then key), by title.
 *
 * Pure and O(notes + tags); clusters come largest first, ties by id.
 */
import { tagKey } from '../../core/normalize.js';
import { byCodeUnit } from '../../core/order.js';
import type { MapGraph } from '../state/visibility.js';

export interface Cluster {
  /** The community id, as a string: the legend key. */
  key: string;
  /** The tag (as first written, with `#`) or the hub's title. */
  name: string;
  /** What the name is. */
  by: 'tag' | 'hub';
  /** Notes in the cluster. */
  count: number;
  /** Note keys, in graph order. */
  notes: string[];
}

/** The fewest notes that must carry a tag for it to name a cluster. */
export const MIN_TAG_NOTES = 2;

interface Acc {
  id: number;
  notes: string[];
  tags: Map<string, { tag: string; count: number }>;
  hub: string | null;
  hubScore: [number, number];
}

export function nameClusters(graph: MapGraph): Cluster[] {
  const byId = new Map<number, Acc>();
  const vaultTags = new Map<string, number>();
  let notes = 0;
  graph.forEachNode((key, a) => {
    if (a.kind !== 'note') return;
    notes++;
    const id = Number.isFinite(a.community) ? a.community : 0;
    let acc = byId.get(id);
    if (!acc) byId.set(id, (acc = { id, notes: [], tags: new Map(), hub: null, hubScore: [-1, -1] }));
    acc.notes.push(key);
    const seen = new Set<string>();
    for (const tag of a.tags ?? []) {
      const k = tagKey(tag);
      if (k === '' || seen.has(k)) continue;
      seen.add(k);
      vaultTags.set(k, (vaultTags.get(k) ?? 0) + 1);
      const t = acc.tags.get(k);
      if (t) t.count++;
      else acc.tags.set(k, { tag, count: 1 });
    }
    const score: [number, number] = [(a.inDegree ?? 0) + (a.outDegree ?? 0), a.pagerank ?? 0];
    const better =
      score[0] > acc.hubScore[0] ||
      (score[0] === acc.hubScore[0] && (score[1] > acc.hubScore[1] || (score[1] === acc.hubScore[1] && acc.hub !== null && byCodeUnit(key, acc.hub) < 0)));
    if (acc.hub === null || better) {
      acc.hub = key;
      acc.hubScore = score;
    }
  });

  const ordered = [...byId.values()].sort((x, y) => y.notes.length - x.notes.length || x.id - y.id);
  const used = new Set<string>();
  return ordered.map((acc) => {
    let best: { key: string; tag: string; count: number } | null = null;
    for (const [k, t] of acc.tags) {
      if (t.count < MIN_TAG_NOTES || used.has(k) || (vaultTags.get(k) ?? 0) > notes / 2) continue;
      if (best === null || t.count > best.count || (t.count === best.count && byCodeUnit(k, best.key) < 0)) best = { key: k, ...t };
    }
    const count = acc.notes.length;
    if (best !== null) {
      used.add(best.key);
      return { key: String(acc.id), name: '#' + best.tag, by: 'tag', count, notes: acc.notes };
    }
    const hub = acc.hub === null ? '' : graph.getNodeAttribute(acc.hub, 'title');
    return { key: String(acc.id), name: hub, by: 'hub', count, notes: acc.notes };
  });
}
