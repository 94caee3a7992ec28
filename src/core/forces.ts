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
  type ForceLink,
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
  /** Multiplier of d3's link strength (1 / the smaller degree of the two ends); the map's link-force slider. */
  linkStrength?: number;
}

export const DEFAULT_FORCES: ForceOptions = {
  linkDistance: 30,
  charge: -40,
  chargeDistanceMax: 600,
  theta: 0.9,
  gravity: 0.06,
  collidePadding: 2,
};

/**
 * Largest collision radius: the map draws no node bigger than MAX_NODE_SIZE
 * (src/app/style/sizes.ts, 6x the smallest), so a hub with thousands of
 * backlinks keeps no more room around it than it is drawn with.
 */
export const LAYOUT_RADIUS_MAX = 18;

/** Radius of a node for collisions, from how many notes link to it (as its drawn size, capped likewise). */
export function layoutRadius(inDegree: number): number {
  return Math.min(LAYOUT_RADIUS_MAX, 3 + 2 * Math.sqrt(inDegree));
}

/** d3's default link strength times `factor` (untouched at 1, so the build and the map agree). */
function withLinkStrength(force: ForceLink<LayoutNode, LayoutLink>, factor: number): ForceLink<LayoutNode, LayoutLink> {
  if (factor === 1) return force;
  // d3's default is 1 / min(degree(source), degree(target)); degrees are counted on the first call,
  // when the simulation has resolved the links' ends to nodes.
  let degree: Map<unknown, number> | null = null;
  return force.strength((l) => {
    if (degree === null) {
      degree = new Map();
      for (const k of force.links()) for (const end of [k.source, k.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    return factor / Math.min(degree.get(l.source) ?? 1, degree.get(l.target) ?? 1);
  });
}

/**
 * A stopped d3-force simulation over `nodes` and `links` (links refer to nodes
 * by index). The caller ticks it: `layoutTicks` times at build time, or frame
 * by frame in the worker. d3-force's random source is a fixed-seed LCG, so the
 * same input gives the same positions. The build runs the same forces over
 * typed arrays (src/extract/layout-kernel.ts); keep the two in step.
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
      withLinkStrength(forceLink<LayoutNode, LayoutLink>(links).distance(o.linkDistance), o.linkStrength ?? 1),
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
 * The most ticks the build's full-resolution refinement may run (it stops
 * sooner once the layout has converged): the whole cooling schedule for a
 * small vault, fewer as the vault grows, since the multilevel layout has
 * already put every node near its place and each tick costs O(n log n).
 */
export function layoutTicks(nodeCount: number): number {
  return Math.max(15, Math.min(300, Math.round(150_000 / Math.max(1, nodeCount))));
}
