// Union-find components (union-components.ts) against graphology-components on random graphs.
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/extract/metrics.js';
import { unionComponents } from '../../../src/extract/union-components.js';

const canonical = (groups: readonly (readonly (string | number)[])[]): string[] => groups.map((g) => [...g].map(String).sort().join(',')).sort();

describe('unionComponents', () => {
  it('finds the weakly connected components graphology-components finds, on 300 random graphs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = seededRandom(seed);
      const n = Math.floor(rnd() * 60);
      const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
      for (let i = 0; i < n; i++) g.addNode(String(i));
      const source: number[] = [];
      const target: number[] = [];
      for (let e = 0; e < n * rnd() * 1.5; e++) {
        const s = Math.floor(rnd() * n);
        const t = Math.floor(rnd() * n);
        if (s === t || g.hasDirectedEdge(String(s), String(t))) continue;
        g.addDirectedEdge(String(s), String(t));
        source.push(s);
        target.push(t);
      }
      const groups = unionComponents(n, source, target);
      expect(canonical(groups)).toEqual(canonical(connectedComponents(g)));
      // Members ascending, groups by their smallest member.
      for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
      expect(groups.map((group) => group[0])).toEqual(groups.map((group) => group[0]).sort((a, b) => a - b));
    }
  });

  it('gives no group for no node and one per node without edges', () => {
    expect(unionComponents(0, [], [])).toEqual([]);
    expect(unionComponents(3, [], [])).toEqual([[0], [1], [2]]);
  });
});
