// Dictionary-mode adjacency objects (dictionary-adjacency.ts): applied to graphology's graphs as the
// build uses them, and the graph answers every question exactly as it does without them.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { useDictionaryAdjacency } from '../../../src/core/dictionary-adjacency.js';

// Integer-like keys ('2024') come first in a for...in over an object, in both modes: kept here to show it.
// (Object.prototype's names, '__proto__' or 'toString', cannot be graphology targets in either mode; notemap's
// keys end in an extension or start with ? or @.)
const KEYS = ['b.md', 'a.md', '2024', '10', 'c/d.md', '?ghost', '@img/x.png', 'e.md'];
const EDGES: [string, string][] = [
  ['a.md', 'b.md'],
  ['a.md', '?ghost'],
  ['e.md', 'a.md'],
  ['2024', '10'],
  ['10', 'a.md'],
  ['a.md', '2024'],
  ['a.md', 'e.md'],
  ['c/d.md', '@img/x.png'],
  ['e.md', 'b.md'],
];

function graph(dictionaries: boolean): { g: Graph; changed: number } {
  const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const k of KEYS) g.addNode(k, { k });
  const changed = dictionaries ? useDictionaryAdjacency(g) : 0;
  EDGES.forEach(([s, t], i) => g.addDirectedEdgeWithKey(`e${i}`, s, t, { i }));
  return { g, changed };
}

describe('useDictionaryAdjacency', () => {
  it('applies to every node of a graphology graph without edges (fails when a graphology upgrade changes its internals)', () => {
    const { changed } = graph(true);
    expect(changed).toBe(KEYS.length);
  });

  it('leaves the graph answering as before: export, neighbours in order, edge look-ups, degrees', () => {
    const plain = graph(false).g;
    const dict = graph(true).g;
    expect(dict.export()).toEqual(plain.export());
    for (const k of KEYS) {
      expect(dict.outNeighbors(k)).toEqual(plain.outNeighbors(k));
      expect(dict.inNeighbors(k)).toEqual(plain.inNeighbors(k));
      expect(dict.inDegree(k)).toBe(plain.inDegree(k));
      for (const t of KEYS) {
        expect(dict.hasDirectedEdge(k, t)).toBe(plain.hasDirectedEdge(k, t));
        expect(dict.areNeighbors(k, t)).toBe(plain.areNeighbors(k, t));
        expect(dict.edge(k, t)).toBe(plain.edge(k, t));
      }
    }
    dict.dropNode('a.md');
    plain.dropNode('a.md');
    expect(dict.export()).toEqual(plain.export());
  });

  it('replaces only empty adjacency objects: a node keeps the edges it has', () => {
    const { g } = graph(false);
    const before = g.export();
    const nodes = (g as unknown as { _nodes: Map<string, { in: object; out: object }> })._nodes;
    const out = nodes.get('a.md')!.out;
    g.addNode('new.md');
    useDictionaryAdjacency(g);
    expect(nodes.get('a.md')!.out).toBe(out);
    expect(nodes.get('new.md')!.out).not.toBe(out);
    g.dropNode('new.md');
    expect(g.export()).toEqual(before);
  });

  it('does nothing to an object that is not a graphology graph', () => {
    expect(useDictionaryAdjacency({} as Graph)).toBe(0);
  });
});
