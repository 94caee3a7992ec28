/**
 * How a shown path looks on the map: its notes and links stand out (the
 * links drawn as arrows, since which way each one goes is the point), the
 * rest fades. With no path, the two notes' parts of the map stand out
 * instead. Pure helpers the reducers call (one line each in reducers.ts);
 * while a path is shown they take over from the hover / selection emphasis.
 */
import type { EdgeAttributes } from '../../core/contract.js';
import { mixColor } from '../render/palette.js';
import type { EdgeLook, LookModel, NodeLook } from '../render/reducers.js';
import type { PathView } from './path-view.js';

export interface PathHighlight {
  /** The two notes (first: where the path starts). */
  ends: readonly [string, string];
  /** Notes drawn strong: the path's, or with no path both ends' parts. */
  nodes: ReadonlySet<string>;
  /** Links drawn strong: the path's hops (none when there is no path). */
  edges: ReadonlySet<string>;
  found: boolean;
}

/** Path links, thicker than a hovered note's (1.6), so the route reads at a glance. */
export const PATH_EDGE_SIZE = 2.4;
/** Labels are forced on every note of a path, and on the parts' notes when there are at most this many. */
const MAX_PART_LABELS = 40;

const highlights = new WeakMap<PathView, PathHighlight>();

/** The highlight of a path view (memoized per view: the parts of a big vault are big sets). */
export function pathHighlight(view: PathView | null): PathHighlight | null {
  if (view === null) return null;
  let h = highlights.get(view);
  if (!h) {
    const found = view.path.nodes.length > 0;
    const nodes = found ? new Set(view.path.nodes) : new Set([...view.parts!.from, ...view.parts!.to]);
    h = { ends: [view.from, view.to], nodes, edges: new Set(view.path.hops.map((hop) => hop.edge)), found };
    highlights.set(view, h);
  }
  return h;
}

/**
 * A visible node's look under a path (`look` is its plain look, before any
 * hover emphasis). The hovered node (on the map, or a note pointed at in the
 * path panel) stands out as the ends do, so the two lists can be matched.
 */
export function pathNodeLook(key: string, look: NodeLook, h: PathHighlight, m: LookModel): NodeLook {
  const p = m.palette;
  if (key === h.ends[0] || key === h.ends[1] || key === m.hovered) return { ...look, highlighted: true, forceLabel: true, zIndex: 3 };
  if (h.nodes.has(key)) return { ...look, forceLabel: h.found || h.nodes.size <= MAX_PART_LABELS, zIndex: 2 };
  return {
    ...look,
    color: mixColor(look.color ?? p.labelMuted, p.background, p.fade),
    ringColor: look.ringColor ? mixColor(look.ringColor, p.background, p.fade) : look.ringColor,
    label: null,
    zIndex: 0,
  };
}

/** A visible link's look under a path. */
export function pathEdgeLook(edge: string, _attrs: EdgeAttributes, look: EdgeLook, h: PathHighlight, m: LookModel): EdgeLook {
  const p = m.palette;
  if (h.edges.has(edge)) return { ...look, type: 'arrow', color: mixColor(p.label, p.background, 0.1), size: PATH_EDGE_SIZE, zIndex: 2 };
  // No path: the links inside the two parts keep their look, so each part reads as a whole.
  if (!h.found && h.nodes.has(m.graph.source(edge)) && h.nodes.has(m.graph.target(edge))) return look;
  return { ...look, color: p.edgeFaded, zIndex: 0 };
}
