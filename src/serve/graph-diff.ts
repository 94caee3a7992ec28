/**
 * The change between two states of the graph, as the page applies it:
 * nodes and edges added, removed or with changed attributes (only the
 * attributes that changed), note moves, and the graph's stats and health.
 * Edges are named by (source, target): graph.json has no edge keys.
 * `snapshotGraph` is taken before an edit, `diffGraph` after it.
 */
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../core/contract.js';
import type { GraphDiff } from '../core/live.js';

export type { GraphDiff };
import type { NotemapGraph } from '../extract/build-graph.js';

export interface GraphSnapshot {
  nodes: Map<string, NodeAttributes>;
  edges: Map<string, EdgeAttributes>;
  attributes: GraphAttributes;
  /** The sources whose out-edges were kept; absent: every edge. */
  edgeSources?: ReadonlySet<string>;
}

const edgeId = (source: string, target: string): string => source + '\0' + target;

/**
 * Shallow copies of every node's attributes (edits replace or mutate them) and of the edges
 * out of `edgeSources` (every edge when absent): an edit that says which sources' edges it
 * rewrites (incremental-graph.ts sourcesToRewrite) is diffed at the cost of those edges, not
 * of the whole graph's (a third of a one-note update at 100,000 notes).
 */
export function snapshotGraph(graph: NotemapGraph, edgeSources?: ReadonlySet<string>): GraphSnapshot {
  const nodes = new Map<string, NodeAttributes>();
  graph.forEachNode((key, a) => nodes.set(key, { ...a }));
  const edges = new Map<string, EdgeAttributes>();
  const keep = (_e: string, a: EdgeAttributes, s: string, t: string): void => void edges.set(edgeId(s, t), { ...a });
  if (!edgeSources) graph.forEachEdge(keep);
  else for (const source of edgeSources) if (graph.hasNode(source)) graph.forEachOutEdge(source, keep);
  return { nodes, edges, attributes: { ...graph.getAttributes() }, edgeSources };
}

/** Equal values; arrays of plain values compared item by item (tags, aliases, kinds), anything else by its JSON. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let plain = true;
    for (let i = 0; i < a.length && plain; i++) {
      if (a[i] !== b[i]) {
        if (typeof a[i] === 'object' || typeof b[i] === 'object') plain = false;
        else return false;
      }
    }
    if (plain) return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields of `after` that differ from `before`, or null when none. */
function changed<T extends object>(before: T, after: T): Partial<T> | null {
  let out: Partial<T> | null = null;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!same(before[key], after[key])) {
      out ??= {};
      out[key] = after[key];
    }
  }
  return out;
}

export function diffGraph(before: GraphSnapshot, graph: NotemapGraph, moved: GraphDiff['moved'] = []): GraphDiff {
  const diff: GraphDiff = {
    addedNodes: [],
    removedNodes: [],
    changedNodes: [],
    addedEdges: [],
    removedEdges: [],
    changedEdges: [],
    moved,
    attributes: changed(before.attributes, graph.getAttributes()) ?? {},
  };
  graph.forEachNode((key, a) => {
    const old = before.nodes.get(key);
    if (!old) diff.addedNodes.push({ key, attributes: { ...a } });
    else {
      const attributes = changed(old, a);
      if (attributes) diff.changedNodes.push({ key, attributes });
    }
  });
  for (const key of before.nodes.keys()) if (!graph.hasNode(key)) diff.removedNodes.push(key);
  const seen = new Set<string>();
  const compare = (_e: string, a: EdgeAttributes, source: string, target: string): void => {
    const id = edgeId(source, target);
    seen.add(id);
    const old = before.edges.get(id);
    if (!old) diff.addedEdges.push({ source, target, attributes: { ...a } });
    else if (changed(old, a)) diff.changedEdges.push({ source, target, attributes: { ...a } });
  };
  if (!before.edgeSources) graph.forEachEdge(compare);
  else for (const source of before.edgeSources) if (graph.hasNode(source)) graph.forEachOutEdge(source, compare);
  for (const id of before.edges.keys()) {
    if (seen.has(id)) continue;
    const [source, target] = id.split('\0');
    diff.removedEdges.push({ source, target });
  }
  return diff;
}

/** True when the diff changes nothing on the map (graph attributes such as builtAt aside). */
export function isEmptyDiff(diff: GraphDiff): boolean {
  return (
    diff.addedNodes.length + diff.removedNodes.length + diff.changedNodes.length +
      diff.addedEdges.length + diff.removedEdges.length + diff.changedEdges.length + diff.moved.length === 0
  );
}
