/**
 * Hit areas of a comfortable size whatever the drawn size: a grid of screen
 * positions (nodes by centre, links by the cells their segment crosses), so
 * the pointer finds the nearest node within a few pixels of its centre and
 * the nearest link within a few pixels of its line, in time proportional to
 * what is near the pointer. Pure: built from screen coordinates.
 */

/** A node as drawn: centre and radius in screen pixels. */
export interface ScreenNode {
  key: string;
  x: number;
  y: number;
  r: number;
}

/** A link as drawn: its ends in screen pixels. */
export interface ScreenEdge {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Grid cell side, in pixels: a little more than the biggest hit distance. */
const CELL = 16;

export interface HitIndex {
  /** The node nearest to (x, y) whose centre is within max(`slop`, its radius) pixels, or null. */
  nearestNode(x: number, y: number, slop: number): string | null;
  /** The link nearest to (x, y) within `slop` pixels of its line, or null. */
  nearestEdge(x: number, y: number, slop: number): string | null;
}

/** Distance from (px, py) to the segment (x1, y1)-(x2, y2). */
export function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/**
 * The segment clipped to the rectangle [0, w] x [0, h] grown by `margin`
 * (Liang-Barsky), or null when it misses it: links that only pass by the
 * screen are indexed for the part on screen, cell by cell.
 */
function clip(e: ScreenEdge, w: number, h: number, margin: number): [number, number, number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const edges: Array<[number, number]> = [
    [-dx, e.x1 + margin],
    [dx, w + margin - e.x1],
    [-dy, e.y1 + margin],
    [dy, h + margin - e.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [e.x1 + t0 * dx, e.y1 + t0 * dy, e.x1 + t1 * dx, e.y1 + t1 * dy];
}

/** Builds the index of a frame `width` x `height` pixels. */
export function buildHitIndex(nodes: readonly ScreenNode[], edges: readonly ScreenEdge[], width: number, height: number): HitIndex {
  const cols = Math.max(1, Math.ceil((width + 2 * CELL) / CELL));
  const rows = Math.max(1, Math.ceil((height + 2 * CELL) / CELL));
  // Cells cover the screen and one cell beyond each side; positions outside are dropped.
  const cellOf = (x: number, y: number): number => {
    const c = Math.floor(x / CELL) + 1;
    const r = Math.floor(y / CELL) + 1;
    return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : r * cols + c;
  };
  const nodeCells = new Map<number, ScreenNode[]>();
  let maxRadius = 0;
  for (const n of nodes) {
    const cell = cellOf(n.x, n.y);
    if (cell === -1) continue;
    let list = nodeCells.get(cell);
    if (list === undefined) nodeCells.set(cell, (list = []));
    list.push(n);
    if (n.r > maxRadius) maxRadius = n.r;
  }
  const edgeCells = new Map<number, ScreenEdge[]>();
  for (const e of edges) {
    const part = clip(e, width, height, CELL);
    if (part === null) continue;
    const [x1, y1, x2, y2] = part;
    // Walk the clipped segment in steps under half a cell: every cell it crosses gets it, and its neighbours are searched.
    const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / (CELL / 2)));
    let last = -2;
    for (let i = 0; i <= steps; i++) {
      const cell = cellOf(x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps);
      if (cell === -1 || cell === last) continue;
      last = cell;
      let list = edgeCells.get(cell);
      if (list === undefined) edgeCells.set(cell, (list = []));
      if (list[list.length - 1] !== e) list.push(e);
    }
  }

  /** Calls `visit` with the items of every cell within `reach` pixels of (x, y). */
  function around<T>(cells: Map<number, T[]>, x: number, y: number, reach: number, visit: (item: T) => void): void {
    const span = Math.ceil(reach / CELL);
    const c0 = Math.floor(x / CELL) + 1;
    const r0 = Math.floor(y / CELL) + 1;
    for (let r = r0 - span; r <= r0 + span; r++) {
      if (r < 0 || r >= rows) continue;
      for (let c = c0 - span; c <= c0 + span; c++) {
        if (c < 0 || c >= cols) continue;
        const list = cells.get(r * cols + c);
        if (list !== undefined) for (const item of list) visit(item);
      }
    }
  }

  return {
    nearestNode(x, y, slop) {
      let best: string | null = null;
      let bestDistance = Infinity;
      around(nodeCells, x, y, Math.max(slop, maxRadius), (n) => {
        const d = Math.hypot(n.x - x, n.y - y);
        if (d <= Math.max(slop, n.r) && d < bestDistance) [best, bestDistance] = [n.key, d];
      });
      return best;
    },
    nearestEdge(x, y, slop) {
      let best: string | null = null;
      let bestDistance = Infinity;
      const seen = new Set<ScreenEdge>();
      around(edgeCells, x, y, slop + CELL, (e) => {
        if (seen.has(e)) return;
        seen.add(e);
        const d = segmentDistance(x, y, e.x1, e.y1, e.x2, e.y2);
        if (d <= slop && d < bestDistance) [best, bestDistance] = [e.key, d];
      });
      return best;
    },
  };
}
