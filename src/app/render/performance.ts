/**
 * sigma settings that keep a big map responsive. Software WebGL (and slow
 * GPUs) spend most of a frame drawing: while the camera moves, a big map
 * draws its nodes only, and hover hit-testing of edges (which draws every
 * edge a second time into sigma's picking buffer) is kept to maps where it is
 * cheap. A big map also draws with lighter programs (lightPrograms below).
 */
import type { MapSettings } from './settings.js';

/** Above this many edges, edges are hidden while panning or zooming. */
export const HIDE_EDGES_ON_MOVE = 20_000;
/** Above this many edges, hovering an edge shows nothing (no picking pass for edges). */
export const EDGE_EVENTS_MAX = 50_000;
/** Above this many nodes, labels are hidden while the camera moves. */
export const HIDE_LABELS_ON_MOVE = 20_000;
/** Above this many edges, links are drawn as one-pixel lines. */
export const HAIRLINE_EDGES = 20_000;
/** Above this many nodes, plain discs are drawn as round points. */
export const POINT_NODES = 5_000;
/** Above this many nodes, a hover highlights once the pointer rests (HOVER_REST_MS). */
export const HOVER_REST_NODES = 20_000;
export const HOVER_REST_MS = 120;

/**
 * How long the pointer rests on a node before the map highlights it. A
 * highlight fades every other node and link, so it redraws all of them: at
 * 100,000 notes ~0.8 s of reducers and a full frame (~0.9 s in software
 * WebGL). Crossing a big map passed over dozens of nodes, each one such
 * freeze; a highlight waits for the pointer to stop there (the cursor and
 * tooltips do not). The same for a link under the pointer.
 */
export function hoverRestMs(nodes: number): number {
  return nodes > HOVER_REST_NODES ? HOVER_REST_MS : 0;
}

export function performanceSettings(nodes: number, edges: number): MapSettings {
  return {
    hideEdgesOnMove: edges > HIDE_EDGES_ON_MOVE,
    hideLabelsOnMove: nodes > HIDE_LABELS_ON_MOVE,
    enableEdgeEvents: edges <= EDGE_EVENTS_MAX,
  };
}

/** Which lighter WebGL programs a map draws with (light-programs.ts swaps them in). */
export interface LightPrograms {
  /** Links as one-pixel lines (two vertices each) instead of feathered quads (six, instanced). */
  hairlineEdges: boolean;
  /** Plain discs as round points (one vertex each) instead of instanced triangles. */
  pointNodes: boolean;
}

/**
 * Measured in headless Chromium's software WebGL on a 10,000-note map
 * (28,000 links), one full frame: links 440 ms as quads, 110 ms as lines;
 * discs 210 ms as triangles (half of it sigma's picking pass), 15 ms as
 * points; the whole frame 680 ms, then 125 ms. At those densities a link's
 * width does not read (its color does: hover and selection still tint it),
 * and a point is drawn as the same antialiased disc. What points give up:
 * a GPU's point size cap (at least 64 px on desktop GPUs) on a hub zoomed far
 * in, and a point whose centre leaves the view is not drawn at all.
 */
export function lightPrograms(nodes: number, edges: number): LightPrograms {
  return { hairlineEdges: edges > HAIRLINE_EDGES, pointNodes: nodes > POINT_NODES };
}
