/**
 * Stage 5, measure: PageRank, a seeded Louvain community and the connected
 * component of every note, and the graph-level stats.
 *
 * All three run on the note subgraph (notes and note-to-note edges): a
 * dangling target or an attachment is not part of the vault's structure, and
 * letting them in would hand PageRank to missing notes and glue unrelated
 * notes into one component through a shared image. Dangling and attachment
 * nodes get no pagerank/community/component attribute (the contract gives
 * them none). Louvain takes a seeded PRNG and the nodes come in sorted order,
 * so communities are the same on every run; community and component ids are
 * renumbered by size (0 = largest), ties by smallest key.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { GraphStats, TagCount } from '../core/contract.js';
import { tagKey } from '../core/normalize.js';
import { byCodeUnit } from '../core/order.js';
import type { NotemapGraph } from './build-graph.js';
import { rememberHierarchy } from './layout-hierarchy.js';
import { useDictionaryAdjacency } from '../core/dictionary-adjacency.js';
import { unionComponents } from './union-components.js';

export const LOUVAIN_SEED = 0x6e6f7465; // "note"

/** mulberry32: a tiny seeded PRNG with uniform output in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The notes and the edges between them, sorted by key (edges by source, then
 * target). A fresh build adds them in that order already; the incremental
 * builder (src/serve) edits its graph in place, and Louvain's answer depends
 * on the order it meets nodes and edges in: sorting here makes both agree.
 * Also the edges as note numbers (positions in `notes`), for the components.
 *
 * The subgraph's edge keys are their numbers: nothing reads them, and
 * graphology's generated keys cost ~0.2 s of CPU at 300,000 edges.
 */
export function noteSubgraph(graph: NotemapGraph): { sub: Graph; notes: string[]; source: Int32Array; target: Int32Array } {
  const sub = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const notes: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'note') notes.push(key);
  });
  notes.sort(byCodeUnit);
  const number = new Map<string, number>();
  for (const key of notes) {
    number.set(key, number.size);
    sub.addNode(key);
  }
  useDictionaryAdjacency(sub); // see dictionary-adjacency.ts
  const source: number[] = [];
  const target: number[] = [];
  const targets: string[] = [];
  for (let s = 0; s < notes.length; s++) {
    targets.length = 0;
    graph.forEachOutNeighbor(notes[s], (key, attrs) => {
      if (attrs.kind === 'note') targets.push(key);
    });
    if (targets.length > 1) targets.sort(byCodeUnit);
    for (const key of targets) {
      sub.addDirectedEdgeWithKey(String(source.length), notes[s], key);
      source.push(s);
      target.push(number.get(key)!);
    }
  }
  return { sub, notes, source: Int32Array.from(source), target: Int32Array.from(target) };
}

/** Group ids renumbered: biggest group 0, ties broken by the group's smallest key. */
function renumberBySize(groups: string[][]): Map<string, number> {
  const sorted = groups
    .map((members) => ({ members, first: members.reduce((m, k) => (k < m ? k : m), members[0]) }))
    .sort((a, b) => b.members.length - a.members.length || byCodeUnit(a.first, b.first));
  const ids = new Map<string, number>();
  sorted.forEach((g, id) => g.members.forEach((k) => ids.set(k, id)));
  return ids;
}

/** Tags with the number of notes carrying each, most used first, then by tag. */
export function tagCounts(graph: NotemapGraph): TagCount[] {
  const counts = new Map<string, TagCount>();
  graph.forEachNode((_key, attrs) => {
    if (attrs.kind !== 'note') return;
    for (const tag of attrs.tags) {
      const key = tagKey(tag);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag, count: 1 });
    }
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || byCodeUnit(a.tag.toLowerCase(), b.tag.toLowerCase()));
}

/**
 * The graph's stats from its nodes and edges, with the component figures
 * given (measureGraph computes them; the incremental builder keeps them
 * when no link between notes changed). Does not write them.
 */
export function countStats(graph: NotemapGraph, components: { count: number; largest: number }): GraphStats {
  let notes = 0;
  let links = 0;
  let danglingLinks = 0;
  let danglingTargets = 0;
  let attachments = 0;
  let orphans = 0;
  graph.forEachEdge((_e, attrs, _s, _t, _sourceAttrs, targetAttrs) => {
    const kind = targetAttrs.kind;
    if (kind === 'attachment') return;
    links++;
    if (kind === 'dangling') danglingLinks += attrs.count;
  });
  graph.forEachNode((_key, attrs) => {
    if (attrs.kind === 'dangling') danglingTargets++;
    else if (attrs.kind === 'attachment') attachments++;
    else {
      notes++;
      if (attrs.orphan) orphans++;
    }
  });
  return {
    notes,
    links,
    danglingTargets,
    danglingLinks,
    orphans,
    attachments,
    tags: tagCounts(graph),
    components: components.count,
    largestComponent: components.largest,
  };
}

/** Writes pagerank, community and component on every note, and `stats` on the graph. */
export function measureGraph(graph: NotemapGraph): GraphStats {
  const { sub, notes, source, target } = noteSubgraph(graph);
  const ranks: Record<string, number> = sub.order > 0 ? pagerank(sub, { getEdgeWeight: null }) : {};

  const byCommunity = new Map<number, string[]>();
  if (sub.order > 0) {
    const detailed = louvain.detailed(sub, { rng: seededRandom(LOUVAIN_SEED), getEdgeWeight: null });
    const mapping = detailed.communities;
    // The layout coarsens by the same run's levels (layout-hierarchy.ts).
    rememberHierarchy(graph, sub.nodes(), detailed.dendrogram);
    sub.forEachNode((key) => {
      const c = mapping[key];
      const list = byCommunity.get(c);
      if (list) list.push(key);
      else byCommunity.set(c, [key]);
    });
  }
  const communities = renumberBySize([...byCommunity.values()]);
  const componentGroups = unionComponents(notes.length, source, target).map((group) => group.map((i) => notes[i]));
  const components = renumberBySize(componentGroups);

  graph.updateEachNodeAttributes((key, attrs) => {
    if (attrs.kind !== 'note') return attrs;
    return {
      ...attrs,
      // Six significant digits, as written to graph.json: the in-memory graph and the file agree.
      pagerank: Number((ranks[key] ?? 0).toPrecision(6)),
      community: communities.get(key) ?? 0,
      component: components.get(key) ?? 0,
    };
  });
  const stats = countStats(graph, {
    count: componentGroups.length,
    largest: componentGroups.reduce((max, c) => Math.max(max, c.length), 0),
  });
  graph.setAttribute('stats', stats);
  return stats;
}
