/**
 * A note's word filter (the incremental mentions' way to find the notes a
 * new name may be in): never a false "no" for a name written in the text,
 * whatever its case or Unicode form, and mostly "no" for words it lacks.
 */
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/core/normalize.js';
import { mayHoldAll, nameTokenHashes, wordFilter } from '../../../src/extract/word-filter.js';

const holds = (text: string, name: string): boolean => mayHoldAll(wordFilter(text), nameTokenHashes(normalizeName(name)));

describe('word filter', () => {
  it.each([
    ['We met at the Deep Learning Summit.', 'deep learning summit'],
    ['CAFÉ RÉSUMÉ notes', 'Café résumé'],
    // NFD in the text, NFC in the name.
    ['cafe\u0301 talk', 'café'],
    ['Links: [[x]] then C++ tricks here', 'C++ tricks'],
    ['---\ntitle: x\n---\nbody with Zebra', 'zebra'],
  ])('holds the words of a name written in the text: %j has %j', (text, name) => {
    expect(holds(text, name)).toBe(true);
  });

  it('says no for most words a text lacks', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const absent = Array.from({ length: 1000 }, (_, i) => `other${i}`);
    const falseYes = absent.filter((w) => holds(text, w)).length;
    expect(falseYes).toBeLessThan(50); // about 1% expected (4096 bits, 3 probes, 300 words)
    expect(holds(text, 'word7 word250')).toBe(true);
  });
});
