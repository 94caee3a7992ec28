/**
 * How the laid-out pieces share the canvas: the large connected components
 * packed as discs (d3-hierarchy's front-chain packing, the largest first so
 * it sits in the middle); the small components (in shelf rows, each in one
 * piece) and the notes that link to nothing (orphans and pairs, with their
 * ghosts, in a grid) in a tidy band to the right of them, as tall as the
 * large ones: on a landscape screen that is space the fitted view would
 * leave empty anyway, so the connected part keeps most of the canvas instead
 * of being ringed by small islands and strands of orphans.
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

/** Shelf rows of blocks, from the top left (0, 0) downwards, at most `width` wide (a wider block gets a row of its own). */
function shelve(blocks: readonly number[][], boxes: readonly Box[], width: number, gap: number, x: Float64Array, y: Float64Array): number {
  // Tallest first (next-fit decreasing height): rows of like heights waste little.
  const order = blocks.map((_b, i) => i).sort((a, b) => boxes[b].maxY - boxes[b].minY - (boxes[a].maxY - boxes[a].minY) || a - b);
  let left = 0;
  let top = 0;
  let rowHeight = 0;
  for (const i of order) {
    const box = boxes[i];
    const w = box.maxX - box.minX;
    if (left > 0 && left + w > width) {
      top -= rowHeight + gap;
      left = 0;
      rowHeight = 0;
    }
    const dx = left - box.minX;
    const dy = top - box.maxY;
    for (const node of blocks[i]) {
      x[node] += dx;
      y[node] += dy;
    }
    left += w + gap;
    rowHeight = Math.max(rowHeight, box.maxY - box.minY);
  }
  return blocks.length > 0 ? top - rowHeight - gap : 0;
}

/**
 * The band: `blocks` (small components already laid out, each kept in one
 * piece) in shelf rows, then `units` (each a row of nodes that belong
 * together: a note, its partner, their ghosts) left to right in rows of a
 * grid with `spacing` between slots, a unit never split over two rows.
 * Beside `main` (to its right, top-aligned, about as tall), or, without a
 * main part, in a square around the origin. Returns the band's box.
 */
export function placeBand(
  units: readonly number[][],
  main: Box | null,
  spacing: number,
  x: Float64Array,
  y: Float64Array,
  blocks: readonly number[][] = [],
): Box | null {
  if (units.length === 0 && blocks.length === 0) return null;
  const boxes = blocks.map((b) => boxOf(b, x, y)!);
  const gap = 2 * spacing;
  // The blocks' area in grid slots, so that blocks and slots share one width.
  const blockSlots = boxes.reduce((s, b) => s + ((b.maxX - b.minX + gap) * (b.maxY - b.minY + gap)) / (spacing * spacing), 0);
  const slots = units.reduce((s, u) => s + u.length, 0) + Math.ceil(blockSlots);
  const height = main ? main.maxY - main.minY : 0;
  const rowsWanted = Math.max(1, Math.floor(height / spacing));
  const widest = units.reduce((w, u) => Math.max(w, u.length), 1);
  const widestBlock = boxes.reduce((w, b) => Math.max(w, b.maxX - b.minX), 0);
  const wanted = Math.max(widest, main ? Math.ceil(slots / rowsWanted) : Math.ceil(Math.sqrt(slots)));
  const columns = Math.max(wanted, Math.floor(widestBlock / spacing) + 1);
  const width = (columns - 1) * spacing;
  // Laid out from (0, 0) downwards (the map draws y upwards), then moved into place.
  const gridTop = shelve(blocks, boxes, width, gap, x, y);
  let row = 0;
  let col = 0;
  for (const unit of units) {
    if (col + unit.length > columns) {
      row++;
      col = 0;
    }
    for (const node of unit) {
      x[node] = col * spacing;
      y[node] = gridTop - row * spacing;
      col++;
    }
  }
  const bottom = units.length > 0 ? gridTop - row * spacing : gridTop + gap;
  const sideGap = main ? Math.max(4 * spacing, 0.04 * Math.max(height, main.maxX - main.minX)) : 0;
  const dx = main ? main.maxX + sideGap : -width / 2;
  const dy = main ? main.maxY : -bottom / 2;
  for (const b of blocks) for (const node of b) (x[node] += dx), (y[node] += dy);
  for (const u of units) for (const node of u) (x[node] += dx), (y[node] += dy);
  return { minX: dx, minY: bottom + dy, maxX: width + dx, maxY: dy };
}
