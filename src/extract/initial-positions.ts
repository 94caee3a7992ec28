/**
 * Where the build-time layout starts: each Louvain community gets its own
 * spot on a sunflower spiral (bigger communities nearer the middle, spaced by
 * their size), and its notes a small sunflower around that spot. Starting
 * from clusters instead of d3's single spiral, a few dozen ticks give a
 * settled-looking map even at tens of thousands of notes, where running the
 * full cooling schedule would take half a minute.
 */
import type { LayoutNode } from '../core/forces.js';

/** The golden angle: consecutive points of a sunflower never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Distance between neighbouring nodes of a cluster, in layout units. */
const NODE_SPACING = 12;

/** Point `i` of a sunflower spiral with `spacing` between neighbours. */
export function sunflower(i: number, spacing: number): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5);
  const a = i * GOLDEN_ANGLE;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/**
 * Seeds `x`, `y` on `nodes` (same order as `groups`). `groups[i]` is node i's
 * community, or -1 for nodes without one (dangling targets, attachments),
 * which start next to `anchor[i]` (the index of a note linking them) or, with
 * no anchor, on an outer ring.
 */
export function seedPositions(nodes: LayoutNode[], groups: number[], anchor: number[]): void {
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => {
    if (g < 0) return;
    let list = members.get(g);
    if (!list) members.set(g, (list = []));
    list.push(i);
  });
  // Biggest communities first, so they sit in the middle.
  const order = [...members.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  // Each community takes a slot on one big spiral as wide as its member
  // count, its centre in the middle of the slot: area follows size.
  let placed = 0;
  for (const [, list] of order) {
    const centre = order.length === 1 ? { x: 0, y: 0 } : sunflower(placed + list.length / 2, NODE_SPACING * 1.6);
    placed += list.length;
    list.forEach((node, k) => {
      const p = sunflower(k, NODE_SPACING * 0.9);
      nodes[node].x = centre.x + p.x;
      nodes[node].y = centre.y + p.y;
    });
  }
  let outer = 0;
  nodes.forEach((node, i) => {
    if (groups[i] >= 0) return;
    const a = anchor[i];
    if (a >= 0 && groups[a] >= 0) {
      const p = sunflower(i % 7, 6);
      node.x = (nodes[a].x ?? 0) + p.x + 8;
      node.y = (nodes[a].y ?? 0) + p.y + 8;
    } else {
      const p = sunflower(nodes.length + outer++, NODE_SPACING * 2.2);
      node.x = p.x;
      node.y = p.y;
    }
  });
}
