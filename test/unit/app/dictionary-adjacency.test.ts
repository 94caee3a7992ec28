// Dictionary-mode adjacency (a speed-up of building a big graph) changes nothing graphology answers, and it
// finds graphology's node data: a graphology upgrade that moves it fails here instead of silently slowing the map.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { useDictionaryAdjacency } from '../../../src/app/dictionary-adjacency.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';

const keys = ['a.md', 'b/c.md', 'd e.md', '?ghost', '@img.png'];
const links: [string, string][] = [['a.md', 'b/c.md'], ['b/c.md', 'a.md'], ['a.md', '?ghost'], ['d e.md', 'b/c.md'], ['a.md', '@img.png']];

function build(dictionary: boolean): MapGraph {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false }) as unknown as MapGraph;
  for (const key of keys) graph.addNode(key, { title: key } as never);
  if (dictionary) useDictionaryAdjacency(graph);
  links.forEach(([s, t], i) => graph.addDirectedEdgeWithKey(`e${i}`, s, t, { count: 1 } as never));
  return graph;
}

describe('useDictionaryAdjacency', () => {
  it('replaces the adjacency objects of graphology node data', () => {
    const graph = new Graph({ type: 'directed' }) as unknown as MapGraph;
    graph.addNode('a.md', {} as never);
    const data = (graph as unknown as { _nodes: Map<string, { in: object; out: object }> })._nodes.get('a.md')!;
    const before = data.out;
    useDictionaryAdjacency(graph);
    expect(data.out).not.toBe(before);
    expect(Object.keys(data.out)).toEqual([]);
    expect(Object.getPrototypeOf(data.out)).toBe(Object.prototype);
  });

  it('gives the same answers as a graph built without it', () => {
    const plain = build(false);
    const dict = build(true);
    expect(dict.export()).toEqual(plain.export());
    for (const a of keys) {
      expect(dict.outNeighbors(a)).toEqual(plain.outNeighbors(a));
      expect(dict.inNeighbors(a)).toEqual(plain.inNeighbors(a));
      expect(dict.edges(a)).toEqual(plain.edges(a));
      for (const b of keys) {
        expect(dict.hasDirectedEdge(a, b)).toBe(plain.hasDirectedEdge(a, b));
        expect(dict.areOutNeighbors(a, b)).toBe(plain.areOutNeighbors(a, b));
        expect(dict.edge(a, b)).toBe(plain.edge(a, b));
      }
    }
    dict.dropNode('b/c.md');
    plain.dropNode('b/c.md');
    expect(dict.export()).toEqual(plain.export());
  });

  it('leaves nodes that already have links alone', () => {
    const graph = build(false);
    const data = (graph as unknown as { _nodes: Map<string, { out: object }> })._nodes.get('a.md')!;
    const before = data.out;
    useDictionaryAdjacency(graph);
    expect(data.out).toBe(before);
  });
});
