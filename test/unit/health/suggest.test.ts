/**
 * The "did you mean" table: one row per rule of suggestFor (typo, nothing
 * close, alias, file name, short names, punctuation-only differences,
 * folders and extensions in the target, ties), plus its work at 10,000
 * notes and 2,000 dangling targets: bounded per target, same answers as a
 * full scan.
 */
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { buildSuggestionIndex, MAX_COMPARISONS, maxDistance, stripName, suggestFor, VISIT_BUDGET } from '../../../src/extract/suggest.js';
import type { ParsedNote } from '../../../src/extract/types.js';
import { syntheticNames } from './synthetic-names.js';

function note(path: string, title: string, aliases: string[] = []): ParsedNote {
  return {
    path, title, aliases, tags: [], summary: '', created: null, updated: null,
    draft: false, words: 0, links: [], warnings: [],
  };
}

const notes = [
  note('journal/2020-10-26 zoom e2ee.md', 'Zoom rolls out end to end encryption'),
  note('journal/zoom-meltdown.txt', 'Zoom security meltdown exposes cryptography gaps', ['zoom meltdown']),
  note('people/ada.md', 'Ada Lovelace', ['Countess of Lovelace']),
  note('projects/graph view.md', 'Graph view'),
  note('ai.md', 'AI'),
  note('web.md', 'Web'),
  note('notes/remote_work.md', 'Remote work normalizes across platforms'),
  note('cats.md', 'Cats'),
  note('a/readme.md', 'Read me A'),
  note('b/readme.md', 'Read me B'),
];
const index = buildSuggestionIndex(notes);

describe('suggestFor', () => {
  // [target, expected key or null, expected text, via, distance]
  const table: [string, string | null, string?, string?, number?][] = [
    // typo in a title: one letter swapped
    ['zoom securty meltdown exposes cryptography gaps', 'journal/zoom-meltdown.txt', 'Zoom security meltdown exposes cryptography gaps', 'title', 1],
    // case does not count; hyphens for spaces are a strong match, reported with their distance (2)
    ['ZOOM rolls out end-to-end encryption', 'journal/2020-10-26 zoom e2ee.md', 'Zoom rolls out end to end encryption', 'title', 2],
    // a changed word, within a quarter of the length
    ['zoom rolls out full encryption', null],
    ['zoom rolls out end to end encryptions', 'journal/2020-10-26 zoom e2ee.md', 'Zoom rolls out end to end encryption', 'title', 1],
    // alias match
    ['Countess of Lovlace', 'people/ada.md', 'Countess of Lovelace', 'alias', 1],
    ['zoom meltdwn', 'journal/zoom-meltdown.txt', 'zoom meltdown', 'alias', 1],
    // file name (without extension) match
    ['2020-10-26 zoom e2e', 'journal/2020-10-26 zoom e2ee.md', '2020-10-26 zoom e2ee', 'file', 1],
    // punctuation / hyphens / underscores only: strong match (distance counted on normalised names)
    ['remote-work', 'notes/remote_work.md', 'remote_work', 'file', 1],
    ['graph_view', 'projects/graph view.md', 'Graph view', 'title', 1],
    // nothing close: null
    ['quantum chromodynamics', null],
    ['Zoom', null],
    ['completely different title here', null],
    // short targets: everything is close to them, so no fuzzy suggestion...
    ['AJ', null],
    ['Wen', null],
    ['Cat', null],
    // ...but a punctuation-only difference still counts
    ['A.I.', 'ai.md', 'AI', 'title', 2],
    // length 4: distance 1 allowed
    ['Catz', 'cats.md', 'Cats', 'title', 1],
    // length 4: distance 2 is too far
    ['Dogs', null],
    // a folder in the target that did not resolve: tried by its last segment
    ['old/Graph veiw', 'projects/graph view.md', 'Graph view', 'title', 2],
    // an extension in the target is ignored
    ['Ada Lovelac.md', 'people/ada.md', 'Ada Lovelace', 'title', 1],
    // ties: same name in two notes: the smaller key
    ['read me', 'a/readme.md', 'readme', 'file', 1],
  ];
  it.each(table)('%s -> %s', (target, key, text, via, dist) => {
    const s = suggestFor(index, target);
    if (key === null) {
      expect(s).toBeNull();
    } else {
      expect(s).toEqual({ key, text, via, distance: dist });
    }
  });

  it('the threshold is a quarter of the length, at least 1, none below 4 characters', () => {
    expect([1, 3, 4, 7, 8, 12, 40].map(maxDistance)).toEqual([0, 0, 1, 1, 2, 3, 10]);
  });

  it('strips everything but letters and digits, Unicode included', () => {
    expect(stripName('zoom-security_notes! (2020)')).toBe('zoomsecuritynotes2020');
    expect(stripName('café à la carte')).toBe('caféàlacarte');
  });

  it('does not depend on the order of the notes', () => {
    const reversed = buildSuggestionIndex([...notes].reverse());
    for (const t of ['read me', 'zoom meltdwn', 'remote-work', 'Catz']) {
      expect(suggestFor(reversed, t)).toEqual(suggestFor(index, t));
    }
  });

  it('an empty vault suggests nothing', () => {
    expect(suggestFor(buildSuggestionIndex([]), 'anything at all')).toBeNull();
  });
});

describe('suggestFor at scale', () => {
  it('10,000 notes and 2,000 dangling targets: bounded work per target, same answers as a full scan', () => {
    const titles = syntheticNames(10_000, 1);
    const big = titles.map((t, i) => note(`n/${String(i).padStart(5, '0')} ${t.slice(0, 12)}.md`, t, i % 3 ? [] : [t + ' alt']));
    // Half typos of existing titles (one letter dropped), half names from another seed (mostly nothing close).
    const targets = [
      ...titles.slice(0, 1000).map((t) => t.slice(0, 5) + t.slice(6)),
      ...syntheticNames(1000, 2),
    ];
    const t0 = performance.now();
    const idx = buildSuggestionIndex(big);
    const t1 = performance.now();
    const found = targets.map((t) => suggestFor(idx, t));
    const t2 = performance.now();
    expect(found.slice(0, 1000).every((s) => s !== null)).toBe(true);

    // The filters are lossless: on a sample, the best distance equals a full scan's
    // (unless a punctuation-only match won, which the full scan does not know about).
    let compared = 0;
    for (let i = 0; i < targets.length; i += 20) {
      const norm = targets[i].toLowerCase();
      if (idx.stripped.has(stripName(norm))) continue;
      let bestD = Infinity;
      for (const c of idx.candidates) bestD = Math.min(bestD, distance(norm, c.norm));
      expect(found[i]?.distance ?? null).toBe(bestD <= maxDistance(norm.length) ? bestD : null);
      compared++;
    }
    expect(compared).toBeGreaterThan(80);
    const perTarget = (t2 - t1) / targets.length;
    console.log(`suggest: index ${(t1 - t0).toFixed(0)} ms for ${idx.candidates.length} names; ` +
      `${targets.length} lookups ${(t2 - t1).toFixed(0)} ms (${perTarget.toFixed(2)} ms each); ` +
      `${found.filter(Boolean).length} suggestions; per lookup ${(idx.work.visits / idx.work.lookups).toFixed(0)} index entries, ` +
      `${(idx.work.comparisons / idx.work.lookups).toFixed(1)} Levenshtein runs`);
    // The work per lookup is bounded whatever the vault's size (no timing: a shared machine varies).
    expect(idx.work.lookups).toBeGreaterThan(1500);
    expect(idx.work.visits).toBeLessThanOrEqual(idx.work.lookups * VISIT_BUDGET);
    expect(idx.work.comparisons).toBeLessThanOrEqual(idx.work.lookups * MAX_COMPARISONS);
    // ...and far below a full scan, which compares every target with all 23,000 names.
    expect(idx.work.comparisons / idx.work.lookups).toBeLessThan(idx.candidates.length / 100);
  });
});
