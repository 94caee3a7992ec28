/**
 * Where the nodes of one finest group start, before the forces refine them: a
 * sunflower spiral (evenly filled disc, no two points lined up) in hub-first
 * breadth-first order, so the most linked note sits in the middle, its
 * neighbours on the rings around it and their neighbours further out: the
 * refinement then only has to polish, not untangle.
 */
import type { LayoutIndex } from './layout-index.js';

/** The golden angle: consecutive points of a sunflower never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Point `i` of a sunflower spiral with `spacing` between neighbours. */
export function sunflower(i: number, spacing: number): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5);
  const a = i * GOLDEN_ANGLE;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/** Radius of the disc a sunflower of `count` points with `spacing` fills. */
export function sunflowerRadius(count: number, spacing: number): number {
  return spacing * Math.sqrt(count + 0.5);
}

/**
 * `members` in hub-first breadth-first order: start at the member with the
 * most links, visit its neighbours inside the group, then theirs; a part of
 * the group its links do not reach starts again at its own best-linked member.
 * `mark` is scratch space (length n), `stamp` a value not yet used in it.
 */
export function hubFirstOrder(members: readonly number[], index: LayoutIndex, mark: Int32Array, stamp: number): number[] {
  const { offsets, neighbors } = index;
  const degree = (i: number) => offsets[i + 1] - offsets[i];
  for (const m of members) mark[m] = stamp;
  const seeds = [...members].sort((a, b) => degree(b) - degree(a) || a - b);
  const order: number[] = [];
  const done = stamp + 1;
  for (const seed of seeds) {
    if (mark[seed] !== stamp) continue;
    mark[seed] = done;
    order.push(seed);
    for (let head = order.length - 1; head < order.length; head++) {
      const v = order[head];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbors[p];
        if (mark[w] !== stamp) continue;
        mark[w] = done;
        order.push(w);
      }
    }
  }
  return order;
}

/** Writes a sunflower of `order` (first point in the middle) around (cx, cy). */
export function placeSunflower(order: readonly number[], x: Float64Array, y: Float64Array, cx: number, cy: number, spacing: number): void {
  order.forEach((node, k) => {
    const p = sunflower(k, spacing);
    x[node] = cx + p.x;
    y[node] = cy + p.y;
  });
}
