/**
 * Which filters hide a note (what the summary panel says when the selected
 * note is not on the map): each filter, and lifting what it names shows it.
 */
import { describe, expect, it } from 'vitest';
import { hidingFilters } from '../../../src/app/state/hidden-by.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { computeVisibleUncached } from '../../../src/app/state/visibility.js';
import { emptyGraph, link, note } from './graph-fixture.js';

const g = emptyGraph();
g.addNode('journal/a.md', note('journal/a.md', ['idea'], { created: '2021-03-01' }));
g.addNode('work/b.md', note('work/b.md', ['work/plan'], { created: '2022-01-01' }));
link(g, [['journal/a.md', 'work/b.md']]);

const labels = (patch: Partial<ViewState>, key = 'work/b.md'): string[] => hidingFilters(g, { ...DEFAULT_VIEW, ...patch }, key).map((h) => h.label);

describe('what hides a note', () => {
  it('nothing when it is shown', () => {
    expect(labels({})).toEqual([]);
    expect(labels({ filter: 'path:work' })).toEqual([]);
  });

  it('names each filter that hides it', () => {
    expect(labels({ filter: 'path:journal' })).toEqual(['the text filter']);
    expect(labels({ timeTo: 2021 * 12 + 5 })).toEqual(['the timeline']);
    expect(labels({ hiddenTags: ['work'] })).toEqual(['the tag filters']);
    expect(labels({ onlyTags: ['idea'] })).toEqual(['the tag filters']);
    expect(labels({ colorBy: 'folder', hiddenCategories: ['work'] })).toEqual(['the legend’s show/hide']);
    expect(labels({ minLinks: 2 })).toEqual(['Minimum links']);
    expect(labels({ filter: '#idea', timeFrom: 2023 * 12 })).toEqual(['the text filter', 'the timeline']);
  });

  it('lifting what it names shows the note', () => {
    const state = { ...DEFAULT_VIEW, filter: '#idea', timeTo: 2021 * 12 + 5, hiddenTags: ['work'], colorBy: 'folder' as const, hiddenCategories: ['work'] };
    expect(computeVisibleUncached(g, state).nodes.has('work/b.md')).toBe(false);
    const lifted = Object.assign({}, state, ...hidingFilters(g, state, 'work/b.md').map((h) => h.patch));
    expect(computeVisibleUncached(g, lifted).nodes.has('work/b.md')).toBe(true);
    expect(lifted.filter).toBe('');
  });
});
