/**
 * maskRanges (the masks found by looking only where one can start) gives
 * what the definition, the NOT_PROSE regex run from the same place, gives.
 */
import { describe, expect, it } from 'vitest';
import { maskRanges, NOT_PROSE } from '../../../src/extract/mention-masks.js';
import { createRandom } from '../../../scripts/lib/prng.js';

function byDefinition(s: string, from: number): number[] {
  const ranges: number[] = [];
  NOT_PROSE.lastIndex = from;
  for (let m = NOT_PROSE.exec(s); m !== null; m = NOT_PROSE.exec(s)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

describe('maskRanges', () => {
  it.each([
    ['links, embeds, a URL, HTML and a tag', 'See [[a|b]], ![[c.png]], [d](e.md) at https://f.io/g, <b>h</b> #tag.', 0],
    ['a URL only at a word boundary, and its scheme whole', 'xhttps://a _http://b éhttps://c mailto:d@e ftp: file:/x HTTP://no', 0],
    ['a tag only after a space, > or (', 'a#no (#yes) >#yes #yes', 0],
    ['a ! already inside the last mask is not an embed', '[x](y)![[z]]', 0],
    ['from the middle: what starts before is not seen, what looks back still is', '---\nk: [[a]]\n---\n#tag http://x', 16],
    ['a scheme cut by the start', 'https://x', 2],
  ])('%s', (_what, s, from) => {
    expect(maskRanges(s, from)).toEqual(byDefinition(s, from));
  });

  it('equals the definition on random texts', () => {
    const random = createRandom(3);
    const pieces = ['[', ']', '[[', ']]', '!', '(', ')', '<', '>', '</', '<b', '#', ' #', '(#', 'a#', ':', 'http', 'https', 'ftp', 'file', 'mailto', 'xhttp', '_', 'é', '//', ' ', '\n', 'a', 'B', '1', '.', '"', '{', '\u00a0'];
    for (let round = 0; round < 5000; round++) {
      let s = '';
      for (let n = random.int(25); n > 0; n--) s += pieces[random.int(pieces.length)];
      const from = random.int(s.length + 1);
      expect(maskRanges(s, from), JSON.stringify([s, from])).toEqual(byDefinition(s, from));
    }
  });
});
