/**
 * A small hand-built map graph for the app's unit tests, with every kind of
 * node the filters care about. Edges (source -> target):
 *
 *   a -> b -> c -> d        a -> ?missing     b -> @img.png
 *   e -> a                  c -> ?missing     o (orphan, draft)
 */

import Graph from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NoteNodeAttributes } from '../../../src/core/contract.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';

export function note(key: string, tags: string[], extra: Partial<NoteNodeAttributes> = {}): NoteNodeAttributes {
  return {
    kind: 'note',
    dangling: false,
    title: key.replace(/\.md$/, ''),
    path: key,
    tags,
    aliases: [],
    summary: '',
    created: null,
    updated: null,
    draft: false,
    words: 10,
    orphan: false,
    pagerank: 0,
    community: 0,
    component: 0,
    inDegree: 0,
    outDegree: 0,
    x: 0,
    y: 0,
    ...extra,
  };
}

/** Add edges and fill inDegree / outDegree the way the build does. */
export function link(graph: MapGraph, pairs: Array<[string, string]>): void {
  for (const [s, t] of pairs) graph.addDirectedEdge(s, t, { kinds: ['inline'], count: 1, context: `${s} to ${t}`, line: 1 });
  graph.forEachNode((key) => {
    graph.setNodeAttribute(key, 'inDegree', graph.inDegree(key));
    graph.setNodeAttribute(key, 'outDegree', graph.outDegree(key));
  });
}

export function emptyGraph(): MapGraph {
  return new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed', allowSelfLoops: false, multi: false });
}

export function sampleGraph(): MapGraph {
  const g = emptyGraph();
  g.addNode('a.md', note('a.md', ['journal', 'security/e2ee']));
  g.addNode('b.md', note('b.md', ['journal', 'Security/keys']));
  g.addNode('c.md', note('c.md', ['journal', 'rust']));
  g.addNode('d.md', note('d.md', ['journal']));
  g.addNode('e.md', note('e.md', ['rust', 'journal'], { draft: true }));
  g.addNode('o.md', note('o.md', ['ideas'], { orphan: true, draft: true }));
  g.addNode('?missing', { kind: 'dangling', dangling: true, title: 'missing', suggestion: null, inDegree: 0, outDegree: 0, x: 0, y: 0 });
  g.addNode('@img.png', { kind: 'attachment', dangling: false, title: 'img.png', path: 'img.png', inDegree: 0, outDegree: 0, x: 0, y: 0 });
  link(g, [
    ['a.md', 'b.md'],
    ['b.md', 'c.md'],
    ['c.md', 'd.md'],
    ['e.md', 'a.md'],
    ['a.md', '?missing'],
    ['c.md', '?missing'],
    ['b.md', '@img.png'],
  ]);
  return g;
}
