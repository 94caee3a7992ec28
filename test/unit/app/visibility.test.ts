import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { computeVisible, computeVisibleUncached, neighbourhood, tagMatches } from '../../../src/app/state/visibility.js';
import { emptyGraph, link, note, sampleGraph } from './graph-fixture.js';

const g = sampleGraph();
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const shown = (patch: Partial<ViewState>): string[] => [...computeVisibleUncached(g, view(patch)).nodes].sort();

const NOTES = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'o.md'];

describe('computeVisible', () => {
  it('shows all notes and dangling targets by default, attachments only when asked', () => {
    const v = computeVisibleUncached(g, DEFAULT_VIEW);
    expect([...v.nodes].sort()).toEqual(['?missing', ...NOTES]);
    expect(v).toMatchObject({ notesShown: 6, notesTotal: 6, danglingShown: 1, danglingTotal: 1, attachmentsShown: 0, attachmentsTotal: 1, localRoot: null });
    expect(shown({ showAttachments: true })).toContain('@img.png');
  });

  it('hides orphans, drafts and dangling targets with their toggles', () => {
    expect(shown({ showOrphans: false })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    expect(shown({ showDrafts: false })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'd.md']);
    expect(shown({ showDangling: false })).toEqual(NOTES);
  });

  it('shows a dangling target or attachment only when a shown note links to it', () => {
    // ?missing is linked from a and c; hide both through their tags.
    expect(shown({ hiddenTags: ['security', 'rust'] })).not.toContain('?missing');
    expect(shown({ hiddenTags: ['security'] })).toContain('?missing'); // c still links it
    // @img.png is linked from b only.
    expect(shown({ showAttachments: true, hiddenTags: ['security/keys'] })).not.toContain('@img.png');
  });

  it('hides a note when ANY of its tags is hidden, nested tags included, case-insensitively', () => {
    expect(shown({ hiddenTags: ['rust'] })).toEqual(['?missing', 'a.md', 'b.md', 'd.md', 'o.md']);
    // `security` covers security/e2ee and Security/keys.
    expect(shown({ hiddenTags: ['security'] })).toEqual(['?missing', 'c.md', 'd.md', 'e.md', 'o.md']);
    expect(shown({ hiddenTags: ['SECURITY/E2EE'] })).toEqual(['?missing', 'b.md', 'c.md', 'd.md', 'e.md', 'o.md']);
    // A prefix that is not a whole level does not match.
    expect(shown({ hiddenTags: ['sec'] })).toEqual(['?missing', ...NOTES]);
    // journal is on 5 notes: hiding it leaves the note without it.
    expect(shown({ hiddenTags: ['journal'] })).toEqual(['o.md']);
  });

  it('with onlyTags shows the notes carrying one of them', () => {
    expect(shown({ onlyTags: ['rust'] })).toEqual(['?missing', 'c.md', 'e.md']);
    expect(shown({ onlyTags: ['security', 'ideas'] })).toEqual(['?missing', 'a.md', 'b.md', 'o.md']);
    // Exclusion wins over inclusion.
    expect(shown({ onlyTags: ['security'], hiddenTags: ['security/keys'] })).toEqual(['?missing', 'a.md']);
  });

  it('hides notes with fewer links than minLinks (in + out)', () => {
    // degrees: a 1+3... a: in 1 (e), out 2 (b, ?missing) = 3; b: 1+2 = 3; c: 1+2 = 3; d: 1; e: 1; o: 0.
    expect(shown({ minLinks: 1 })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    expect(shown({ minLinks: 3 })).toEqual(['?missing', 'a.md', 'b.md', 'c.md']);
    expect(shown({ minLinks: 4 })).toEqual([]);
  });

  it('local view: breadth-first to the depth, in the direction chosen', () => {
    expect(shown({ selected: 'b.md', localDepth: 1, localDirection: 'out' })).toEqual(['b.md', 'c.md']);
    expect(shown({ selected: 'b.md', localDepth: 1, localDirection: 'out', showAttachments: true })).toEqual(['@img.png', 'b.md', 'c.md']);
    expect(shown({ selected: 'b.md', localDepth: 1, localDirection: 'in' })).toEqual(['a.md', 'b.md']);
    expect(shown({ selected: 'b.md', localDepth: 1 })).toEqual(['a.md', 'b.md', 'c.md']);
    expect(shown({ selected: 'b.md', localDepth: 2 })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    expect(shown({ selected: 'b.md', localDepth: 2, localDirection: 'out' })).toEqual(['?missing', 'b.md', 'c.md', 'd.md']);
    expect(shown({ selected: 'e.md', localDepth: 3, localDirection: 'out' })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'e.md']);
    const v = computeVisibleUncached(g, view({ selected: 'b.md', localDepth: 1 }));
    expect(v.localRoot).toBe('b.md');
    expect(v.notesTotal).toBe(6);
    expect(v.notesShown).toBe(3);
  });

  it('local view: filters still apply, except to the selected note itself', () => {
    expect(shown({ selected: 'b.md', localDepth: 2, showDrafts: false })).toEqual(['?missing', 'a.md', 'b.md', 'c.md', 'd.md']);
    expect(shown({ selected: 'e.md', localDepth: 1, showDrafts: false })).toEqual(['a.md', 'e.md']);
    expect(shown({ selected: 'o.md', localDepth: 3, showOrphans: false })).toEqual(['o.md']);
  });

  it('local view: does not walk through a dangling target, but can start from one', () => {
    // a -> ?missing <- c: from a at depth 2 (both), c is reached through b, not through ?missing.
    expect(shown({ selected: 'd.md', localDepth: 1, localDirection: 'in' })).toEqual(['c.md', 'd.md']);
    expect(shown({ selected: 'a.md', localDepth: 2, localDirection: 'out' })).toEqual(['?missing', 'a.md', 'b.md', 'c.md']);
    expect(neighbourhood(g, 'a.md', 1, 'out').has('?missing')).toBe(true);
    expect([...neighbourhood(g, 'a.md', 2, 'out')].sort()).toEqual(['?missing', '@img.png', 'a.md', 'b.md', 'c.md']);
    // From the dangling target: the notes that reference it.
    expect(shown({ selected: '?missing', localDepth: 1 })).toEqual(['?missing', 'a.md', 'c.md']);
    expect(computeVisibleUncached(g, view({ selected: '?missing', localDepth: 1, showDangling: false })).nodes.has('?missing')).toBe(true);
  });

  it('ignores the local view without a selection or with an unknown one', () => {
    expect(shown({ localDepth: 2 })).toEqual(['?missing', ...NOTES]);
    expect(shown({ selected: 'nope.md', localDepth: 2 })).toEqual(['?missing', ...NOTES]);
  });

  it('memoizes on the fields it reads', () => {
    const s = view({ minLinks: 1 });
    const first = computeVisible(g, s);
    expect(computeVisible(g, { ...s, theme: 'dark', arrows: true, sizeScale: 2, selected: 'a.md' })).toBe(first);
    expect(computeVisible(g, { ...s, hiddenTags: [] })).toBe(first);
    const other = computeVisible(g, { ...s, hiddenTags: ['rust'] });
    expect(other).not.toBe(first);
    expect(other.nodes.has('c.md')).toBe(false);
    // With a local view the selection matters.
    const local = computeVisible(g, { ...s, localDepth: 1, selected: 'a.md' });
    expect(computeVisible(g, { ...s, localDepth: 1, selected: 'd.md' })).not.toBe(local);
  });

  it('is linear: 30,000 notes and 90,000 edges well under a second', () => {
    const big = emptyGraph();
    const n = 30_000;
    for (let i = 0; i < n; i++) big.addNode(`n${i}.md`, note(`n${i}.md`, [`t${i % 40}`, `area/${i % 7}`]));
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < n; i++) for (const d of [1, 7, 101]) edges.push([`n${i}.md`, `n${(i + d) % n}.md`]);
    link(big, edges);
    const t0 = performance.now();
    const v = computeVisibleUncached(big, view({ hiddenTags: ['t1', 'area/3'], minLinks: 2, selected: 'n0.md', localDepth: 3 }));
    const t1 = performance.now();
    const all = computeVisibleUncached(big, view({ hiddenTags: ['t1', 'area/3'], onlyTags: ['area'] }));
    const t2 = performance.now();
    expect(v.nodes.size).toBeGreaterThan(10);
    let expected = 0;
    for (let i = 0; i < n; i++) if (i % 40 !== 1 && i % 7 !== 3) expected++;
    expect(all.notesShown).toBe(expected);
    expect(t1 - t0).toBeLessThan(1000);
    expect(t2 - t1).toBeLessThan(1000);
  });
});

describe('tagMatches', () => {
  it.each([
    ['security', 'security', true],
    ['security/e2ee', 'security', true],
    ['security/e2ee/x', 'security/e2ee', true],
    ['securityx', 'security', false],
    ['security', 'security/e2ee', false],
    ['sec', 'security', false],
  ])('%s under %s: %s', (tag, filter, expected) => {
    expect(tagMatches(tag, filter)).toBe(expected);
  });
});
