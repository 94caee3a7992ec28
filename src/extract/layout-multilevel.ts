/**
 * The multilevel layout of one connected component.
 *
 * 1. Coarsen: the component splits by the coarsest level of Louvain's
 *    dendrogram (its communities), each part by the next finer level, and so
 *    on down to groups of at most LEAF_MAX nodes or Louvain's finest clusters
 *    (layout-hierarchy.ts).
 * 2. Lay out top-down: at each level the child groups are discs (area by
 *    member count) joined by weighted links (how many links run between
 *    them), laid out by the same forces until they converge; each child
 *    then takes its place inside its parent. A finest group is a
 *    sunflower, its hub in the middle (initial-positions.ts).
 * 3. Refine: the component at full resolution, a bounded number of ticks,
 *    stopping once the mean displacement per tick falls under a tolerance.
 */
import { DEFAULT_FORCES } from '../core/forces.js';
import { hubFirstOrder, placeSunflower, sunflower, sunflowerRadius } from './initial-positions.js';
import type { LayoutIndex } from './layout-index.js';
import { ForceKernel, relax } from './layout-kernel.js';

/** Groups up to this size are laid out as one sunflower. */
const LEAF_MAX = 64;
/** Distance between neighbouring nodes in a starting sunflower (about the forces' rest spacing). */
export const NODE_SPACING = 9;
/** Node-ticks (nodes times ticks) one coarse level may spend. */
const COARSE_NODE_TICKS = 60_000;
/** Mean displacement per tick under which a layout counts as settled, in node spacings. */
const TOLERANCE = 0.01;
/** At full resolution, collisions are resolved every this many ticks. */
const COLLIDE_EVERY = 3;
/** Heat the full-resolution refinement starts from: the levels above already placed every node near its spot. */
const REFINE_ALPHA = 0.25;

export interface MultilevelScratch {
  mark: Int32Array;
  stamp: number;
  x: Float64Array;
  y: Float64Array;
}

interface Group {
  members: number[];
  children: Group[] | null;
}

function groupBy(members: readonly number[], key: (m: number) => number): number[][] {
  const parts = new Map<number, number[]>();
  for (const m of members) {
    const k = key(m);
    const list = parts.get(k);
    if (list) list.push(m);
    else parts.set(k, [m]);
  }
  return [...parts.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
}

function buildTree(members: number[], level: number, levels: readonly Int32Array[]): Group {
  if (members.length <= LEAF_MAX || level >= levels.length) return { members, children: null };
  const parts = groupBy(members, (m) => levels[level][m]);
  if (parts.length <= 1) return buildTree(members, level + 1, levels);
  return { members, children: parts.map((p) => buildTree(p, level + 1, levels)) };
}

/** Lays out the children of `group` as weighted discs; returns their centres relative to the group's. */
function layoutChildren(group: Group, index: LayoutIndex, scratch: MultilevelScratch): { x: Float64Array; y: Float64Array } {
  const children = group.children!;
  const k = children.length;
  const stamp = ++scratch.stamp;
  // Members of this group are marked; childOf says which child each is in.
  const childOf = new Map<number, number>();
  children.forEach((c, ci) => {
    for (const m of c.members) {
      scratch.mark[m] = stamp;
      childOf.set(m, ci);
    }
  });
  const weights = new Map<number, number>();
  for (const m of group.members) {
    const a = childOf.get(m)!;
    for (let p = index.offsets[m]; p < index.offsets[m + 1]; p++) {
      const w = index.neighbors[p];
      if (w <= m || scratch.mark[w] !== stamp) continue;
      const b = childOf.get(w)!;
      if (a === b) continue;
      const code = a < b ? a * k + b : b * k + a;
      weights.set(code, (weights.get(code) ?? 0) + 1);
    }
  }
  const codes = [...weights.keys()].sort((p, q) => p - q);
  const source = new Int32Array(codes.length);
  const target = new Int32Array(codes.length);
  const radius = new Float64Array(k);
  const charge = new Float64Array(k);
  const x = new Float64Array(k);
  const y = new Float64Array(k);
  children.forEach((c, ci) => {
    radius[ci] = sunflowerRadius(c.members.length, NODE_SPACING);
    charge[ci] = DEFAULT_FORCES.charge * Math.sqrt(c.members.length);
  });
  // Start on a spiral whose area follows size, the biggest child in the middle.
  let placed = 0;
  children.forEach((c, ci) => {
    const p = k === 1 ? { x: 0, y: 0 } : sunflower(placed + c.members.length / 2, NODE_SPACING);
    placed += c.members.length;
    x[ci] = p.x;
    y[ci] = p.y;
  });
  const distance = new Float64Array(codes.length);
  const strength = new Float64Array(codes.length);
  const total = new Float64Array(k);
  codes.forEach((code, l) => {
    source[l] = Math.floor(code / k);
    target[l] = code % k;
    total[source[l]] += weights.get(code)!;
    total[target[l]] += weights.get(code)!;
  });
  codes.forEach((code, l) => {
    const w = weights.get(code)!;
    distance[l] = radius[source[l]] + radius[target[l]] + DEFAULT_FORCES.linkDistance;
    // d3's 1 / min(degree), by link weight: a child's strongest ties pull hardest.
    strength[l] = w / Math.min(total[source[l]], total[target[l]]);
  });
  const kernel = new ForceKernel({
    x,
    y,
    radius,
    charge,
    links: { source, target, distance, strength },
    forces: { chargeDistanceMax: Infinity, collidePadding: NODE_SPACING / 2, gravity: 0.1 },
  });
  let meanRadius = 0;
  for (let ci = 0; ci < k; ci++) meanRadius += radius[ci] / k;
  relax(kernel, { alpha: 1, maxTicks: Math.max(20, Math.min(150, Math.round(COARSE_NODE_TICKS / k))), tolerance: TOLERANCE * meanRadius });
  return { x, y };
}

/** Places every member of `group` around (cx, cy), level by level. */
function place(group: Group, cx: number, cy: number, index: LayoutIndex, scratch: MultilevelScratch): void {
  if (!group.children) {
    const stamp = scratch.stamp + 1;
    scratch.stamp += 2;
    placeSunflower(hubFirstOrder(group.members, index, scratch.mark, stamp), scratch.x, scratch.y, cx, cy, NODE_SPACING);
    return;
  }
  const centres = layoutChildren(group, index, scratch);
  group.children.forEach((c, ci) => place(c, cx + centres.x[ci], cy + centres.y[ci], index, scratch));
}

/** Morton (Z-order) code of a point quantized to 16 bits per axis. */
function morton(qx: number, qy: number): number {
  let code = 0;
  for (let b = 15; b >= 0; b--) code = code * 4 + ((qx >> b) & 1) * 2 + ((qy >> b) & 1);
  return code;
}

/** `members` sorted along a Z-order curve of their positions (ties by index). */
function spatialOrder(members: readonly number[], x: Float64Array, y: Float64Array): number[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const m of members) {
    minX = Math.min(minX, x[m]);
    maxX = Math.max(maxX, x[m]);
    minY = Math.min(minY, y[m]);
    maxY = Math.max(maxY, y[m]);
  }
  const scale = 65535 / Math.max(maxX - minX, maxY - minY, 1e-9);
  const code = new Map<number, number>();
  for (const m of members) code.set(m, morton(Math.floor((x[m] - minX) * scale), Math.floor((y[m] - minY) * scale)));
  return [...members].sort((a, b) => code.get(a)! - code.get(b)! || a - b);
}

export interface ComponentLayout {
  /** Ticks of the full-resolution refinement. */
  ticks: number;
}

/**
 * Lays out `members` (one component, sorted) into scratch.x/y, centred near
 * the origin; the refinement runs at most `maxTicks` ticks.
 */
export function layoutComponent(members: number[], index: LayoutIndex, levels: readonly Int32Array[], scratch: MultilevelScratch, maxTicks: number): ComponentLayout {
  place(buildTree(members, 0, levels), 0, 0, index, scratch);
  if (members.length < 2 || maxTicks <= 0) return { ticks: 0 };
  // The component on its own: local arrays in space-filling-curve order (so the
  // quadtree walk of neighbouring nodes hits the same memory), links among members only.
  members = spatialOrder(members, scratch.x, scratch.y);
  const local = new Map<number, number>();
  members.forEach((m, i) => local.set(m, i));
  const n = members.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radius = new Float64Array(n);
  members.forEach((m, i) => {
    x[i] = scratch.x[m];
    y[i] = scratch.y[m];
    radius[i] = index.radius[m];
  });
  const src: number[] = [];
  const dst: number[] = [];
  for (const m of members) {
    for (let p = index.offsets[m]; p < index.offsets[m + 1]; p++) {
      const w = index.neighbors[p];
      if (w <= m) continue;
      const j = local.get(w);
      if (j === undefined) continue;
      src.push(local.get(m)!);
      dst.push(j);
    }
  }
  const kernel = new ForceKernel({ x, y, radius, links: { source: Int32Array.from(src), target: Int32Array.from(dst) }, collideEvery: COLLIDE_EVERY });
  const ticks = relax(kernel, { alpha: REFINE_ALPHA, maxTicks, tolerance: TOLERANCE * NODE_SPACING, minTicks: Math.min(maxTicks, 10) });
  members.forEach((m, i) => {
    scratch.x[m] = x[i];
    scratch.y[m] = y[i];
  });
  return { ticks };
}
