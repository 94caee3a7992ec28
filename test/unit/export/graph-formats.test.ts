import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeGraphAs } from '../../../src/extract/export-graph.js';
import { toGexf } from '../../../src/core/export/gexf.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';

// The sample vault, built as `notemap graph` builds it; each format read back by graphology's own parsers.
let graph: NotemapGraph;
let json: { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { source: string; target: string; attributes: Record<string, unknown> }[] };

beforeAll(async () => {
  ({ graph } = await runPipeline('data/vault', { layoutTicks: 5, builtAt: '2000-01-01T00:00:00.000Z' }));
  json = JSON.parse(serializeGraphAs(graph, 'json').join(''));
});

describe('graph exports', () => {
  it('GEXF: every node with its title as label, attributes, position and color, every edge with its count', () => {
    const back = gexf.parse(Graph, serializeGraphAs(graph, 'gexf').join(''));
    expect(back.order).toBe(json.nodes.length);
    expect(back.size).toBe(json.edges.length);
    for (const { key, attributes: a } of json.nodes) {
      const b = back.getNodeAttributes(key);
      expect(b.label).toBe(a.title);
      expect(b.kind).toBe(a.kind);
      expect(b.x).toBeCloseTo(a.x as number, 5);
      expect(b.y).toBeCloseTo(a.y as number, 5);
      expect(b.color).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
      expect(b.size).toBeGreaterThan(0);
      expect(b.inDegree).toBe(a.inDegree);
      if (a.kind === 'note') {
        expect(b.pagerank).toBeCloseTo(a.pagerank as number, 9);
        expect(b.tags ?? []).toEqual(a.tags);
        expect(b.created ?? null).toBe(a.created);
        expect(b.orphan).toBe(a.orphan);
        expect(b.community).toBe(a.community);
      }
    }
    for (const { source, target, attributes: a } of json.edges) {
      const e = back.edge(source, target)!;
      expect(e).toBeDefined();
      expect(back.getEdgeAttribute(e, 'weight')).toBe(a.count);
      expect(back.getEdgeAttribute(e, 'kinds')).toEqual(a.kinds);
      // The writer leaves empty values out.
      expect(back.getEdgeAttribute(e, 'context') ?? '').toBe(a.context);
    }
  });

  it('GraphML: every node with its attributes, position and r, g, b color, every edge with its count', () => {
    const back = graphml.parse(Graph, serializeGraphAs(graph, 'graphml').join(''));
    expect(back.order).toBe(json.nodes.length);
    expect(back.size).toBe(json.edges.length);
    for (const { key, attributes: a } of json.nodes) {
      const b = back.getNodeAttributes(key);
      expect(b.label).toBe(a.title);
      expect(b.title).toBe(a.title);
      expect(b.x).toBeCloseTo(a.x as number, 5);
      expect(b.y).toBeCloseTo(a.y as number, 5);
      // The parser turns Gephi's r, g, b keys into one color.
      expect(b.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(b.inDegree).toBe(a.inDegree);
      if (a.kind === 'note') {
        expect(b.tags.split(' ').filter(Boolean)).toEqual(a.tags);
        expect(b.created ?? null).toBe(a.created);
        expect(b.draft).toBe(a.draft);
        expect(b.words).toBe(a.words);
      }
    }
    for (const { source, target, attributes: a } of json.edges) {
      const e = back.edge(source, target)!;
      expect(back.getEdgeAttribute(e, 'count')).toBe(a.count);
      expect(back.getEdgeAttribute(e, 'context')).toBe(a.context);
    }
  });

  it('a note whose text breaks XML (&, <, quotes, control characters) still gives files the parsers read', () => {
    const g = graph.copy() as NotemapGraph;
    const key = g.nodes()[0];
    g.setNodeAttribute(key, 'title', 'a & b <c> "d" \'e\' \u0007bell');
    const fromGexf = gexf.parse(Graph, serializeGraphAs(g, 'gexf').join(''));
    const fromGraphml = graphml.parse(Graph, serializeGraphAs(g, 'graphml').join(''));
    expect(fromGraphml.getNodeAttribute(key, 'title')).toBe('a & b <c> "d" \'e\' bell');
    expect(fromGexf.getNodeAttribute(key, 'label')).toContain('a & b <c> "d"');
  });
});

describe('graph exports of what is shown', () => {
  it('keeps only the nodes asked for and the edges between them', () => {
    const keys = new Set(graph.nodes().slice(0, 10));
    const back = graphml.parse(Graph, serializeGraphAs(graph, 'graphml').join(''));
    expect(back.order).toBe(graph.order);
    const shown = gexf.parse(Graph, toGexf(graph, { keep: (k) => keys.has(k) }));
    expect(shown.nodes().sort()).toEqual([...keys].sort());
    const between = graph.filterEdges((_e, _a, s, t) => keys.has(s) && keys.has(t)).length;
    expect(shown.size).toBe(between);
  });
});
