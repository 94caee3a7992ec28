import { describe, expect, it } from 'vitest';
import { buildAutomaton, NO_TOKEN } from '../../../src/extract/aho-corasick.js';
import { createRandom } from '../../../scripts/lib/prng.js';

/** Every (pattern, end) found by a naive search, longest first at one end (ties: lower id first). */
function naive(patterns: number[][], text: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let end = 0; end < text.length; end++) {
    const here: [number, number][] = [];
    const seen = new Set<string>();
    patterns.forEach((p, id) => {
      const key = p.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const start = end - p.length + 1;
      if (start < 0) return;
      if (p.every((t, i) => text[start + i] === t)) here.push([id, end]);
    });
    here.sort((a, b) => patterns[b[0]].length - patterns[a[0]].length);
    out.push(...here);
  }
  return out;
}

function run(patterns: number[][], text: number[]): [number, number][] {
  const found: [number, number][] = [];
  buildAutomaton(patterns).scan(Int32Array.from(text), text.length, (p, end) => found.push([p, end]));
  return found;
}

describe('token automaton', () => {
  it('finds overlapping patterns, a pattern inside another and a prefix of another', () => {
    // he, she, his, hers over tokens h=1 e=2 s=3 i=4 r=5
    const patterns = [[1, 2], [3, 1, 2], [1, 4, 3], [1, 2, 5, 3]];
    const text = [4, 3, 1, 2, 5, 3, 1, 4, 3];
    expect(run(patterns, text)).toEqual([
      [1, 3],
      [0, 3],
      [3, 5],
      [2, 8],
    ]);
  });

  it('restarts after a token no pattern uses', () => {
    expect(run([[1, 2]], [1, NO_TOKEN, 2, 1, 2])).toEqual([[0, 4]]);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    const random = createRandom(7);
    for (let round = 0; round < 200; round++) {
      const alphabet = 2 + random.int(4);
      const patterns = Array.from({ length: 1 + random.int(8) }, () =>
        Array.from({ length: 1 + random.int(4) }, () => random.int(alphabet)),
      );
      const text = Array.from({ length: random.int(40) }, () => random.int(alphabet));
      const sortAtEnd = (xs: [number, number][]) =>
        xs.map(([p, e]) => `${e}:${patterns[p].length}:${patterns[p].join(',')}`);
      expect(sortAtEnd(run(patterns, text))).toEqual(sortAtEnd(naive(patterns, text)));
    }
  });
});
