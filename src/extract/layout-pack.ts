/**
 * How the laid-out pieces share the canvas: the large connected components
 * packed as discs (d3-hierarchy's front-chain packing, the largest first so
 * it sits in the middle); the small components (in shelf rows, each in one
 * piece) and the notes that link to nothing (orphans and pairs, with their
 * ghosts, in a grid) in a tidy band under them, as wide as they are: a
 * compact landscape block with room for each label at the fitted view, clear
 * of the connected part (whose extent it never enters) and of the right
 * edge, where the details panel opens. The connected part keeps most of the
 * canvas instead of being ringed by small islands and strands of orphans.
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
 * Shelf rows of blocks, from the top left (0, 0) downwards, at most `width`
 * wide (a wider block gets a row of its own). Returns where the next row
 * would start (`bottom`) and the rightmost x a block reaches.
 */
function shelve(blocks: readonly number[][], boxes: readonly Box[], width: number, gap: number, x: Float64Array, y: Float64Array): { bottom: number; right: number } {
  // Tallest first (next-fit decreasing height): rows of like heights waste little.
  const order = blocks.map((_b, i) => i).sort((a, b) => boxes[b].maxY - boxes[b].minY - (boxes[a].maxY - boxes[a].minY) || a - b);
  let left = 0;
  let top = 0;
  let rowHeight = 0;
  let right = 0;
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
    right = Math.max(right, left + w);
    left += w + gap;
    rowHeight = Math.max(rowHeight, box.maxY - box.minY);
  }
  return { bottom: blocks.length > 0 ? top - rowHeight - gap : 0, right };
}

/** Room of one slot of the band's grid, in graph units. */
export interface BandPitch {
  /** From one slot to the next in a row: wide enough for a short label at the fitted view. */
  column: number;
  /** From one row to the next: a node and its label under it. */
  row: number;
}

/** What the whole map (core and band) is shaped like on screen: a landscape canvas. */
export const TARGET_ASPECT = 1.4;
/** The band takes at most this share of the core's area; past it, its slots shrink (labels hide at that zoom anyway). */
const BAND_AREA_SHARE = 0.3;

/**
 * Width of a band of `area` under a core of `w` x `h` (with `gap` between):
 * the core's width, or wider when the band is so big that, at the core's
 * width, the whole would be taller than TARGET_ASPECT wants.
 */
export function bandWidth(area: number, w: number, h: number, gap: number): number {
  // w' / (h + gap + area / w') = R  <=>  w'^2 - R (h + gap) w' - R area = 0.
  const b = TARGET_ASPECT * (h + gap);
  const wide = (b + Math.sqrt(b * b + 4 * TARGET_ASPECT * area)) / 2;
  return Math.max(w, wide);
}

/**
 * The band: `blocks` (small components already laid out, each kept in one
 * piece) in shelf rows, then `units` (each a run of nodes that belong
 * together: a note, its partner, their ghosts) left to right in rows of a
 * grid, a unit never split over two rows. Below `main` with a clear gap, as
 * wide as it (wider only when the band is big, so the whole stays
 * landscape), centred under it; without a main part, a landscape block
 * around the origin. The slots are `pitch` apart, shrunk (narrower, then
 * square and smaller, never below `minimum`) when the band would take more
 * than BAND_AREA_SHARE of the core's area. Returns the band's box. O(nodes + blocks log blocks).
 */
export function placeBand(
  units: readonly number[][],
  main: Box | null,
  pitch: BandPitch,
  minimum: number,
  x: Float64Array,
  y: Float64Array,
  blocks: readonly number[][] = [],
): Box | null {
  if (units.length === 0 && blocks.length === 0) return null;
  const boxes = blocks.map((b) => boxOf(b, x, y)!);
  const slots = units.reduce((s, u) => s + u.length, 0);
  const mainW = main ? main.maxX - main.minX : 0;
  const mainH = main ? main.maxY - main.minY : 0;
  let column = pitch.column;
  let row = pitch.row;
  const perSlot = main && slots > 0 ? (BAND_AREA_SHARE * mainW * mainH) / slots : Infinity;
  if (perSlot < column * row) {
    // Narrower columns first, down to square slots; then smaller squares (never strips of dots).
    if (perSlot >= row * row) column = perSlot / row;
    else column = row = Math.max(minimum, Math.sqrt(perSlot));
  }
  const gap = 2 * row;
  const blockArea = boxes.reduce((s, b) => s + (b.maxX - b.minX + gap) * (b.maxY - b.minY + gap), 0);
  const area = slots * column * row + blockArea;
  // Room between the core and the band: its bottom labels and a visible margin, a tenth of
  // the core's size (a fixed count of units would be a wide empty strip on a small map).
  const sideGap = main ? Math.min(3 * row, Math.max(row, 0.1 * Math.max(mainH, mainW))) : 0;
  const widest = units.reduce((w, u) => Math.max(w, u.length), 1);
  const widestBlock = boxes.reduce((w, b) => Math.max(w, b.maxX - b.minX), 0);
  const wanted = main ? bandWidth(area, mainW, mainH, sideGap) : Math.sqrt(area * TARGET_ASPECT);
  const columns = Math.max(widest, Math.floor(Math.max(wanted, widestBlock) / column) + 1);
  const width = Math.max((columns - 1) * column, widestBlock);
  // Laid out from (0, 0) downwards (the map draws y upwards), then moved into place.
  const shelf = shelve(blocks, boxes, width, gap, x, y);
  const gridTop = shelf.bottom;
  let r = 0;
  let c = 0;
  let used = shelf.right;
  for (const unit of units) {
    if (c + unit.length > columns) {
      r++;
      c = 0;
    }
    for (const node of unit) {
      x[node] = c * column;
      y[node] = gridTop - r * row;
      used = Math.max(used, c * column);
      c++;
    }
  }
  const bottom = units.length > 0 ? gridTop - r * row : gridTop + gap;
  // Centred under the core (or on the origin), by the width its rows really use.
  const dx = main ? (main.minX + main.maxX) / 2 - used / 2 : -used / 2;
  const dy = main ? main.minY - sideGap : -bottom / 2;
  for (const b of blocks) for (const node of b) (x[node] += dx), (y[node] += dy);
  for (const u of units) for (const node of u) (x[node] += dx), (y[node] += dy);
  return { minX: dx, minY: bottom + dy, maxX: used + dx, maxY: dy };
}
