/**
 * A quadtree in flat typed arrays, rebuilt every tick by the layout kernel
 * (layout-kernel.ts). d3-quadtree allocates an object per cell and per visit
 * callback, which made a 10,000-note tick cost a second on this machine;
 * flat arrays, reused between ticks, make the same Barnes-Hut walk several
 * times cheaper. Coincident points (and cells past MAX_DEPTH) share a leaf
 * through the `next` chain.
 */

const MAX_DEPTH = 32;
/** `first` of an internal cell. */
export const INTERNAL = -2;

export class FlatQuadtree {
  /** Four children per cell (-1 = none). */
  child = new Int32Array(0);
  /** Leaf: its first point; internal cell: INTERNAL. */
  first = new Int32Array(0);
  /** Per point: the next point of the same leaf, -1 at the end. */
  next = new Int32Array(0);
  /** Each cell's left, top and side length. */
  cx0 = new Float64Array(0);
  cy0 = new Float64Array(0);
  side = new Float64Array(0);
  cells = 0;

  private grow(cells: number): void {
    if (cells <= this.first.length) return;
    const cap = Math.max(cells, Math.ceil(this.first.length * 1.5), 16);
    const copyI = (a: Int32Array, k: number) => {
      const b = new Int32Array(cap * k);
      b.set(a);
      return b;
    };
    const copyF = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.child = copyI(this.child, 4);
    this.first = copyI(this.first, 1);
    this.cx0 = copyF(this.cx0);
    this.cy0 = copyF(this.cy0);
    this.side = copyF(this.side);
  }

  private leaf(x0: number, y0: number, side: number, point: number): number {
    const c = this.cells++;
    if (c >= this.first.length) this.grow(c + 1);
    this.child.fill(-1, 4 * c, 4 * c + 4);
    this.first[c] = point;
    this.cx0[c] = x0;
    this.cy0[c] = y0;
    this.side[c] = side;
    return c;
  }

  /** Builds the tree over points `0..n-1` at (px[i], py[i]). */
  build(px: ArrayLike<number>, py: ArrayLike<number>, n: number): void {
    if (this.next.length < n) this.next = new Int32Array(n);
    this.grow(2 * n + 1);
    this.cells = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = px[i];
      const y = py[i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (n === 0) return;
    const side = Math.max(maxX - minX, maxY - minY, 1) * 1.0001;
    this.leaf(minX, minY, side, -1);
    for (let i = 0; i < n; i++) this.insert(px, py, i);
  }

  private insert(px: ArrayLike<number>, py: ArrayLike<number>, i: number): void {
    const x = px[i];
    const y = py[i];
    this.next[i] = -1;
    let k = 0;
    for (let depth = 0; ; ) {
      const f = this.first[k];
      if (f === INTERNAL) {
        const half = this.side[k] / 2;
        const right = x >= this.cx0[k] + half ? 1 : 0;
        const below = y >= this.cy0[k] + half ? 1 : 0;
        const slot = 4 * k + right + 2 * below;
        const c = this.child[slot];
        if (c < 0) {
          // leaf() may grow the arrays: read this.child after it.
          const made = this.leaf(this.cx0[k] + right * half, this.cy0[k] + below * half, half, i);
          this.child[slot] = made;
          return;
        }
        k = c;
        depth++;
        continue;
      }
      if (f === -1) {
        this.first[k] = i;
        return;
      }
      if (depth >= MAX_DEPTH || (px[f] === x && py[f] === y)) {
        this.next[i] = f;
        this.first[k] = i;
        return;
      }
      // Split the leaf: its chain (all at one spot) moves down into one child.
      const half = this.side[k] / 2;
      const right = px[f] >= this.cx0[k] + half ? 1 : 0;
      const below = py[f] >= this.cy0[k] + half ? 1 : 0;
      this.first[k] = INTERNAL;
      const made = this.leaf(this.cx0[k] + right * half, this.cy0[k] + below * half, half, f);
      this.child[4 * k + right + 2 * below] = made;
    }
  }
}
