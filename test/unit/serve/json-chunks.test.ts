/** jsonChunks gives exactly JSON.stringify's text, in pieces (the incremental cache's writer). */
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../src/serve/json-chunks.js';

const cases: [string, unknown][] = [
  ['an object with lists', { a: [1, 'x', null, { b: [true, false] }], c: 'q"uote\\n', d: { e: [[1, 2], []], f: {} } }],
  ['undefined and functions, as JSON.stringify drops or nulls them', { a: undefined, b: [undefined, () => 1, 2], c: () => 1, d: 1 }],
  ['a date (toJSON) and special numbers', { when: new Date(0), n: [NaN, Infinity, -0] }],
  ['an empty object and an empty list', { a: {}, b: [] }],
  ['a top-level list', [{ a: 1 }, [2, [3]], 'x']],
];

describe('jsonChunks', () => {
  it.each(cases)('%s: the same text as JSON.stringify, at every depth and chunk size', (_name, value) => {
    for (const depth of [0, 1, 2, 3, 5]) {
      for (const size of [1, 7, 1 << 20]) expect([...jsonChunks(value, depth, size)].join('')).toBe(JSON.stringify(value));
    }
  });

  it('cuts a large list into chunks of about the size asked', () => {
    const value = { items: Array.from({ length: 10_000 }, (_, i) => ({ i, text: 'x'.repeat(50) })) };
    const chunks = [...jsonChunks(value, 2, 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.slice(0, -1).every((c) => c.length >= 64 * 1024 && c.length < 66 * 1024)).toBe(true);
  });
});
