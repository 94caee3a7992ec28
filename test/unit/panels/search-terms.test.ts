/**
 * Search terms and ranking: every word of a title is found, symbols glued to
 * a word do not hide it, and names whose symbols are part of them (`C++`,
 * `C#`, `.NET`) are found by those symbols too.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NoteNodeAttributes } from '../../../src/core/contract.js';
import { buildSearchIndex, searchNotes } from '../../../src/app/panels/search.js';
import { searchTerms, titleMatchRank } from '../../../src/app/panels/search-terms.js';
import type { AppContext } from '../../../src/app/state/types.js';

describe('searchTerms', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', ['img', 'src', 'x', 'onerror', 'alert', '1']],
    ['<div> soup', ['div', 'soup']],
    ['C++ templates', ['c', 'templates', 'c++']],
    ['Intro to C#', ['intro', 'to', 'c', 'c#']],
    ['.NET runtime', ['net', 'runtime', '.net']],
    ['file.net', ['file', 'net']],
    ['security/e2ee', ['security', 'e2ee']],
    ['Café Ünïcode 2024', ['café', 'ünïcode', '2024']],
    ['(draft) plan #3', ['draft', 'plan', '3']],
  ])('%s -> %j', (text, expected) => {
    expect(searchTerms(text)).toEqual(expected);
  });
});

describe('titleMatchRank', () => {
  it.each([
    ['Zoom', 'zoom', 0],
    ['Zoom security meltdown', 'zoom', 1],
    ['The zoom meltdown', 'zoom', 2],
    ['Meltdown', 'zoom', 3],
    ['  Zoom ', ' ZOOM  ', 0],
  ])('%j for %j -> %i', (title, query, rank) => {
    expect(titleMatchRank(title, query)).toBe(rank);
  });
});

function note(path: string, title: string, extra: Partial<NoteNodeAttributes> = {}): NoteNodeAttributes {
  return {
    kind: 'note', dangling: false, path, title, tags: [], aliases: [], summary: '', created: null, updated: null,
    draft: false, words: 0, orphan: false, pagerank: 0, community: 0, component: 0, inDegree: 0, outDegree: 0, x: 0, y: 0, ...extra,
  };
}

describe('the search box finds every word of a title', () => {
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed' });
  const titles: Record<string, string> = {
    'n1.md': '<img src=x onerror=alert(1)>',
    'n2.md': '<div> soup',
    'n3.md': 'C++ templates',
    'n4.md': 'C# generics',
    'n5.md': '.NET runtime',
    'n6.md': 'zoom security meltdown',
    'a/n7.md': 'Zoom',
    'n8.md': 'UI kit',
  };
  // File names say nothing, so each note is found by its title (or alias) alone.
  for (const [path, title] of Object.entries(titles)) graph.addNode(path, note(path, title));
  graph.addNode('n9.md', note('n9.md', 'Zero trust', { aliases: ['BeyondCorp (Google)'] }));
  // Scores more than the note titled just "Meeting" (the word in its title, aliases and tags).
  graph.addNode('n10.md', note('n10.md', 'Meeting meeting notes', { aliases: ['meeting'], tags: ['meeting'] }));
  graph.addNode('n11.md', note('n11.md', 'Meeting'));
  const ctx = { graph } as unknown as AppContext;
  const index = buildSearchIndex(ctx);
  const ids = (query: string): string[] => searchNotes(index, ctx, query).map((r) => String(r.id));

  it.each([
    ['img', ['n1.md']],
    ['onerror', ['n1.md']],
    ['div', ['n2.md']],
    ['soup', ['n2.md']],
    ['c++', ['n3.md']],
    ['c#', ['n4.md']],
    ['.net', ['n5.md']],
    ['net', ['n5.md']],
    ['runt', ['n5.md']],
    ['ui', ['n8.md']],
    ['google', ['n9.md']],
  ])('%s -> %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('finds C++ and C# by their letter, and lists the exact title first', () => {
    expect(ids('c').sort()).toEqual(['n3.md', 'n4.md']);
    expect(ids('zoom')).toEqual(['a/n7.md', 'n6.md']);
    expect(ids('zoom security')).toEqual(['n6.md']);
    expect(ids('meeting')).toEqual(['n11.md', 'n10.md']);
  });
});
