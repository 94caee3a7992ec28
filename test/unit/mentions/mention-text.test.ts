/**
 * blankPrefix: the frontmatter blanked out, offsets and line breaks kept
 * (the mention finder reports lines and offsets of the note's own text).
 */
import { describe, expect, it } from 'vitest';
import { blankPrefix } from '../../../src/extract/mention-text.js';

/** The plain definition: every character of the prefix but a line break becomes a space. */
const reference = (text: string, length: number): string => text.slice(0, length).replace(/[^\n]/g, ' ') + text.slice(length);

describe('blankPrefix', () => {
  it.each([
    ['no prefix', 'abc\ndef', 0],
    ['a frontmatter block', '---\ntitle: x\n---\nbody text\n', 17],
    ['prefix ending on a line break', 'ab\ncd\nef', 6],
    ['prefix ending mid line', 'ab\ncd\nef', 4],
    ['no line break at all', 'abcdef', 3],
    ['the whole text', 'a\n\nb', 4],
    ['blank lines only', '\n\n\nx', 3],
  ])('%s', (_name, text, length) => {
    const got = blankPrefix(text, length);
    expect(got).toBe(reference(text, length));
    expect(got.length).toBe(text.length);
  });
});
