/**
 * The build's force kernel: the forces of src/core/forces.ts (d3-force's
 * link, many-body with Barnes-Hut, x/y gravity, collide, and its velocity
 * integration, same formulas and defaults) over typed arrays and a flat
 * quadtree. Same model as the browser's worker, so the map opens at that
 * model's rest; several times faster than d3's object-per-node simulation,
 * which is what lets a 100,000-note vault be laid out in seconds.
 *
 * `relax` ticks until the layout has converged (mean displacement per tick
 * under a tolerance), not for a fixed count, and never past `maxTicks`.
 */
import { DEFAULT_FORCES, type ForceOptions } from '../core/forces.js';
import { FlatQuadtree, INTERNAL } from './layout-quadtree.js';

export interface KernelLinks {
  source: Int32Array;
  target: Int32Array;
  /** Rest length per link; default the model's linkDistance. */
  distance?: Float64Array;
  /** Strength per link; default d3's 1 / min(degree of either end). */
  strength?: Float64Array;
}

export interface KernelInput {
  /** Positions, read and written in place. */
  x: Float64Array;
  y: Float64Array;
  radius: Float64Array;
  links: KernelLinks;
  /** Charge per node; default the model's charge (a coarse node passes its weight times that). */
  charge?: Float64Array;
  /** 1 = the node never moves (it still pushes and pulls the others). */
  fixed?: Uint8Array;
  forces?: Partial<ForceOptions>;
  /** Gravity centre. */
  centerX?: number;
  centerY?: number;
  /** Collide strength (0 turns it off, d3's default is 1). */
  collide?: number;
  /** Resolve collisions every this many ticks (1 = every tick, as d3 does): the costliest force at full resolution. */
  collideEvery?: number;
}

const VELOCITY_DECAY = 0.6; // d3: velocities keep 1 - 0.4 per tick
const DISTANCE_MIN2 = 1;

export class ForceKernel {
  readonly n: number;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly radius: Float64Array;
  private readonly charge: Float64Array;
  private readonly fixed: Uint8Array;
  private readonly src: Int32Array;
  private readonly dst: Int32Array;
  private readonly dist: Float64Array;
  private readonly str: Float64Array;
  private readonly bias: Float64Array;
  private readonly o: ForceOptions;
  private readonly cx: number;
  private readonly cy: number;
  private readonly collideStrength: number;
  private readonly collideEvery: number;
  private ticks = 0;
  private readonly tree = new FlatQuadtree();
  private value = new Float64Array(0);
  private qx = new Float64Array(0);
  private qy = new Float64Array(0);
  private maxR = new Float64Array(0);
  private readonly stack = new Int32Array(4 * 64 + 8);
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  private seed = 1;

  constructor(input: KernelInput) {
    const n = (this.n = input.x.length);
    this.x = input.x;
    this.y = input.y;
    this.vx = new Float64Array(n);
    this.vy = new Float64Array(n);
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    this.radius = input.radius;
    this.o = { ...DEFAULT_FORCES, ...input.forces };
    this.charge = input.charge ?? new Float64Array(n).fill(this.o.charge);
    this.fixed = input.fixed ?? new Uint8Array(n);
    this.cx = input.centerX ?? 0;
    this.cy = input.centerY ?? 0;
    this.collideStrength = input.collide ?? 1;
    this.collideEvery = Math.max(1, input.collideEvery ?? 1);
    const { source, target } = input.links;
    this.src = source;
    this.dst = target;
    const m = source.length;
    const degree = new Int32Array(n);
    for (let l = 0; l < m; l++) {
      degree[source[l]]++;
      degree[target[l]]++;
    }
    this.dist = input.links.distance ?? new Float64Array(m).fill(this.o.linkDistance);
    this.str = input.links.strength ?? new Float64Array(m);
    this.bias = new Float64Array(m);
    for (let l = 0; l < m; l++) {
      const a = degree[source[l]];
      const b = degree[target[l]];
      if (!input.links.strength) this.str[l] = 1 / Math.min(a, b);
      this.bias[l] = a / (a + b);
    }
  }

  /** d3's jiggle: a tiny seeded nudge that separates coincident points. */
  private jiggle(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return (this.seed / 4294967296 - 0.5) * 1e-6;
  }

  /** One tick at heat `alpha`; returns the mean distance a node moved. */
  tick(alpha: number): number {
    const { n, x, y, vx, vy } = this;
    this.links(alpha);
    this.manyBody(alpha);
    const g = this.o.gravity * alpha;
    for (let i = 0; i < n; i++) {
      vx[i] += (this.cx - x[i]) * g;
      vy[i] += (this.cy - y[i]) * g;
    }
    if (this.collideStrength > 0 && this.ticks++ % this.collideEvery === 0) this.collide();
    let moved = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      if (this.fixed[i]) {
        vx[i] = vy[i] = 0;
        continue;
      }
      vx[i] *= VELOCITY_DECAY;
      vy[i] *= VELOCITY_DECAY;
      x[i] += vx[i];
      y[i] += vy[i];
      moved += Math.sqrt(vx[i] * vx[i] + vy[i] * vy[i]);
      free++;
    }
    return free > 0 ? moved / free : 0;
  }

  private links(alpha: number): void {
    const { x, y, vx, vy, src, dst, dist, str, bias } = this;
    for (let l = 0; l < src.length; l++) {
      const s = src[l];
      const t = dst[l];
      let dx = x[t] + vx[t] - x[s] - vx[s] || this.jiggle();
      let dy = y[t] + vy[t] - y[s] - vy[s] || this.jiggle();
      let len = Math.sqrt(dx * dx + dy * dy);
      len = ((len - dist[l]) / len) * alpha * str[l];
      dx *= len;
      dy *= len;
      const b = bias[l];
      vx[t] -= dx * b;
      vy[t] -= dy * b;
      vx[s] += dx * (1 - b);
      vy[s] += dy * (1 - b);
    }
  }

  private ensureCells(): void {
    const cap = this.tree.first.length;
    if (this.value.length < cap) {
      this.value = new Float64Array(cap);
      this.qx = new Float64Array(cap);
      this.qy = new Float64Array(cap);
      this.maxR = new Float64Array(cap);
    }
  }

  private manyBody(alpha: number): void {
    const { n, x, y, vx, vy, charge, tree, stack } = this;
    tree.build(x, y, n);
    this.ensureCells();
    const { child, first, next, side } = tree;
    const { value, qx, qy } = this;
    // Strength and strength-weighted centre of every cell, children before parents.
    for (let k = tree.cells - 1; k >= 0; k--) {
      let v = 0;
      let wx = 0;
      let wy = 0;
      let w = 0;
      if (first[k] === INTERNAL) {
        for (let q = 0; q < 4; q++) {
          const c = child[4 * k + q];
          if (c < 0) continue;
          const a = Math.abs(value[c]);
          v += value[c];
          wx += a * qx[c];
          wy += a * qy[c];
          w += a;
        }
        qx[k] = w > 0 ? wx / w : 0;
        qy[k] = w > 0 ? wy / w : 0;
      } else {
        const p = first[k];
        for (let i = p; i >= 0; i = next[i]) v += charge[i];
        qx[k] = p >= 0 ? x[p] : 0;
        qy[k] = p >= 0 ? y[p] : 0;
      }
      value[k] = v;
    }
    const theta2 = this.o.theta * this.o.theta;
    const dmax2 = this.o.chargeDistanceMax * this.o.chargeDistanceMax;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const yi = y[i];
      let fx = 0;
      let fy = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const k = stack[--top];
        if (!value[k]) continue;
        let dx = qx[k] - xi;
        let dy = qy[k] - yi;
        let l = dx * dx + dy * dy;
        const w = side[k];
        if ((w * w) / theta2 < l) {
          if (l < dmax2) {
            if (dx === 0) (dx = this.jiggle()), (l += dx * dx);
            if (dy === 0) (dy = this.jiggle()), (l += dy * dy);
            if (l < DISTANCE_MIN2) l = Math.sqrt(DISTANCE_MIN2 * l);
            fx += (dx * value[k] * alpha) / l;
            fy += (dy * value[k] * alpha) / l;
          }
          continue;
        }
        if (first[k] === INTERNAL) {
          for (let q = 3; q >= 0; q--) {
            const c = child[4 * k + q];
            if (c >= 0) stack[top++] = c;
          }
          continue;
        }
        if (l >= dmax2) continue;
        for (let j = first[k]; j >= 0; j = next[j]) {
          if (j === i) continue;
          let ex = x[j] - xi;
          let ey = y[j] - yi;
          let m = ex * ex + ey * ey;
          if (ex === 0) (ex = this.jiggle()), (m += ex * ex);
          if (ey === 0) (ey = this.jiggle()), (m += ey * ey);
          if (m < DISTANCE_MIN2) m = Math.sqrt(DISTANCE_MIN2 * m);
          fx += (ex * charge[j] * alpha) / m;
          fy += (ey * charge[j] * alpha) / m;
        }
      }
      vx[i] += fx;
      vy[i] += fy;
    }
  }

  /** d3's forceCollide (one iteration): overlapping discs, predicted one tick ahead, push apart. */
  private collide(): void {
    const { n, x, y, vx, vy, radius, tree, stack, px, py } = this;
    const pad = this.o.collidePadding;
    for (let i = 0; i < n; i++) {
      px[i] = x[i] + vx[i];
      py[i] = y[i] + vy[i];
    }
    tree.build(px, py, n);
    this.ensureCells();
    const { child, first, next, cx0, cy0, side } = tree;
    const maxR = this.maxR;
    for (let k = tree.cells - 1; k >= 0; k--) {
      let r = 0;
      if (first[k] === INTERNAL) {
        for (let q = 0; q < 4; q++) {
          const c = child[4 * k + q];
          if (c >= 0 && maxR[c] > r) r = maxR[c];
        }
      } else {
        for (let j = first[k]; j >= 0; j = next[j]) if (radius[j] + pad > r) r = radius[j] + pad;
      }
      maxR[k] = r;
    }
    const strength = this.collideStrength;
    for (let i = 0; i < n; i++) {
      const ri = radius[i] + pad;
      const ri2 = ri * ri;
      const xi = x[i] + vx[i];
      const yi = y[i] + vy[i];
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const k = stack[--top];
        const reach = ri + maxR[k];
        if (cx0[k] > xi + reach || cx0[k] + side[k] < xi - reach || cy0[k] > yi + reach || cy0[k] + side[k] < yi - reach) continue;
        if (first[k] === INTERNAL) {
          for (let q = 3; q >= 0; q--) {
            const c = child[4 * k + q];
            if (c >= 0) stack[top++] = c;
          }
          continue;
        }
        for (let j = first[k]; j >= 0; j = next[j]) {
          if (j <= i) continue;
          const rj = radius[j] + pad;
          const r = ri + rj;
          let dx = xi - x[j] - vx[j];
          let dy = yi - y[j] - vy[j];
          let l = dx * dx + dy * dy;
          if (l >= r * r) continue;
          if (dx === 0) (dx = this.jiggle()), (l += dx * dx);
          if (dy === 0) (dy = this.jiggle()), (l += dy * dy);
          l = Math.sqrt(l);
          l = ((r - l) / l) * strength;
          dx *= l;
          dy *= l;
          const share = (rj * rj) / (ri2 + rj * rj);
          vx[i] += dx * share;
          vy[i] += dy * share;
          vx[j] -= dx * (1 - share);
          vy[j] -= dy * (1 - share);
        }
      }
    }
  }
}

export interface RelaxOptions {
  /** Starting heat (1 = from scratch; lower when positions are already close). */
  alpha: number;
  /** Hard cap on ticks. */
  maxTicks: number;
  /** Stop once the mean displacement per tick falls under this (layout units). */
  tolerance: number;
  /** Least ticks before convergence may stop the run. */
  minTicks?: number;
}

/**
 * Ticks `kernel` with d3's cooling, sped up so that alpha reaches d3's alphaMin
 * (0.001) by `maxTicks`, and stops early when the layout has converged.
 * Returns the ticks run.
 */
export function relax(kernel: ForceKernel, options: RelaxOptions): number {
  const { maxTicks, tolerance } = options;
  let alpha = options.alpha;
  const decay = 1 - Math.pow(0.001 / Math.max(alpha, 0.001), 1 / Math.max(1, maxTicks));
  const minTicks = options.minTicks ?? 3;
  let ticks = 0;
  while (ticks < maxTicks) {
    alpha += (0 - alpha) * decay;
    const moved = kernel.tick(alpha);
    ticks++;
    if (ticks >= minTicks && moved < tolerance) break;
  }
  return ticks;
}
