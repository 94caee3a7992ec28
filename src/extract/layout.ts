/**
 * Stage 6, lay out: starting x, y for every node, from the same force model
 * the browser's worker uses (src/core/forces.ts), run for a bounded number
 * of ticks so a large vault opens settled. Deterministic: nodes in sorted
 * key order, d3-force's fixed-seed random source, coordinates rounded to
 * 2 decimals.
 */
import { createLayoutSimulation, layoutRadius, layoutTicks, type LayoutLink, type LayoutNode } from '../core/forces.js';
import type { NotemapGraph } from './build-graph.js';
import { seedPositions } from './initial-positions.js';
import { byCodeUnit } from '../core/order.js';

export interface LayoutOptions {
  /** Ticks to run; default `layoutTicks(node count)`. */
  ticks?: number;
  /** Called every 10 ticks with (ticks done, total), for the progress bar. */
  onTick?: (done: number, total: number) => void;
}

export const round2 = (v: number): number => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * Runs the simulation and writes rounded `x`, `y` on every node; with 0 ticks
 * the nodes keep d3's starting spiral (never all at one point). Returns the ticks run.
 */
export function layoutGraph(graph: NotemapGraph, options: LayoutOptions = {}): number {
  const keys = graph.nodes().sort(byCodeUnit);
  const indexOf = new Map(keys.map((k, i) => [k, i]));
  const nodes: LayoutNode[] = keys.map((k) => ({ radius: layoutRadius(graph.getNodeAttribute(k, 'inDegree')) }));
  const links: LayoutLink[] = [];
  graph.forEachEdge((_e, _a, source, target) => {
    links.push({ source: indexOf.get(source)!, target: indexOf.get(target)! });
  });
  // Notes start clustered by community; other nodes next to a note linking them.
  const groups = keys.map((k) => {
    const attrs = graph.getNodeAttributes(k);
    return attrs.kind === 'note' ? attrs.community : -1;
  });
  const anchor = keys.map((k, i) => {
    const first = groups[i] >= 0 ? undefined : graph.inNeighbors(k)[0];
    return first === undefined ? -1 : indexOf.get(first)!;
  });
  seedPositions(nodes, groups, anchor);
  const ticks = options.ticks ?? layoutTicks(nodes.length);
  if (nodes.length > 0) {
    const simulation = createLayoutSimulation(nodes, links);
    for (let done = 0; done < ticks; ) {
      const step = Math.min(10, ticks - done);
      simulation.tick(step);
      done += step;
      options.onTick?.(done, ticks);
    }
  }
  graph.updateEachNodeAttributes((key, attrs) => {
    const n = nodes[indexOf.get(key)!];
    return { ...attrs, x: round2(n.x ?? 0), y: round2(n.y ?? 0) };
  });
  return ticks;
}
