/**
 * A big map's hover (hoverFadesRest false) changes the looks of the hovered
 * neighbourhood only, and hoverChangedItems names every item whose look
 * changed: the renderer re-runs the reducers on those alone.
 */
import { describe, expect, it } from 'vitest';
import { edgeLook, neighbourSet, nodeLook, type LookModel } from '../../../src/app/render/reducers.js';
import { edgeHoverChangedItems, hoverChangedItems } from '../../../src/app/render/hover-refresh.js';
import { sampleGraph } from './graph-fixture.js';
import { lookModel } from './look-model.js';

const graph = sampleGraph();

function model(hovered: string | null, hoverFadesRest: boolean, selected: string | null = null, hoveredEdge: string | null = null): LookModel {
  return lookModel(graph, { selected }, hovered, { hoveredEdge, hoverFadesRest });
}

/** Keys of the nodes and edges whose looks differ between two models. */
function changed(a: LookModel, b: LookModel): { nodes: string[]; edges: string[] } {
  const nodes = graph.filterNodes((k, attrs) => JSON.stringify(nodeLook(k, attrs, a)) !== JSON.stringify(nodeLook(k, attrs, b)));
  const edges = graph.filterEdges((e, attrs) => JSON.stringify(edgeLook(e, attrs, a)) !== JSON.stringify(edgeLook(e, attrs, b)));
  return { nodes, edges };
}

const hub = graph.nodes().reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best));
const other = graph.nodes().find((k) => k !== hub && graph.degree(k) > 0 && !graph.areNeighbors(k, hub))!;

describe('hover on a big map', () => {
  it('fades nothing outside the hovered neighbourhood (a small map fades the rest)', () => {
    const big = changed(model(null, false), model(hub, false));
    expect(big.nodes.length).toBeGreaterThan(0);
    for (const k of big.nodes) expect(neighbourSet(graph, hub).has(k)).toBe(true);
    for (const e of big.edges) expect(graph.extremities(e)).toContain(hub);
    const small = changed(model(null, true), model(hub, true));
    expect(small.nodes.length).toBeGreaterThan(big.nodes.length);
  });

  it('names every item whose look changed, moving from one note to another and off the map', () => {
    const steps: [string | null, string | null][] = [[null, hub], [hub, other], [other, null]];
    for (const [from, to] of steps) {
      const a = model(from, false);
      const b = model(to, false);
      const items = hoverChangedItems(graph, { centre: from, set: a.hoverSet }, { centre: to, set: b.hoverSet });
      const truth = changed(a, b);
      for (const k of truth.nodes) expect(items.nodes).toContain(k);
      for (const e of truth.edges) expect(items.edges).toContain(e);
    }
  });

  it('still fades the rest around a selection', () => {
    const m = model(null, false, hub);
    const far = graph.nodes().find((k) => !neighbourSet(graph, hub).has(k) && m.visible.has(k))!;
    expect(nodeLook(far, graph.getNodeAttributes(far), m).color).not.toBe(nodeLook(far, graph.getNodeAttributes(far), model(null, false)).color);
  });

  it('a link under the pointer changes that link only', () => {
    const [e1, e2] = graph.edges();
    const truth = changed(model(null, true, null, e1), model(null, true, null, e2));
    expect(truth.nodes).toEqual([]);
    expect(new Set(truth.edges)).toEqual(new Set(edgeHoverChangedItems(graph, e1, e2).edges));
  });
});
