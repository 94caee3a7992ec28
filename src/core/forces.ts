/**
 * The force model of the map, shared by the build-time layout (Node) and the
 * live layout (the browser's Web Worker), so that a vault opens where the
 * build left it and the worker only polishes. Plain d3-force, no DOM.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

export interface LayoutNode extends SimulationNodeDatum {
  /** Collision radius in layout units (bigger for notes with more backlinks). */
  radius: number;
}

export type LayoutLink = SimulationLinkDatum<LayoutNode>;

export interface ForceOptions {
  /** Rest length of a link. */
  linkDistance: number;
  /** Repulsion between every pair of nodes (negative = repel). */
  charge: number;
  /** Repulsion is ignored beyond this distance: keeps far clusters from drifting apart forever. */
  chargeDistanceMax: number;
  /** Barnes-Hut accuracy (higher = faster, coarser). */
  theta: number;
  /** Pull toward the centre on each axis: keeps orphans and small components in view. */
  gravity: number;
  /** Extra space kept around each node's radius. */
  collidePadding: number;
}

export const DEFAULT_FORCES: ForceOptions = {
  linkDistance: 30,
  charge: -40,
  chargeDistanceMax: 600,
  theta: 0.9,
  gravity: 0.06,
  collidePadding: 2,
};

/** Radius of a node for collisions, from how many notes link to it. */
export function layoutRadius(inDegree: number): number {
  return 3 + 2 * Math.sqrt(inDegree);
}

/**
 * A stopped d3-force simulation over `nodes` and `links` (links refer to nodes
 * by index). The caller ticks it: `layoutTicks` times at build time, or frame
 * by frame in the worker. d3-force's random source is a fixed-seed LCG, so the
 * same input gives the same positions.
 */
export function createLayoutSimulation(
  nodes: LayoutNode[],
  links: LayoutLink[],
  options: Partial<ForceOptions> = {},
): Simulation<LayoutNode, LayoutLink> {
  const o = { ...DEFAULT_FORCES, ...options };
  return forceSimulation<LayoutNode, LayoutLink>(nodes)
    .force(
      'link',
      forceLink<LayoutNode, LayoutLink>(links).distance(o.linkDistance),
    )
    .force(
      'charge',
      forceManyBody<LayoutNode>().strength(o.charge).theta(o.theta).distanceMax(o.chargeDistanceMax),
    )
    .force('x', forceX<LayoutNode>(0).strength(o.gravity))
    .force('y', forceY<LayoutNode>(0).strength(o.gravity))
    .force('collide', forceCollide<LayoutNode>((n) => n.radius + o.collidePadding).iterations(1))
    .stop();
}

/**
 * How many ticks the build runs: the full cooling schedule (300 ticks) for
 * small vaults, and a budget of about 300,000 node-ticks for big ones, where
 * each tick costs O(n log n): the browser worker finishes the job there, so
 * a 10,000-note build spends seconds, not half a minute, on layout.
 */
export function layoutTicks(nodeCount: number): number {
  if (nodeCount <= 2_000) return 300;
  return Math.max(15, Math.round(300_000 / nodeCount));
}
