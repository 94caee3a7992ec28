/**
 * How each node and edge looks, derived from the view state, the visible set,
 * the tag colors and what the pointer is on. Pure: the renderer installs
 * `nodeLook` / `edgeLook` once as sigma's reducers over a `LookModel` it
 * replaces when something changes, and the graph itself is never touched.
 */
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from '../../core/contract.js';
import type { ViewState } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';
import { mixColor, type CanvasPalette } from './palette.js';
import { healthEdgeLook, healthNodeLook } from './health-look.js';
import { pathEdgeLook, pathNodeLook, type PathHighlight } from '../path/path-look.js';

/** What the looks are drawn from; the renderer rebuilds it on every change. */
export interface LookModel {
  graph: MapGraph;
  state: ViewState;
  /** Keys of the nodes to draw (the rest are hidden). */
  visible: ReadonlySet<string>;
  /** Fill color of a node (a note's from its tags; neutrals for the others). */
  colorOf(key: string): string;
  /** Fill of a dangling target: a grey that reads as translucent. */
  ghostColor: string;
  /** On-screen size of a node from its attributes (backlinks, kind) and the size option. */
  sizeOf(key: string, attrs: NodeAttributes): number;
  palette: CanvasPalette;
  /** Size multiplier for crowding (1 = uncrowded; see density.ts). */
  density: number;
  /** The hovered node, or null. */
  hovered: string | null;
  /** The hovered node and its neighbours (empty when nothing is hovered). */
  hoverSet: ReadonlySet<string>;
  /** The selected node and its neighbours (empty when nothing is selected). */
  selectSet: ReadonlySet<string>;
  /** The link under the pointer, drawn stronger (null: none). */
  hoveredEdge?: string | null;
  /** Fill of a note without a tag color (its links take a stronger color than this grey). */
  neutralColor?: string;
  /** The path shown by "path to…" (path/path-look.ts); while there is one it decides the emphasis. */
  path?: PathHighlight | null;
  /**
   * False on a big map: a hover emphasises the hovered node's neighbourhood
   * without fading the rest, so it changes the looks of that neighbourhood
   * only (hover-refresh.ts). A selection still fades the rest. Default true.
   */
  hoverFadesRest?: boolean;
}

/** True when the emphasis comes from a hover that leaves the rest of the map as it was. */
export function hoverKeepsRest(m: LookModel, centre: string | null): boolean {
  return centre !== null && centre === m.hovered && m.hoverFadesRest === false;
}

/**
 * The node whose neighbourhood stands out, and that neighbourhood: the
 * hovered node, else the selected one (a selection stays emphasised as a
 * hover does, until it is cleared); null when neither is shown.
 */
export function focusOf(m: LookModel): { centre: string | null; set: ReadonlySet<string> } {
  if (m.hovered !== null) return { centre: m.hovered, set: m.hoverSet };
  const selected = m.state.selected;
  if (selected !== null && m.visible.has(selected) && m.selectSet.has(selected)) return { centre: selected, set: m.selectSet };
  return { centre: null, set: m.selectSet };
}

/** Node display data plus the attributes our programs and label drawers read. */
export type NodeLook = Partial<NodeDisplayData> & { labelColor?: string; ringColor?: string };
export type EdgeLook = Partial<EdgeDisplayData>;

/** Neighbourhoods above this size only force the labels of the centre (the label grid does the rest). */
export const MAX_FORCED_LABELS = 40;

/** Orphans are never drawn smaller than this (before crowding), so their ring shows. */
export const ORPHAN_MIN_SIZE = 7;

/** Edge thickness in sigma units. */
export const EDGE_SIZE = 0.8;
export const EDGE_SIZE_FOCUS = 1.6;

/** The set {node} ∪ neighbours(node), both directions. */
export function neighbourSet(graph: MapGraph, node: string): Set<string> {
  const set = new Set<string>([node]);
  graph.forEachNeighbor(node, (n) => set.add(n));
  return set;
}

/**
 * The look of one node. sigma replaces a node's display data with what the
 * reducer returns, so every look carries position, size and type, hidden
 * ones included; and the type depends only on the node (never on the view),
 * so that looks-only refreshes can keep sigma's program indices.
 */
export function nodeLook(key: string, attrs: NodeAttributes, m: LookModel): NodeLook {
  const p = m.palette;
  const look: NodeLook = {
    x: attrs.x,
    y: attrs.y,
    label: attrs.title,
    size: m.sizeOf(key, attrs),
    labelColor: p.label,
    zIndex: 1,
    type: 'circle',
  };
  if (attrs.kind === 'dangling') {
    look.color = m.ghostColor;
    look.labelColor = p.labelMuted;
    look.zIndex = 0;
  } else if (attrs.kind === 'attachment') {
    look.color = m.colorOf(key);
    look.labelColor = p.labelMuted;
    look.zIndex = 0;
  } else {
    look.color = m.colorOf(key);
    if (attrs.orphan) {
      // The ring takes part of the radius: grow the node so its fill stays readable.
      look.type = 'orphan';
      look.ringColor = p.orphanRing;
      look.size = Math.max((look.size ?? 1) * 1.6, ORPHAN_MIN_SIZE * m.density);
    }
  }
  if (!m.visible.has(key)) {
    look.hidden = true;
    look.label = null;
    return look;
  }
  if (m.path) return pathNodeLook(key, look, m.path, m);
  if (m.state.healthShow) return healthNodeLook(m.state.healthShow, key, attrs, look, m);

  const selected = m.state.selected === key;
  const focus = focusOf(m);
  if (focus.centre !== null) {
    if (key === focus.centre) {
      look.highlighted = true;
      look.forceLabel = true;
      look.zIndex = 3;
    } else if (focus.set.has(key)) {
      look.forceLabel = focus.set.size <= MAX_FORCED_LABELS;
      look.zIndex = 2;
    } else if (!hoverKeepsRest(m, focus.centre)) {
      look.color = mixColor(look.color ?? p.labelMuted, p.background, p.fade);
      if (look.ringColor) look.ringColor = mixColor(look.ringColor, p.background, p.fade);
      look.label = selected ? look.label : null;
      look.zIndex = 0;
    }
  }
  if (selected) {
    look.highlighted = true;
    look.forceLabel = true;
    look.zIndex = 3;
  }
  return look;
}

/**
 * Looks of edges drawn plain (nothing hovered, selected, on a path or in the
 * health view), one object per kind shared by every edge of that kind: a big
 * map's indexing allocates none. sigma keeps the reducer's object as the
 * edge's display data and only fills in its missing defaults (the same for
 * all), and getEdgeDisplayData hands out copies, so sharing is safe.
 */
const plainLooks = new WeakMap<LookModel, EdgeLook[]>();

function plainEdgeLook(m: LookModel, toGhost: boolean, repeated: boolean): EdgeLook {
  let looks = plainLooks.get(m);
  if (!looks) plainLooks.set(m, (looks = []));
  const i = (toGhost ? 1 : 0) + (repeated ? 2 : 0);
  return (looks[i] ??= {
    type: m.state.arrows ? 'arrow' : 'line',
    color: toGhost ? m.palette.edgeGhost : m.palette.edge,
    size: EDGE_SIZE * (repeated ? 1.3 : 1),
    zIndex: 0,
  });
}

/** The look of one edge. */
export function edgeLook(edge: string, attrs: EdgeAttributes, m: LookModel): EdgeLook {
  const source = m.graph.source(edge);
  const target = m.graph.target(edge);
  const p = m.palette;
  const toGhost = m.graph.getNodeAttribute(target, 'kind') !== 'note';
  // The common case (a map as it opens, or a big map's hover elsewhere): a shared look, no allocation.
  const { centre } = focusOf(m);
  const plainFocus = centre === null || (hoverKeepsRest(m, centre) && source !== centre && target !== centre);
  if (!m.path && !m.state.healthShow && m.hoveredEdge !== edge && m.visible.has(source) && m.visible.has(target) && plainFocus) {
    return plainEdgeLook(m, toGhost, attrs.count > 1);
  }
  const look: EdgeLook = {
    type: m.state.arrows ? 'arrow' : 'line',
    color: toGhost ? p.edgeGhost : p.edge,
    size: EDGE_SIZE * (attrs.count > 1 ? 1.3 : 1),
    zIndex: 0,
  };
  if (!m.visible.has(source) || !m.visible.has(target)) {
    look.hidden = true;
    return look;
  }
  if (m.path) return pathEdgeLook(edge, attrs, look, m.path, m);
  if (m.state.healthShow) return healthEdgeLook(m.state.healthShow, target, look, m);
  // The edges of the hovered node (or, when nothing is hovered, of the selected one) take its color;
  // a note without a tag color (a grey close to the edges') gives them the label color, so they stay visible.
  if (centre !== null && (source === centre || target === centre)) {
    const kind = m.graph.getNodeAttribute(centre, 'kind');
    const own = kind === 'note' ? m.colorOf(centre) : p.labelMuted;
    const base = own === m.neutralColor || kind !== 'note' ? p.label : own;
    look.color = mixColor(base, p.background, own === base ? 0.15 : 0.45);
    look.size = EDGE_SIZE_FOCUS;
    look.zIndex = 1;
  } else if (centre !== null && !hoverKeepsRest(m, centre)) {
    look.color = p.edgeFaded;
  }
  if (m.hoveredEdge === edge) {
    look.color = mixColor(p.label, p.background, 0.25);
    look.size = EDGE_SIZE_FOCUS * 1.25;
    look.zIndex = 2;
  }
  return look;
}
