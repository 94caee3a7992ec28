/**
 * The timeline's filter: only the notes dated in the range show, a link
 * shows when both ends show, and undated notes are a toggle of their own.
 */
import { describe, expect, it } from 'vitest';
import { noteMonth } from '../../../src/core/dates.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { computeVisibleUncached, noteMonths } from '../../../src/app/state/visibility.js';
import { emptyGraph, link, note } from './graph-fixture.js';

const g = emptyGraph();
g.addNode('jan.md', note('jan.md', [], { created: '2021-01-15', updated: '2022-06-01' }));
g.addNode('mar.md', note('mar.md', [], { created: '2021-03-02T09:00' }));
g.addNode('dec.md', note('dec.md', [], { created: 'December 24, 2021' }));
g.addNode('undated.md', note('undated.md', [], { created: null }));
g.addNode('template.md', note('template.md', [], { created: '{{date}}' }));
g.addNode('?ghost', { kind: 'dangling', dangling: true, title: 'ghost', suggestion: null, inDegree: 0, outDegree: 0, x: 0, y: 0 });
link(g, [['jan.md', 'mar.md'], ['dec.md', '?ghost']]);

const shown = (patch: Partial<ViewState>): string[] => [...computeVisibleUncached(g, { ...DEFAULT_VIEW, ...patch }).nodes].sort();
const m = (text: string): number => noteMonth(text)!;

describe('the timeline filter', () => {
  it('reads each note month from the chosen date, unreadable dates as undated', () => {
    const months = noteMonths(g, 'created');
    expect(months.get('jan.md')).toBe(m('2021-01'));
    expect(months.get('dec.md')).toBe(m('2021-12'));
    expect(months.get('template.md')).toBeNull();
    expect(noteMonths(g, 'updated').get('jan.md')).toBe(m('2022-06'));
  });

  it('shows everything when no range is set', () => {
    expect(shown({})).toEqual(['?ghost', 'dec.md', 'jan.md', 'mar.md', 'template.md', 'undated.md']);
  });

  it('shows the notes dated in the range, both ends included, and undated ones unless switched off', () => {
    expect(shown({ timeFrom: m('2021-02'), timeTo: m('2021-03') })).toEqual(['mar.md', 'template.md', 'undated.md']);
    expect(shown({ timeFrom: m('2021-01'), timeTo: m('2021-03'), showUndated: false })).toEqual(['jan.md', 'mar.md']);
    expect(shown({ timeTo: m('2021-01'), showUndated: false })).toEqual(['jan.md']);
    // A missing note shows only when a shown note links it.
    expect(shown({ timeFrom: m('2021-12'), showUndated: false })).toEqual(['?ghost', 'dec.md']);
  });

  it('reads the updated date when asked', () => {
    expect(shown({ timeField: 'updated', timeFrom: m('2022-01'), showUndated: false })).toEqual(['jan.md']);
  });
});

describe('timelineModel', () => {
  it('counts notes per month from the first dated note to the last, and the undated ones', async () => {
    const { timelineModel, monthLabel } = await import('../../../src/app/panels/timeline-model.js');
    const model = timelineModel(g, 'created');
    expect(model.first).toBe(m('2021-01'));
    expect(model.last).toBe(m('2021-12'));
    expect(model.counts).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(model).toMatchObject({ max: 1, dated: 3, undated: 2 });
    expect(monthLabel(m('2021-04'))).toBe('Apr 2021');
    expect(timelineModel(emptyGraph(), 'created')).toMatchObject({ first: null, counts: [], dated: 0, undated: 0 });
  });

  it('counts only the notes the other filters show, over the whole vault\'s months', async () => {
    const { timelineModel } = await import('../../../src/app/panels/timeline-model.js');
    const model = timelineModel(g, 'created', new Set(['mar.md', 'dec.md', 'undated.md']));
    // The axis still spans the vault (jan.md is filtered out, its month stays first).
    expect(model.first).toBe(m('2021-01'));
    expect(model.counts).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(model).toMatchObject({ max: 1, dated: 2, undated: 1 });
    expect(timelineModel(g, 'created', new Set())).toMatchObject({ first: m('2021-01'), max: 0, dated: 0, undated: 0 });
  });
});
