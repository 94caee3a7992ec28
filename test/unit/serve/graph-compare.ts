/**
 * A graph as comparable data, for tests that hold an incremental or live
 * graph against a fresh build of the same folder: every node's attributes
 * but its position, edges by (source, target), the graph's attributes but
 * the build's time and layout ticks.
 */
import type { NotemapGraph } from '../../../src/extract/build-graph.js';

export function comparable(graph: NotemapGraph): unknown {
  const nodes: Record<string, unknown> = {};
  graph.forEachNode((key, a) => {
    const { x: _x, y: _y, ...rest } = a;
    nodes[key] = rest;
  });
  const edges: Record<string, unknown> = {};
  graph.forEachEdge((_e, a, s, t) => (edges[`${s} -> ${t}`] = a));
  const { builtAt: _b, layoutTicks: _l, ...attributes } = graph.getAttributes();
  return { nodes, edges, attributes };
}
