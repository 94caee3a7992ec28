/**
 * The path between two notes: fewest hops, either way or only in the links'
 * direction, through notes only, and the same length as a plain breadth-first
 * search on random graphs.
 */
import { describe, expect, it } from 'vitest';
import { pathBetween } from '../../../src/app/state/path-between.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';
import { createRandom } from '../../../scripts/lib/prng.js';
import { emptyGraph, link, note, sampleGraph } from './graph-fixture.js';

describe('pathBetween', () => {
  const g = sampleGraph(); // a -> b -> c -> d, e -> a, a -> ?missing, c -> ?missing, b -> @img.png, o orphan

  it('follows links either way by default, and lists each hop with its direction', () => {
    const path = pathBetween(g, 'd.md', 'e.md');
    expect(path.nodes).toEqual(['d.md', 'c.md', 'b.md', 'a.md', 'e.md']);
    expect(path.hops.map((h) => h.direction)).toEqual(['backward', 'backward', 'backward', 'backward']);
    expect(path.hops[0]).toMatchObject({ from: 'd.md', to: 'c.md', edge: g.edge('c.md', 'd.md') });
  });

  it('only in the links direction when asked', () => {
    expect(pathBetween(g, 'e.md', 'd.md', true).nodes).toEqual(['e.md', 'a.md', 'b.md', 'c.md', 'd.md']);
    expect(pathBetween(g, 'd.md', 'e.md', true).nodes).toEqual([]);
  });

  it('does not pass through a missing note or an attachment, but may end at one', () => {
    // a and c both link to ?missing: the way between them is through b, not through the ghost.
    expect(pathBetween(g, 'a.md', 'c.md').nodes).toEqual(['a.md', 'b.md', 'c.md']);
    expect(pathBetween(g, 'e.md', '?missing').nodes).toEqual(['e.md', 'a.md', '?missing']);
    expect(pathBetween(g, 'e.md', '@img.png', true).nodes).toEqual(['e.md', 'a.md', 'b.md', '@img.png']);
  });

  it('no path, same note, unknown note', () => {
    expect(pathBetween(g, 'a.md', 'o.md')).toEqual({ nodes: [], hops: [] });
    expect(pathBetween(g, 'a.md', 'a.md').nodes).toEqual(['a.md']);
    expect(pathBetween(g, 'a.md', 'nope.md').nodes).toEqual([]);
  });

  /** Hops of the shortest path by a plain one-sided BFS, or -1. */
  function bfsLength(graph: MapGraph, from: string, to: string, directed: boolean): number {
    const depth = new Map([[from, 0]]);
    let frontier = [from];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const n of frontier) {
        for (const m of directed ? graph.outNeighbors(n) : graph.neighbors(n)) {
          if (depth.has(m)) continue;
          depth.set(m, depth.get(n)! + 1);
          if (m === to) return depth.get(m)!;
          next.push(m);
        }
      }
      frontier = next;
    }
    return -1;
  }

  it('finds a shortest path on random graphs (same length as a one-sided BFS), and a valid one', () => {
    const random = createRandom(7);
    for (let round = 0; round < 40; round++) {
      const graph = emptyGraph();
      const n = 30 + Math.floor(random.next() * 60);
      for (let i = 0; i < n; i++) graph.addNode(`n${i}.md`, note(`n${i}.md`, []));
      const pairs = new Set<string>();
      const edges: Array<[string, string]> = [];
      for (let e = 0; e < n * 1.3; e++) {
        const [s, t] = [Math.floor(random.next() * n), Math.floor(random.next() * n)];
        if (s === t || pairs.has(`${s}>${t}`)) continue;
        pairs.add(`${s}>${t}`);
        edges.push([`n${s}.md`, `n${t}.md`]);
      }
      link(graph, edges);
      for (let q = 0; q < 20; q++) {
        const [a, b] = [`n${Math.floor(random.next() * n)}.md`, `n${Math.floor(random.next() * n)}.md`];
        for (const directed of [false, true]) {
          const path = pathBetween(graph, a, b, directed);
          const expected = bfsLength(graph, a, b, directed);
          expect(path.nodes.length - 1).toBe(a === b ? 0 : expected);
          for (const hop of path.hops) {
            const [s, t] = hop.direction === 'forward' ? [hop.from, hop.to] : [hop.to, hop.from];
            expect(graph.source(hop.edge)).toBe(s);
            expect(graph.target(hop.edge)).toBe(t);
            if (directed) expect(hop.direction).toBe('forward');
          }
        }
      }
    }
  });
});
