/**
 * Node size by all links (the default, as Obsidian), backlinks, PageRank or
 * words, with or without embeds: an index note with many outgoing links is a
 * hub, a template embedded everywhere is not when embeds are left out.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, GraphAttributes, LinkKind, NodeAttributes } from '../../../src/core/contract.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';
import { sizeWeights } from '../../../src/app/style/size-by.js';
import { nodeSize } from '../../../src/app/style/sizes.js';
import { decodeView, encodeView } from '../../../src/app/state/url.js';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { note } from './graph-fixture.js';

/** index -> 12 notes; every one of those 12 notes embeds `template`; `essay` has many words. */
function vault(): MapGraph {
  const g: MapGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed' });
  const add = (key: string, extra = {}) => g.addNode(key, note(key, [], extra));
  add('index.md');
  add('template.md');
  add('essay.md', { words: 3000, pagerank: 0.2 });
  const edge = (s: string, t: string, kind: LinkKind) => {
    g.addDirectedEdge(s, t, { kinds: [kind], count: 1, context: '', line: 1 });
    g.mergeNodeAttributes(s, { outDegree: g.outDegree(s) });
    g.mergeNodeAttributes(t, { inDegree: g.inDegree(t) });
  };
  for (let i = 0; i < 12; i++) {
    add(`n${i}.md`, { pagerank: 0.01 });
    edge('index.md', `n${i}.md`, 'inline');
    edge(`n${i}.md`, 'template.md', 'embed');
  }
  return g;
}

const size = (g: MapGraph, by: Parameters<typeof sizeWeights>[1], embeds: boolean, key: string) =>
  nodeSize(sizeWeights(g, by, embeds)(key, g.getNodeAttributes(key)), 1, 'note');

describe('size by', () => {
  it('all links by default: the index with 12 outgoing links is as big as the template with 12 backlinks', () => {
    const g = vault();
    expect(DEFAULT_VIEW.sizeBy).toBe('links');
    expect(size(g, 'links', true, 'index.md')).toBeCloseTo(size(g, 'links', true, 'template.md'));
    expect(size(g, 'links', true, 'index.md')).toBeGreaterThan(size(g, 'links', true, 'n0.md') * 1.5);
  });

  it('backlinks: the index shrinks to a dot', () => {
    const g = vault();
    expect(size(g, 'backlinks', true, 'index.md')).toBe(nodeSize(0, 1));
    expect(size(g, 'backlinks', true, 'template.md')).toBeGreaterThan(nodeSize(0, 1) * 2);
  });

  it('leaving embeds out: the template embedded by 12 notes is a dot, the index keeps its size', () => {
    const g = vault();
    expect(size(g, 'links', false, 'template.md')).toBe(nodeSize(0, 1));
    expect(size(g, 'links', false, 'index.md')).toBeCloseTo(size(g, 'links', true, 'index.md'));
    // Each of the 12 notes keeps its link from the index only.
    expect(size(g, 'links', false, 'n0.md')).toBeCloseTo(nodeSize(1, 1));
  });

  it('PageRank and words: the long, central essay is the biggest', () => {
    const g = vault();
    for (const by of ['pagerank', 'words'] as const) {
      expect(size(g, by, true, 'essay.md')).toBeGreaterThan(size(g, by, true, 'n0.md'));
      expect(size(g, by, true, 'essay.md')).toBeGreaterThan(size(g, by, true, 'index.md'));
    }
  });

  it('the choice and the embeds switch are in the URL', () => {
    const state = { ...DEFAULT_VIEW, sizeBy: 'words' as const, sizeEmbeds: false };
    expect(encodeView(state)).toBe('?sizeby=words&embeds=0');
    expect(decodeView('?sizeby=words&embeds=0')).toEqual(state);
    expect(decodeView('?sizeby=bogus').sizeBy).toBe('links');
  });
});
