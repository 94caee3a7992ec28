/**
 * sigma settings that keep a big map responsive. Software WebGL (and slow
 * GPUs) spend most of a frame drawing edges: while the camera moves, a big
 * map draws its nodes only, and hover hit-testing of edges (which draws every
 * edge a second time into sigma's picking buffer) is kept to maps where it is
 * cheap.
 */
import type { MapSettings } from './settings.js';

/** Above this many edges, edges are hidden while panning or zooming. */
export const HIDE_EDGES_ON_MOVE = 20_000;
/** Above this many edges, hovering an edge shows nothing (no picking pass for edges). */
export const EDGE_EVENTS_MAX = 50_000;
/** Above this many nodes, labels are hidden while the camera moves. */
export const HIDE_LABELS_ON_MOVE = 20_000;

export function performanceSettings(nodes: number, edges: number): MapSettings {
  return {
    hideEdgesOnMove: edges > HIDE_EDGES_ON_MOVE,
    hideLabelsOnMove: nodes > HIDE_LABELS_ON_MOVE,
    enableEdgeEvents: edges <= EDGE_EVENTS_MAX,
  };
}
