/**
 * The shortest path between two notes, for "path to...": a breadth-first
 * search from both ends at once (each side expands its smaller frontier), so
 * two notes in a 100,000-note vault are joined after visiting a small part of
 * it. Links are followed either way by default, or only in their direction.
 * The path walks through notes only: a missing note or an attachment is an
 * end, not a way between two notes (two notes that both link to the same
 * missing note are not connected by it).
 */
import type { MapGraph } from './visibility.js';

/** One hop of a path: the edge between two consecutive notes, as written. */
export interface PathHop {
  from: string;
  to: string;
  /** The edge's key in the graph. */
  edge: string;
  /** The link's direction relative to the path: `forward` when `from` links `to`. */
  direction: 'forward' | 'backward';
}

export interface PathResult {
  /** Note keys from the first note to the second, both included; empty when there is no path. */
  nodes: string[];
  hops: PathHop[];
}

const isNote = (graph: MapGraph, key: string): boolean => graph.getNodeAttribute(key, 'kind') === 'note';

/**
 * The shortest path from `from` to `to` (fewest hops; ties broken by the
 * graph's neighbour order, which is deterministic for a built graph).
 * `directed`: follow links only from source to target.
 */
export function pathBetween(graph: MapGraph, from: string, to: string, directed = false): PathResult {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return { nodes: [], hops: [] };
  if (from === to) return { nodes: [from], hops: [] };
  // Each side: node -> the node it was reached from, and node -> hops from that side's end.
  const fromSide = new Map<string, string | null>([[from, null]]);
  const toSide = new Map<string, string | null>([[to, null]]);
  const fromDepth = new Map<string, number>([[from, 0]]);
  const toDepth = new Map<string, number>([[to, 0]]);
  let frontierFrom = [from];
  let frontierTo = [to];
  /**
   * Expands one whole level of a side. Every meeting node of the level is
   * looked at, and the one closest to the other end wins: stopping at the
   * first one met could give a path a hop longer than the shortest.
   */
  const step = (
    frontier: string[],
    seen: Map<string, string | null>,
    depth: Map<string, number>,
    other: Map<string, number>,
    forward: boolean,
  ): { next: string[]; meet: string | null } => {
    const next: string[] = [];
    let meet: string | null = null;
    for (const node of frontier) {
      // Seen from the start, a link is walked source -> target; seen from the end, backwards.
      const neighbours = !directed ? graph.neighbors(node) : forward ? graph.outNeighbors(node) : graph.inNeighbors(node);
      for (const n of neighbours) {
        if (seen.has(n)) continue;
        // Missing notes and attachments may be the end only when asked for directly.
        if (!isNote(graph, n) && !other.has(n)) continue;
        seen.set(n, node);
        depth.set(n, depth.get(node)! + 1);
        if (other.has(n)) {
          if (meet === null || other.get(n)! < other.get(meet)!) meet = n;
        } else next.push(n);
      }
    }
    return { next, meet };
  };
  let meet: string | null = null;
  while (meet === null && frontierFrom.length > 0 && frontierTo.length > 0) {
    if (frontierFrom.length <= frontierTo.length) {
      const r = step(frontierFrom, fromSide, fromDepth, toDepth, true);
      frontierFrom = r.next;
      meet = r.meet;
    } else {
      const r = step(frontierTo, toSide, toDepth, fromDepth, false);
      frontierTo = r.next;
      meet = r.meet;
    }
  }
  if (meet === null) return { nodes: [], hops: [] };
  const head: string[] = [];
  for (let n: string | null = meet; n !== null; n = fromSide.get(n) ?? null) head.push(n);
  head.reverse();
  const tail: string[] = [];
  for (let n: string | null = toSide.get(meet) ?? null; n !== null; n = toSide.get(n) ?? null) tail.push(n);
  const nodes = [...head, ...tail];
  return { nodes, hops: hopsOf(graph, nodes) };
}

/** The edges along consecutive nodes, preferring the link in the path's direction. */
function hopsOf(graph: MapGraph, nodes: string[]): PathHop[] {
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [a, b] = [nodes[i], nodes[i + 1]];
    const forward = graph.edge(a, b);
    if (forward !== undefined) hops.push({ from: a, to: b, edge: forward, direction: 'forward' });
    else hops.push({ from: a, to: b, edge: graph.edge(b, a)!, direction: 'backward' });
  }
  return hops;
}
