import { describe, expect, it } from 'vitest';
import { computeVisibleUncached } from '../../../src/app/state/visibility.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { noteFilter } from '../../../src/app/state/note-filter.js';
import { isCategoryShown, toggleKey } from '../../../src/app/panels/category-toggles.js';
import { emptyGraph, link, note, sampleGraph } from './graph-fixture.js';

const shown = (state: Partial<ViewState>, graph = sampleGraph()): string[] =>
  [...computeVisibleUncached(graph, { ...DEFAULT_VIEW, ...state }).nodes].sort();

describe('the text filter (Obsidian graph filter)', () => {
  it('costs nothing when empty', () => {
    expect(noteFilter(sampleGraph(), DEFAULT_VIEW)).toBeNull();
    expect(noteFilter(sampleGraph(), { ...DEFAULT_VIEW, filter: '   ' })).toBeNull();
  });

  it('shows only the notes matching the query; ghosts follow the notes linking them', () => {
    expect(shown({ filter: 'tag:#rust' })).toEqual(['?missing', 'c.md', 'e.md']);
    expect(shown({ filter: 'tag:#security' })).toEqual(['?missing', 'a.md', 'b.md']);
    expect(shown({ filter: 'tag:#journal -tag:#rust' })).toEqual(['?missing', 'a.md', 'b.md', 'd.md']);
    expect(shown({ filter: 'file:o.md OR file:d.md' })).toEqual(['d.md', 'o.md']);
  });

  it('matches paths and titles, as the groups do', () => {
    const g = emptyGraph();
    g.addNode('journal/2021/zoom.md', note('journal/2021/zoom.md', [], { title: 'Zoom outage' }));
    g.addNode('work/plan.md', note('work/plan.md', []));
    link(g, [['work/plan.md', 'journal/2021/zoom.md']]);
    expect(shown({ filter: 'path:journal/2021' }, g)).toEqual(['journal/2021/zoom.md']);
    expect(shown({ filter: 'outage' }, g)).toEqual(['journal/2021/zoom.md']);
    expect(shown({ filter: '-path:journal' }, g)).toEqual(['work/plan.md']);
    // The counts follow.
    expect(computeVisibleUncached(g, { ...DEFAULT_VIEW, filter: 'plan' }).notesShown).toBe(1);
  });
});

describe("the legend's show/hide and only in the folder, cluster and groups modes", () => {
  it('hides a category, or shows only some', () => {
    const g = emptyGraph();
    for (const key of ['j/a.md', 'j/b.md', 'p/c.md', 'd.md']) g.addNode(key, note(key, []));
    expect(shown({ colorBy: 'folder', hiddenCategories: ['j'] }, g)).toEqual(['d.md', 'p/c.md']);
    expect(shown({ colorBy: 'folder', onlyCategories: ['p', '/'] }, g)).toEqual(['d.md', 'p/c.md']);
    // The same keys mean nothing in tag mode.
    expect(shown({ colorBy: 'tag', hiddenCategories: ['j'] }, g)).toHaveLength(4);
  });

  it('hides the notes of a group rule, or of no group', () => {
    const groups = [{ query: 'tag:#rust', color: '#ff0000' }];
    expect(shown({ colorBy: 'groups', groups, onlyCategories: ['0'] })).toEqual(['?missing', 'c.md', 'e.md']);
    expect(shown({ colorBy: 'groups', groups, hiddenCategories: ['none'] })).toEqual(['?missing', 'c.md', 'e.md']);
  });

  it('ignores an "only" key the map has no category for, rather than showing nothing', () => {
    const g = emptyGraph();
    for (const key of ['j/a.md', 'p/c.md']) g.addNode(key, note(key, []));
    // A shared link from before the folder (or the cluster numbering) changed.
    expect(shown({ colorBy: 'folder', onlyCategories: ['gone'] }, g)).toEqual(['j/a.md', 'p/c.md']);
    expect(shown({ colorBy: 'folder', onlyCategories: ['gone', 'p'] }, g)).toEqual(['p/c.md']);
    expect(shown({ colorBy: 'cluster', onlyCategories: ['999'] }, g)).toEqual(['j/a.md', 'p/c.md']);
  });

  it('toggles keys', () => {
    expect(toggleKey(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleKey(['a', 'b'], 'a')).toEqual(['b']);
    expect(isCategoryShown(['a'], [], 'a')).toBe(false);
    expect(isCategoryShown([], ['b'], 'a')).toBe(false);
    expect(isCategoryShown([], ['a'], 'a')).toBe(true);
  });
});
