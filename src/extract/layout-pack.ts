/**
 * How the laid-out pieces share the canvas: connected components packed as
 * discs (d3-hierarchy's front-chain packing, the largest first so it sits in
 * the middle), and the notes that link to nothing (orphans and components of
 * one or two notes, with their ghosts) in a tidy grid band to the right of
 * them, as tall as the components: on a landscape screen that is space the
 * fitted view would leave empty anyway, so the connected part keeps most of
 * the canvas instead of being ringed by strands of orphans.
 */
import { packSiblings } from 'd3-hierarchy';

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Centres for discs of the given radii (in that order), packed without overlap around the origin. */
export function packDiscs(radii: readonly number[], gap: number): { x: number; y: number }[] {
  const circles = radii.map((r) => ({ r: r + gap / 2, x: 0, y: 0 }));
  packSiblings(circles);
  return circles.map((c) => ({ x: c.x, y: c.y }));
}

/** Bounding box of `nodes` at (x, y); null for none. */
export function boxOf(nodes: Iterable<number>, x: Float64Array, y: Float64Array): Box | null {
  let box: Box | null = null;
  for (const i of nodes) {
    if (!box) box = { minX: x[i], minY: y[i], maxX: x[i], maxY: y[i] };
    else {
      if (x[i] < box.minX) box.minX = x[i];
      if (x[i] > box.maxX) box.maxX = x[i];
      if (y[i] < box.minY) box.minY = y[i];
      if (y[i] > box.maxY) box.maxY = y[i];
    }
  }
  return box;
}

/**
 * Lays out `units` (each a row of nodes that belong together: a note, its
 * partner, their ghosts) left to right in rows of a grid with `spacing`
 * between slots, a unit never split over two rows. Beside `main` (to its
 * right, top-aligned, about as tall), or, without a main part, in a square
 * around the origin.
 */
export function placeBand(units: readonly number[][], main: Box | null, spacing: number, x: Float64Array, y: Float64Array): Box | null {
  if (units.length === 0) return null;
  const slots = units.reduce((s, u) => s + u.length, 0);
  const height = main ? main.maxY - main.minY : 0;
  const rowsWanted = Math.max(1, Math.floor(height / spacing));
  const widest = units.reduce((w, u) => Math.max(w, u.length), 1);
  const columns = Math.max(widest, main ? Math.ceil(slots / rowsWanted) : Math.ceil(Math.sqrt(slots)));
  const gap = main ? Math.max(4 * spacing, 0.04 * Math.max(height, main.maxX - main.minX)) : 0;
  const left = main ? main.maxX + gap : -((columns - 1) * spacing) / 2;
  // The map draws y upwards: the band starts at the main part's top edge and fills downwards.
  const top = main ? main.maxY : ((Math.ceil(slots / columns) - 1) * spacing) / 2;
  let row = 0;
  let col = 0;
  for (const unit of units) {
    if (col + unit.length > columns) {
      row++;
      col = 0;
    }
    for (const node of unit) {
      x[node] = left + col * spacing;
      y[node] = top - row * spacing;
      col++;
    }
  }
  return { minX: left, minY: top - row * spacing, maxX: left + (columns - 1) * spacing, maxY: top };
}
