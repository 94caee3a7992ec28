/**
 * Where nodes new to an already laid-out map go: beside the neighbours that
 * already have a place, then a short relaxation of the new nodes alone (every
 * other node is pinned), so the rest of the map never moves. A node with no
 * placed neighbour goes on the map's rim.
 *
 * Deterministic: new nodes in sorted key order, d3-force's seeded random
 * source, coordinates rounded as the layout rounds them. The incremental
 * builder's own small version: swap for layout's `placeNewNodes` (issue 8)
 * when it lands.
 */
import { createLayoutSimulation, layoutRadius, type LayoutLink, type LayoutNode } from '../core/forces.js';
import { byCodeUnit } from '../core/order.js';
import type { NotemapGraph } from '../extract/build-graph.js';
import { sunflower } from '../extract/initial-positions.js';
import { round2 } from '../extract/round-json.js';

/** Ticks of the local relaxation. */
const RELAX_TICKS = 40;

/** Sets `x`, `y` on every node of `newKeys`; every other node keeps its position. */
export function placeNewNodes(graph: NotemapGraph, newKeys: Iterable<string>): void {
  const fresh = [...new Set(newKeys)].filter((k) => graph.hasNode(k)).sort(byCodeUnit);
  if (fresh.length === 0) return;
  const isFresh = new Set(fresh);
  const placed = new Map<string, { x: number; y: number }>();
  let rim = 0;
  graph.forEachNode((key, a) => {
    if (!isFresh.has(key)) rim = Math.max(rim, Math.hypot(a.x, a.y));
  });

  // First guess: the mean of placed neighbours, a little off it so two new nodes never coincide.
  fresh.forEach((key, i) => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    graph.forEachNeighbor(key, (other, a) => {
      const p = isFresh.has(other) ? placed.get(other) : a;
      if (!p) return;
      sx += p.x;
      sy += p.y;
      n++;
    });
    const offset = sunflower(i % 12, 8);
    if (n > 0) placed.set(key, { x: sx / n + offset.x, y: sy / n + offset.y });
    else {
      const angle = i * 2.399963;
      placed.set(key, { x: (rim + 40) * Math.cos(angle), y: (rim + 40) * Math.sin(angle) });
    }
  });

  // Relax the new nodes among their pinned neighbours only.
  const index = new Map<string, number>();
  const nodes: LayoutNode[] = [];
  const add = (key: string): number => {
    let i = index.get(key);
    if (i !== undefined) return i;
    i = nodes.length;
    index.set(key, i);
    const a = graph.getNodeAttributes(key);
    const p = placed.get(key);
    const node: LayoutNode = { radius: layoutRadius(a.inDegree), x: p?.x ?? a.x, y: p?.y ?? a.y };
    if (!p) {
      node.fx = a.x;
      node.fy = a.y;
    }
    nodes.push(node);
    return i;
  };
  const links: LayoutLink[] = [];
  for (const key of fresh) {
    const i = add(key);
    graph.forEachNeighbor(key, (other) => {
      if (isFresh.has(other) && byCodeUnit(other, key) < 0) return; // each fresh pair once
      links.push({ source: i, target: add(other) });
    });
  }
  const simulation = createLayoutSimulation(nodes, links).alpha(0.3);
  // Pull toward the centre is for a whole map; here it would drag new nodes off their neighbours.
  simulation.force('x', null).force('y', null);
  simulation.tick(RELAX_TICKS);
  for (const key of fresh) {
    const n = nodes[index.get(key)!];
    graph.mergeNodeAttributes(key, { x: round2(n.x ?? 0), y: round2(n.y ?? 0) });
  }
}
