/**
 * The visible set, note months and tag keys follow live changes of the
 * graph, including a change that leaves its size as it was (deleting a
 * linked note: the note goes, its dangling ghost comes), and do not
 * recompute when nodes only move.
 */
import { describe, expect, it } from 'vitest';
import { applyDiff } from '../../../src/app/live/apply-diff.js';
import { graphRevision } from '../../../src/app/state/graph-revision.js';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { computeVisible, noteMonths } from '../../../src/app/state/visibility.js';
import { emptyGraph, link, note } from './graph-fixture.js';

function vault() {
  const g = emptyGraph();
  g.addNode('source.md', note('source.md', ['idea'], { created: '2021-01-05' }));
  g.addNode('target.md', note('target.md', [], { created: '2021-02-05' }));
  link(g, [['source.md', 'target.md']]);
  return g;
}

describe('derived data after a live change', () => {
  it('a deleted note that is linked turns into its ghost: the counts and the drawn set follow', () => {
    const g = vault();
    const before = computeVisible(g, DEFAULT_VIEW);
    expect([before.notesShown, before.danglingShown]).toEqual([2, 0]);
    // What the server sends when target.md is deleted (src/core/live.ts GraphDiff).
    applyDiff(g, {
      removedNodes: ['target.md'],
      addedNodes: [{ key: '?target', attributes: { kind: 'dangling', dangling: true, title: 'target', suggestion: null, inDegree: 1, outDegree: 0, x: 0, y: 0 } }],
      addedEdges: [{ source: 'source.md', target: '?target', attributes: { kinds: ['inline'], count: 1, context: '', line: 1 } }],
      removedEdges: [{ source: 'source.md', target: 'target.md' }],
      changedNodes: [],
      changedEdges: [],
      moved: [],
      attributes: {},
    } as never);
    expect(g.order).toBe(2); // same size: graph.order alone cannot tell
    const after = computeVisible(g, DEFAULT_VIEW);
    expect([after.notesShown, after.notesTotal, after.danglingShown]).toEqual([1, 1, 1]);
    expect([...after.nodes].sort()).toEqual(['?target', 'source.md']);
  });

  it('an edited note\'s tags and date reach the tag filter and the timeline', () => {
    const g = vault();
    const onlyIdea = { ...DEFAULT_VIEW, onlyTags: ['idea'] };
    expect(computeVisible(g, onlyIdea).notesShown).toBe(1);
    expect(noteMonths(g, 'created').get('target.md')).toBe(2021 * 12 + 1);
    g.mergeNodeAttributes('target.md', { tags: ['idea'], created: '2022-03-01' });
    expect(computeVisible(g, onlyIdea).notesShown).toBe(2);
    expect(noteMonths(g, 'created').get('target.md')).toBe(2022 * 12 + 2);
  });

  it('moving nodes (layout, drag) is no change', () => {
    const g = vault();
    const r = graphRevision(g);
    g.mergeNodeAttributes('source.md', { x: 3, y: 4 });
    g.setNodeAttribute('target.md', 'x', 5);
    g.updateEachNodeAttributes((_k, a) => ({ ...a, x: a.x + 1 }));
    expect(graphRevision(g)).toBe(r);
    g.setNodeAttribute('target.md', 'title', 'Target');
    expect(graphRevision(g)).toBe(r + 1);
  });
});
