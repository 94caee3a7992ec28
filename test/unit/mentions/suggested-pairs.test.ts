import { describe, expect, it } from 'vitest';
import type { MentionsReport, UnlinkedMention } from '../../../src/core/contract.js';
import { describePair, pairTouches, suggestedPairs, SUGGESTED_LABEL, withMentionPartners } from '../../../src/app/suggested/suggested-pairs.js';
import { emptyGraph, link, note } from '../app/graph-fixture.js';

/** a -> b linked; c, d, e notes without links between them; ?x a missing note. */
function graph() {
  const g = emptyGraph();
  for (const k of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']) g.addNode(k, note(k, []));
  g.addNode('?x', { kind: 'dangling', dangling: true, title: 'x', suggestion: null, inDegree: 0, outDegree: 0, x: 0, y: 0 });
  link(g, [['a.md', 'b.md']]);
  return g;
}

const mention = (source: string, target: string, context = `${source} names ${target}`): UnlinkedMention => ({
  source, target, text: target, line: 1, context, count: 1, link: `[[${target}]]`,
});
const report = (...mentions: UnlinkedMention[]): MentionsReport => ({ mentions, rule: { minLetters: 4, maxShare: 0.05, minCommonNotes: 10 }, common: [] });
const all = (g: ReturnType<typeof graph>) => new Set(g.nodes());

describe('suggestedPairs', () => {
  it('draws one segment per pair of notes, both ways sharing it', () => {
    const g = graph();
    const pairs = suggestedPairs(g, report(mention('c.md', 'd.md'), mention('d.md', 'c.md'), mention('e.md', 'c.md')), all(g));
    expect(pairs.map((p) => [p.a, p.b, p.mentions.length])).toEqual([
      ['c.md', 'd.md', 2],
      ['c.md', 'e.md', 1],
    ]);
  });

  it('leaves out a pair already joined by a link, in either direction', () => {
    const g = graph();
    // b names a, but a links b: the solid line is there already.
    expect(suggestedPairs(g, report(mention('b.md', 'a.md'), mention('a.md', 'b.md')), all(g))).toEqual([]);
  });

  it('needs both ends shown, and both ends in the graph', () => {
    const g = graph();
    const r = report(mention('c.md', 'd.md'), mention('c.md', 'gone.md'), mention('c.md', 'c.md'));
    expect(suggestedPairs(g, r, new Set(['c.md']))).toEqual([]);
    expect(suggestedPairs(g, r, new Set(['c.md', 'd.md', 'gone.md'])).map((p) => p.b)).toEqual(['d.md']);
  });

  it('draws nothing for a graph built without mentions', () => {
    const g = graph();
    expect(suggestedPairs(g, undefined, all(g))).toEqual([]);
  });

  it('adds no edge to the graph: counts and neighbours stay those of the links', () => {
    const g = graph();
    const size = g.size;
    suggestedPairs(g, report(mention('c.md', 'd.md')), all(g));
    expect(g.size).toBe(size);
    expect(g.neighbors('c.md')).toEqual([]);
  });
});

describe('pairTouches and describePair', () => {
  it('knows the pairs of a note and says what a dashed line is, with the sentence', () => {
    const g = graph();
    const [pair] = suggestedPairs(g, report(mention('d.md', 'c.md', 'We met at c on Tuesday.')), all(g));
    expect(pairTouches(pair, 'c.md')).toBe(true);
    expect(pairTouches(pair, 'e.md')).toBe(false);
    expect(pairTouches(pair, null)).toBe(false);
    expect(describePair(g, pair)).toEqual({ title: SUGGESTED_LABEL, text: '“d” names “c” without linking to it: We met at c on Tuesday.' });
    const [both] = suggestedPairs(g, report(mention('d.md', 'c.md', 'Met c.'), mention('c.md', 'd.md')), all(g));
    expect(describePair(g, both).text).toBe('“d” names “c” without linking to it: Met c. (and “c” names “d”)');
  });
});

describe('withMentionPartners', () => {
  it('adds the notes naming a note, or named by it, to its neighbourhood while suggested links are drawn', () => {
    const g = graph();
    g.setAttribute('mentions', report(mention('d.md', 'c.md'), mention('c.md', 'e.md'), mention('c.md', 'gone.md')));
    expect([...withMentionPartners(new Set(['c.md']), g, 'c.md', true)].sort()).toEqual(['c.md', 'd.md', 'e.md']);
    expect([...withMentionPartners(new Set(['c.md']), g, 'c.md', false)]).toEqual(['c.md']);
    expect([...withMentionPartners(new Set(['a.md', 'b.md']), g, 'a.md', true)]).toEqual(['a.md', 'b.md']);
  });
});
