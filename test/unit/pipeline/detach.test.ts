/**
 * detachNote copies a parsed note's strings out of its file's text: the same
 * note, value for value, in new objects (so the text can be collected).
 */
import { describe, expect, it } from 'vitest';
import { detachNote, detachString } from '../../../src/extract/detach.js';
import { parseNote } from '../../../src/extract/parse-note.js';

describe('detachNote', () => {
  const text = [
    '---', 'title: A note about gardens', 'tags: [garden, veg/tomato]', 'aliases: [Gardening notes]', 'created: 2020-04-02', '---', '',
    'The first paragraph links [[Tomato plants|tomatoes]] and [[Compost heap]] in one long sentence.', '',
    'See also [x](../other/note.md).',
  ].join('\n');
  const note = parseNote(text, 'garden/a.md');

  it('keeps every value of the note', () => {
    const detached = detachNote(note);
    expect(detached).toEqual(note);
    expect(detached.links.length).toBeGreaterThan(2);
    expect(detached.links).not.toBe(note.links);
    expect(detached.links[0]).not.toBe(note.links[0]);
  });

  it('copies strings by value, short ones as they are', () => {
    const long = text.slice(40, 120);
    expect(detachString(long)).toBe(long);
    expect(detachString('short')).toBe('short');
    expect(detachString('')).toBe('');
  });
});
