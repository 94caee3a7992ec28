/**
 * groupExtent on a big group (render/group-extent.ts): it reads display data
 * and labels only for the nodes far enough out to bind the fit, and the zoom
 * it gives is the one every node's constraint gives (the 100k map's first
 * frame waited ~1 s on measuring every node).
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { fitScale, groupExtent, MEASURED_LABELS, type FitPoint } from '../../../src/app/render/group-extent.js';
import { seededRandom } from '../../../src/extract/metrics.js';

const LABEL_SIZE = 12;
const SETTINGS: Record<string, unknown> = { labelSize: LABEL_SIZE, labelFont: 'sans-serif', labelWeight: 'normal' };

/** A sigma stand-in: graph units are viewport pixels (x right, y down), framed units the same. */
function fakeSigma(graph: Graph) {
  let reads = 0;
  const identity = (p: { x: number; y: number }) => ({ x: p.x, y: p.y });
  const sigma = {
    getGraph: () => graph,
    getCamera: () => ({ getState: () => ({ x: 0, y: 0, ratio: 1, angle: 0 }) }),
    getSetting: (name: string) => SETTINGS[name],
    graphToViewport: identity,
    viewportToFramedGraph: identity,
    framedGraphToViewport: identity,
    getNodeDisplayData: (key: string) => {
      reads++;
      return { size: graph.getNodeAttribute(key, 'size'), label: graph.getNodeAttribute(key, 'title'), highlighted: false };
    },
  };
  return { sigma: sigma as never, reads: () => reads };
}

describe('groupExtent', () => {
  const random = seededRandom(7);
  const graph = new Graph();
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const r = 400 * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    graph.addNode(`n${i}`, { x: r * Math.cos(a), y: r * Math.sin(a), size: 2 + 6 * random(), title: 'x'.repeat(1 + Math.floor(random() * 60)) });
  }

  it('reads display data only for the outer nodes of a big group, and fits it as every node would', () => {
    const { sigma, reads } = fakeSigma(graph);
    const extent = groupExtent(sigma, graph.nodes())!;
    expect(n).toBeGreaterThan(MEASURED_LABELS);
    expect(reads()).toBeLessThan(n);
    expect(extent.points.length).toBe(reads());
    // Every node's constraint, as groupExtent counts it for a big group: the node, and its label's height below.
    const cx = (extent.cx);
    const cy = (extent.cy);
    const all: FitPoint[] = graph.mapNodes((_k, a) => {
      return { dx: a.x - cx, dy: a.y - cy, half: a.size, up: a.size, down: a.size + LABEL_SIZE + 4 };
    });
    for (const [w, h] of [[1280, 800], [600, 900], [300, 200], [4000, 3000]]) expect(fitScale(extent.points, w, h)).toBeCloseTo(fitScale(all, w, h), 9);
  });

  it('measures every node of a small group, labels included', () => {
    const small = graph.nodes().slice(0, 500);
    const { sigma, reads } = fakeSigma(graph);
    const extent = groupExtent(sigma, small)!;
    expect(extent.points.length).toBe(500);
    expect(reads()).toBe(500);
    const widest = Math.max(...small.map((k) => (Math.min(graph.getNodeAttribute(k, 'title').length, 42) * LABEL_SIZE * 0.55) / 2));
    expect(Math.max(...extent.points.map((p) => p.half))).toBeCloseTo(widest, 6);
  });
});
