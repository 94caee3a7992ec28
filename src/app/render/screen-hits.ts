/**
 * The hit index of what sigma drew last (hit-index.ts): every shown node's
 * centre and radius on screen, and the links between shown nodes as screen
 * segments. The renderer keeps one per frame.
 */
import { buildHitIndex, type HitIndex, type ScreenEdge, type ScreenNode } from './hit-index.js';
import type { MapGraph } from '../state/visibility.js';
import type { MapSigma } from './renderer.js';

export function measureHitIndex(sigma: MapSigma, graph: MapGraph, visible: Iterable<string>): HitIndex {
  const nodes: ScreenNode[] = [];
  const at = new Map<string, ScreenNode>();
  for (const key of visible) {
    const d = sigma.getNodeDisplayData(key);
    if (!d || d.hidden) continue;
    const v = sigma.framedGraphToViewport(d);
    const n = { key, x: v.x, y: v.y, r: sigma.scaleSize(d.size) };
    nodes.push(n);
    at.set(key, n);
  }
  const edges: ScreenEdge[] = [];
  graph.forEachEdge((key, _attrs, source, target) => {
    const a = at.get(source);
    const b = at.get(target);
    if (a !== undefined && b !== undefined) edges.push({ key, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  });
  const { width, height } = sigma.getDimensions();
  return buildHitIndex(nodes, edges, width, height);
}
