/**
 * Relaxing what a filter leaves shown, as Obsidian's graph does: the shown
 * nodes (and only the links between them) are simulated again from where
 * they are, at a moderate heat, so they close up the gaps the hidden ones
 * left without jumping. Hidden nodes stay out of the simulation and keep
 * their positions for when they come back. The shown nodes are simulated
 * around their own centre, so the pull to the centre gathers them where
 * they are instead of dragging a corner of the map into the middle (where it
 * would land on the hidden nodes when the filter is lifted).
 */
import { layoutRadius } from '../../core/forces.js';
import type { MapGraph } from '../state/visibility.js';
import type { InitMessage } from './protocol.js';

/** Heat a filter change gives the shown nodes (a layout from scratch starts at 1). */
export const RELAX_ALPHA = 0.3;
/** Ticks per frame: the ~180 ticks from RELAX_ALPHA down to the stopping heat take about a second to watch. */
export const RELAX_TICKS_PER_BATCH = 3;
/** Above this many shown nodes a filter change does not relax the layout (each frame would re-index them all). */
export const RELAX_MAX_NODES = 20_000;

/**
 * The worker's init message for relaxing `shown`: their current positions,
 * collision radii, and the links whose two ends are both shown. Keys are in
 * graph order, so the same view gives the same simulation.
 */
export function buildRelaxMessage(
  graph: MapGraph,
  shown: ReadonlySet<string>,
  alpha: number,
  alphaMin: number,
): { message: InitMessage; keys: string[]; origin: { x: number; y: number } } {
  const keys = graph.filterNodes((key) => shown.has(key));
  const index = new Map(keys.map((k, i) => [k, i]));
  const positions = new Float32Array(keys.length * 2);
  const radii = new Float32Array(keys.length);
  // The simulation's (0, 0), where its pull to the centre points: the shown nodes' centroid.
  let sx = 0;
  let sy = 0;
  for (const key of keys) {
    const a = graph.getNodeAttributes(key);
    sx += a.x;
    sy += a.y;
  }
  const origin = keys.length === 0 ? { x: 0, y: 0 } : { x: sx / keys.length, y: sy / keys.length };
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    positions[2 * i] = a.x - origin.x;
    positions[2 * i + 1] = a.y - origin.y;
    radii[i] = layoutRadius(a.inDegree ?? 0);
  });
  const links: number[] = [];
  graph.forEachEdge((_edge, _attrs, source, target) => {
    const s = index.get(source);
    const t = index.get(target);
    if (s !== undefined && t !== undefined) links.push(s, t);
  });
  const message: InitMessage = { type: 'init', positions, radii, links: Uint32Array.from(links), alpha, alphaMin, ticksPerBatch: RELAX_TICKS_PER_BATCH };
  return { message, keys, origin };
}
