import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { VaultView } from '../../../src/core/contract.js';
import { colorGroupMatcher, compileQuery, queryTokens, tagsOfSearch } from '../../../src/app/style/color-groups.js';
import { buildTagPaletteUncached } from '../../../src/app/style/colors.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';

const note = (path: string, tags: string[] = [], title = path.replace(/^.*\//, '').replace(/\.md$/, '')) => ({ path, tags, title });

describe("Obsidian's graph queries", () => {
  it('tag:, path:, file:, words, quotes, negation and OR', () => {
    const a = note('Projects/Alpha.md', ['project/web', 'idea']);
    const b = note('Archive/Old plan.md', ['Project']);
    expect(compileQuery('tag:#project')(a)).toBe(true); // nested under project
    expect(compileQuery('tag:project')(b)).toBe(true); // any casing, # optional
    expect(compileQuery('tag:#proj')(a)).toBe(false); // a tag is not a prefix match
    expect(compileQuery('path:archive')(b)).toBe(true);
    expect(compileQuery('path:"Archive/Old"')(b)).toBe(true);
    expect(compileQuery('file:alpha')(a)).toBe(true);
    expect(compileQuery('file:projects')(a)).toBe(false);
    expect(compileQuery('"old plan"')(b)).toBe(true);
    expect(compileQuery('tag:#project -path:Archive')(b)).toBe(false);
    expect(compileQuery('tag:#project -path:Archive')(a)).toBe(true);
    expect(compileQuery('file:zzz OR tag:#idea')(a)).toBe(true);
    expect(compileQuery('line:(x)')(a)).toBe(false);
    expect(compileQuery('   ')(a)).toBe(false);
  });

  it('reads a bare #tag as the tag and a word: that is no operator as text, as Obsidian users type them', () => {
    const a = note('Projects/Alpha.md', ['project/web', 'idea']);
    const m = { path: 'Meetings/Meeting: notes 10:30.md', tags: [], title: 'Meeting: notes 10:30' };
    expect(compileQuery('#project')(a)).toBe(true); // nested under project
    expect(compileQuery('#Idea')(a)).toBe(true);
    expect(compileQuery('-#idea')(a)).toBe(false);
    expect(compileQuery('#proj')(a)).toBe(false);
    expect(compileQuery('#idea')(m)).toBe(false);
    expect(compileQuery('Meeting: notes')(m)).toBe(true);
    expect(compileQuery('10:30')(m)).toBe(true);
    expect(compileQuery('10:30')(a)).toBe(false);
    // Obsidian's operators that read the text: the map has no text, so nothing.
    expect(compileQuery('content:alpha')(a)).toBe(false);
    expect(compileQuery('section:Alpha')(a)).toBe(false);
  });

  it('the first matching group wins', () => {
    const m = colorGroupMatcher([
      { query: 'path:Archive', color: '#00ff00' },
      { query: 'tag:#project', color: '#ff0000' },
    ])!;
    expect(m(note('Archive/x.md', ['project']))).toBe('#00ff00');
    expect(m(note('y.md', ['project']))).toBe('#ff0000');
    expect(m(note('z.md'))).toBeNull();
    expect(colorGroupMatcher([])).toBeNull();
  });

  it("reads a tag-only graph search as the map's tag filter", () => {
    expect(tagsOfSearch('tag:#a OR tag:#B')).toEqual(['a', 'b']);
    expect(tagsOfSearch('tag:#a')).toEqual(['a']);
    expect(tagsOfSearch('tag:#a path:x')).toBeNull();
    expect(tagsOfSearch(undefined)).toBeNull();
  });
});

describe('node colors with the vault view', () => {
  const graphWith = (view: VaultView): MapGraph => {
    const g = new Graph() as unknown as MapGraph;
    g.setAttribute('view', view);
    const add = (key: string, tags: string[]) =>
      g.addNode(key, { kind: 'note', title: key, path: key, tags } as never);
    add('a.md', ['x']);
    add('b.md', ['y']);
    add('c.md', ['y']);
    return g;
  };

  it('color groups before tags, configured tag colors without a palette slot', () => {
    const palette = buildTagPaletteUncached(graphWith({ colorGroups: [{ query: 'file:a', color: '#123456' }], tagColors: { x: '#abcdef' } }), {
      tagDepth: 0,
      colorCommonTags: false,
      theme: 'light',
    });
    expect(palette.nodeColor('a.md')).toBe('#123456');
    expect(palette.colorOf('x')).toBe('#abcdef');
    // y is carried by 2 of 3 notes: common, no color by default; x's color took no slot.
    expect(palette.colorOf('y')).toBeNull();
    const plain = buildTagPaletteUncached(graphWith({ tagColors: { y: '#00aa00' } }), { tagDepth: 0, colorCommonTags: false, theme: 'light' });
    expect(plain.nodeColor('b.md')).toBe('#00aa00');
    expect(plain.nodeColor('a.md')).not.toBe('#00aa00');
  });
});

describe('grouping with parentheses (Obsidian search)', () => {
  const a = { path: 'Projects/Alpha (v2).md', tags: ['project'], title: 'Alpha (v2)' };
  const b = { path: 'Archive/Old.md', tags: ['idea'], title: 'Old' };
  const c = { path: 'Daily/2021-01-01.md', tags: [], title: '2021-01-01' };

  it('splits groups from terms, keeping parentheses inside terms and quotes', () => {
    expect(queryTokens('-(path:a OR path:b) tag:#x')).toEqual(['-(', 'path:a', 'OR', 'path:b', ')', 'tag:#x']);
    expect(queryTokens('(file:"a (b)" OR file:c(1))')).toEqual(['(', 'file:"a (b)"', 'OR', 'file:c(1)', ')']);
    expect(queryTokens('file:c(1)')).toEqual(['file:c(1)']);
    expect(queryTokens('x)')).toEqual(['x)']); // no group is open
  });

  it('groups alternatives, negates a group, nests', () => {
    expect([a, b, c].map(compileQuery('-(path:Archive OR path:Daily)'))).toEqual([true, false, false]);
    expect([a, b, c].map(compileQuery('(tag:#project OR tag:#idea) -path:Archive'))).toEqual([true, false, false]);
    expect([a, b, c].map(compileQuery('((path:Daily))'))).toEqual([false, false, true]);
    expect([a, b, c].map(compileQuery('file:"(v2)"'))).toEqual([true, false, false]);
    expect([a, b, c].map(compileQuery('(path:Archive'))).toEqual([false, true, false]); // unclosed: closed at the end
    expect([a, b, c].map(compileQuery('()'))).toEqual([false, false, false]);
  });
});
