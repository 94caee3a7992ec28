/**
 * Applies a live diff (src/core/live.ts) to the page's graph in place. Every
 * node that stays keeps its position on the page (the diff's x, y are only
 * for nodes new to it); a moved note takes its old place; new nodes and
 * edges are listed for the fade-in. Pure graph work, no DOM: unit-tested
 * with graphology alone.
 */
import type { GraphDiff } from '../../core/live.js';
import type { MapGraph } from '../state/visibility.js';

export interface AppliedDiff {
  /** Keys of nodes new to the page. */
  addedNodes: string[];
  /** Edge keys new to the page. */
  addedEdges: string[];
  /** Removed node keys (moved notes excluded) and their titles. */
  removed: Map<string, string>;
  /** Moves: old key -> new key. */
  moved: Map<string, string>;
}

export function applyDiff(graph: MapGraph, diff: GraphDiff): AppliedDiff {
  const result: AppliedDiff = { addedNodes: [], addedEdges: [], removed: new Map(), moved: new Map() };
  const placeOf = new Map<string, { x: number; y: number }>();
  for (const { from, to } of diff.moved) {
    if (!graph.hasNode(from)) continue;
    const { x, y } = graph.getNodeAttributes(from);
    placeOf.set(to, { x, y });
    result.moved.set(from, to);
  }
  for (const { source, target } of diff.removedEdges) {
    if (graph.hasNode(source) && graph.hasNode(target) && graph.hasEdge(source, target)) graph.dropEdge(source, target);
  }
  for (const key of diff.removedNodes) {
    if (!graph.hasNode(key)) continue;
    if (!result.moved.has(key)) result.removed.set(key, graph.getNodeAttribute(key, 'title'));
    graph.dropNode(key);
  }
  for (const { key, attributes } of diff.addedNodes) {
    if (graph.hasNode(key)) continue;
    graph.addNode(key, { ...attributes, ...placeOf.get(key) });
    result.addedNodes.push(key);
  }
  for (const { key, attributes } of diff.changedNodes) {
    if (!graph.hasNode(key)) continue;
    // Positions stay where the page has them (the worker may have polished them).
    const { x: _x, y: _y, ...rest } = attributes;
    if (Object.keys(rest).length > 0) graph.mergeNodeAttributes(key, rest);
  }
  for (const { source, target, attributes } of diff.addedEdges) {
    if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(source, target)) continue;
    result.addedEdges.push(graph.addDirectedEdge(source, target, { ...attributes }));
  }
  for (const { source, target, attributes } of diff.changedEdges) {
    const edge = graph.hasNode(source) && graph.hasNode(target) ? graph.edge(source, target) : undefined;
    if (edge !== undefined) graph.replaceEdgeAttributes(edge, { ...attributes });
  }
  if (Object.keys(diff.attributes).length > 0) graph.mergeAttributes(diff.attributes);
  return result;
}
