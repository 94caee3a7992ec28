/**
 * New nodes and edges grow in over a short moment instead of popping up:
 * sigma's reducers (installed by src/app/render) are wrapped for the
 * duration, scaling the new items' size from 0 to their own, then put back.
 * The wrapped reducers still decide every look; only size is scaled.
 */
import type { MapSigma } from '../render/renderer.js';

/** Milliseconds the growth takes. */
export const FADE_MS = 600;

type Reducer = (key: string, data: never) => Record<string, unknown>;

/** Starts the growth; returns a stopper (idempotent) that puts the reducers back at once. */
export function fadeIn(sigma: MapSigma, nodes: readonly string[], edges: readonly string[]): () => void {
  if (nodes.length === 0 && edges.length === 0) return () => undefined;
  const newNodes = new Set(nodes);
  const newEdges = new Set(edges);
  const nodeReducer = sigma.getSetting('nodeReducer') as Reducer | null;
  const edgeReducer = sigma.getSetting('edgeReducer') as Reducer | null;
  const start = performance.now();
  let t = 0;
  const scale = (look: Record<string, unknown>): Record<string, unknown> =>
    typeof look.size === 'number' ? { ...look, size: Math.max(0.1, look.size * t) } : look;
  const wrappedNode = (key: string, data: never): Record<string, unknown> => {
    const look = nodeReducer ? nodeReducer(key, data) : (data as Record<string, unknown>);
    return newNodes.has(key) ? scale(look) : look;
  };
  const wrappedEdge = (key: string, data: never): Record<string, unknown> => {
    const look = edgeReducer ? edgeReducer(key, data) : (data as Record<string, unknown>);
    return newEdges.has(key) ? scale(look) : look;
  };
  sigma.setSetting('nodeReducer', wrappedNode as never);
  sigma.setSetting('edgeReducer', wrappedEdge as never);
  let frame: number | null = null;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (frame !== null) cancelAnimationFrame(frame);
    // Put back what was there, unless the renderer has installed new reducers since.
    if (sigma.getSetting('nodeReducer') === (wrappedNode as never)) sigma.setSetting('nodeReducer', nodeReducer as never);
    if (sigma.getSetting('edgeReducer') === (wrappedEdge as never)) sigma.setSetting('edgeReducer', edgeReducer as never);
  };
  const step = (): void => {
    t = Math.min(1, (performance.now() - start) / FADE_MS);
    try {
      // The caller has let sigma index the new items (mount-live.ts): only their looks change here.
      const graph = sigma.getGraph();
      const partialGraph = { nodes: [...newNodes].filter((k) => graph.hasNode(k)), edges: [...newEdges].filter((k) => graph.hasEdge(k)) };
      sigma.refresh({ partialGraph, skipIndexation: true });
    } catch (error) {
      // A node removed mid-growth: stop growing, the map is drawn anyway.
      console.warn('notemap: fade-in stopped', error);
      t = 1;
    }
    if (t < 1) frame = requestAnimationFrame(step);
    else stop();
  };
  frame = requestAnimationFrame(step);
  return stop;
}
