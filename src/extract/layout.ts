/**
 * Stage 6, lay out: x, y for every node, so the map opens at rest.
 *
 * Each connected component of three or more notes gets its own multilevel
 * layout (layout-multilevel.ts: communities first, then their members,
 * refined by the map's own force model until it converges); the components
 * are packed as discs, the largest in the middle; small components (in
 * shelf rows), orphans and components of one or two notes go to a tidy band
 * under them (layout-pack.ts).
 * Dangling targets and attachments sit beside a note that links them.
 *
 * Deterministic: nodes in sorted key order, seeded Louvain and jiggle, no
 * clock or Math.random, coordinates rounded to 2 decimals.
 */
import { layoutTicks } from '../core/forces.js';
import type { NotemapGraph } from './build-graph.js';
import { sunflower } from './initial-positions.js';
import { round2 } from './round-json.js';
import { hierarchyLevels } from './layout-hierarchy.js';
import { buildLayoutIndex, type LayoutIndex } from './layout-index.js';
import { layoutComponent, NODE_SPACING, type MultilevelScratch } from './layout-multilevel.js';
import { boxOf, packDiscs, placeBand } from './layout-pack.js';

export interface LayoutOptions {
  /** Most refinement ticks per component; default `layoutTicks(node count)`; 0 = no layout, only a spiral. */
  ticks?: number;
  /** Called as components are done with (work done, `total`), for the progress bar. */
  onTick?: (done: number, total: number) => void;
}

/** What graph.json's `layoutTicks` says of a layout that converged: d3's full cooling schedule, so the map only polishes. */
export const SETTLED_TICKS = 300;

/** Components with at least this many notes are laid out by force; smaller ones go to the band. */
const MIN_FORCE_COMPONENT = 3;
/**
 * A component whose disc is under this share of the largest one's radius
 * (about 2% of its area) goes to the band beside the large ones.
 */
const SMALL_COMPONENT_RADIUS = 0.15;
/**
 * Slots of the band's grid: a short label's width apart in a row, a node and
 * its label apart between rows (the map's fitted view of a small vault draws
 * about 1.2 px a unit); never closer than a node's diameter plus a little.
 */
export const BAND_PITCH = { column: 84, row: 30 } as const;
export const BAND_MIN_PITCH = 12;


/** Members of each component and the rows of the band, in a deterministic order. */
function splitPieces(index: LayoutIndex): { components: number[][]; units: number[][] } {
  const byComponent = new Map<number, number[]>();
  const notes = new Map<number, number>();
  const loose: number[] = [];
  for (let i = 0; i < index.n; i++) {
    const c = index.component[i];
    if (c < 0) {
      loose.push(i);
      continue;
    }
    let list = byComponent.get(c);
    if (!list) byComponent.set(c, (list = []));
    list.push(i);
    if (index.isNote[i]) notes.set(c, (notes.get(c) ?? 0) + 1);
  }
  const components: number[][] = [];
  const units: number[][] = [];
  for (const c of [...byComponent.keys()].sort((a, b) => a - b)) {
    const members = byComponent.get(c)!;
    if ((notes.get(c) ?? 0) >= MIN_FORCE_COMPONENT) components.push(members);
    // A band row: the notes, then the ghosts beside them.
    else units.push([...members.filter((m) => index.isNote[m]), ...members.filter((m) => !index.isNote[m])]);
  }
  for (const i of loose) units.push([i]);
  // Pairs before single notes, each by first key: the grid reads in order.
  units.sort((a, b) => b.length - a.length || a[0] - b[0]);
  return { components, units };
}

/** Lays `graph` out and writes rounded `x`, `y` on every node. Returns the graph's `layoutTicks` value. */
export function layoutGraph(graph: NotemapGraph, options: LayoutOptions = {}): number {
  const index = buildLayoutIndex(graph);
  const n = index.n;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const cap = options.ticks ?? layoutTicks(n);
  if (cap <= 0) {
    // No layout asked for: distinct spots on one spiral, never all at the origin.
    for (let i = 0; i < n; i++) {
      const p = sunflower(i, NODE_SPACING);
      x[i] = p.x;
      y[i] = p.y;
    }
  } else layoutPieces(index, hierarchyLevels(graph, index), x, y, cap, options.onTick);
  graph.updateEachNodeAttributes(
    (key, attrs) => {
      const i = index.indexOf.get(key)!;
      attrs.x = round2(x[i]);
      attrs.y = round2(y[i]);
      return attrs;
    },
    { attributes: ['x', 'y'] },
  );
  return cap <= 0 ? 0 : SETTLED_TICKS;
}

function layoutPieces(index: LayoutIndex, levels: Int32Array[], x: Float64Array, y: Float64Array, cap: number, onTick?: (done: number, total: number) => void): void {
  const { components, units } = splitPieces(index);
  const scratch: MultilevelScratch = { mark: new Int32Array(index.n), stamp: 0, x, y };
  const radii: number[] = [];
  let done = 0;
  for (const members of components) {
    layoutComponent(members, index, levels, scratch, cap);
    // Centre the component on its centroid; its disc reaches its farthest node's edge.
    let sx = 0;
    let sy = 0;
    for (const m of members) {
      sx += x[m];
      sy += y[m];
    }
    sx /= members.length;
    sy /= members.length;
    let r = 0;
    for (const m of members) {
      x[m] -= sx;
      y[m] -= sy;
      r = Math.max(r, Math.hypot(x[m], y[m]) + index.radius[m]);
    }
    radii.push(r);
    done += members.length;
    onTick?.(Math.round((done / index.n) * cap), cap);
  }
  // Small components join the band: packed as discs they would ring the large ones.
  const largest = radii.reduce((r, v) => Math.max(r, v), 0);
  const large = components.filter((_m, c) => radii[c] >= SMALL_COMPONENT_RADIUS * largest);
  const small = components.filter((_m, c) => radii[c] < SMALL_COMPONENT_RADIUS * largest);
  const centres = packDiscs(radii.filter((r) => r >= SMALL_COMPONENT_RADIUS * largest), 2 * NODE_SPACING);
  large.forEach((members, c) => {
    for (const m of members) {
      x[m] += centres[c].x;
      y[m] += centres[c].y;
    }
  });
  placeBand(units, boxOf(large.flat(), x, y), BAND_PITCH, BAND_MIN_PITCH, x, y, small);
  onTick?.(cap, cap);
}
