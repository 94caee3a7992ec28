/**
 * The layout's pure kernel: d3-force (the shared model of src/core/forces.ts)
 * over typed arrays, stepped in time-boxed batches. The worker is a thin
 * message adapter around it, so this part runs (and is tested) in Node too.
 */
import type { Simulation } from 'd3-force';
import { createLayoutSimulation, type ForceOptions, type LayoutLink, type LayoutNode } from '../../core/forces.js';

/** Heat a drag keeps the simulation at, so the neighbours follow the held node. */
export const DRAG_ALPHA_TARGET = 0.3;

export interface EngineInit {
  /** Starting positions, 2 floats per node. */
  positions: Float32Array;
  /** Collision radius per node. */
  radii: Float32Array;
  /** Pairs of node indices, 2 per link. */
  links: Uint32Array;
  /** Starting heat: low when positions come settled from graph.json, 1 when they are not. */
  alpha: number;
  /** Heat under which the simulation stops (default d3's 0.001). */
  alphaMin?: number;
  /**
   * Most ticks per batch (about one frame; default 50). A relaxation meant to
   * be watched (a filter change) takes a few per frame, so it moves smoothly
   * instead of settling in three frames.
   */
  ticksPerBatch?: number;
  /** 1 for a node that holds its place (the rim of a neighbourhood relaxed around a drag). */
  fixed?: Uint8Array;
  forces?: Partial<ForceOptions>;
}

export class LayoutEngine {
  private readonly nodes: LayoutNode[];
  private readonly simulation: Simulation<LayoutNode, LayoutLink>;

  constructor(init: EngineInit) {
    const n = init.radii.length;
    if (init.positions.length !== 2 * n) throw new Error(`LayoutEngine: positions holds ${init.positions.length} floats, expected ${2 * n} (2 per node)`);
    this.nodes = Array.from({ length: n }, (_, i) => {
      const x = init.positions[2 * i];
      const y = init.positions[2 * i + 1];
      return init.fixed?.[i] ? { x, y, fx: x, fy: y, radius: init.radii[i] } : { x, y, radius: init.radii[i] };
    });
    const links: LayoutLink[] = [];
    for (let i = 0; i + 1 < init.links.length; i += 2) links.push({ source: init.links[i], target: init.links[i + 1] });
    this.simulation = createLayoutSimulation(this.nodes, links, init.forces).alpha(init.alpha);
    if (init.alphaMin !== undefined) this.simulation.alphaMin(init.alphaMin);
  }

  get alpha(): number {
    return this.simulation.alpha();
  }

  /** True when the simulation has cooled below its minimum and nothing keeps it warm. */
  get done(): boolean {
    const s = this.simulation;
    return s.alpha() < s.alphaMin() && s.alphaTarget() < s.alphaMin();
  }

  /**
   * Tick until `budgetMs` have passed (at least one tick, at most `maxTicks`)
   * or the simulation is done. Returns the number of ticks run.
   */
  step(budgetMs: number, maxTicks = 50, now: () => number = () => performance.now()): number {
    const start = now();
    let ticks = 0;
    while (!this.done && ticks < maxTicks) {
      this.simulation.tick();
      ticks++;
      if (now() - start >= budgetMs) break;
    }
    return ticks;
  }

  /** Current positions as a fresh array (ready to be transferred). */
  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2);
    for (let i = 0; i < this.nodes.length; i++) {
      out[2 * i] = this.nodes[i].x ?? 0;
      out[2 * i + 1] = this.nodes[i].y ?? 0;
    }
    return out;
  }

  /** Pin node `index` at (x, y) and warm the simulation up. */
  drag(index: number, x: number, y: number): void {
    const node = this.nodes[index];
    if (!node) return;
    node.fx = node.x = x;
    node.fy = node.y = y;
    this.simulation.alphaTarget(DRAG_ALPHA_TARGET);
    if (this.simulation.alpha() < DRAG_ALPHA_TARGET / 3) this.simulation.alpha(DRAG_ALPHA_TARGET / 3);
  }

  /** Let the simulation cool; the released node stays pinned where it was dropped. */
  release(_index: number): void {
    this.simulation.alphaTarget(0);
  }

  /** Raise the heat to at least `alpha`. */
  reheat(alpha: number): void {
    if (this.simulation.alpha() < alpha) this.simulation.alpha(alpha);
  }
}
