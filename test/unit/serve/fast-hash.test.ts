/** FastHash: the incremental cache's fingerprints (note structure, note names) tell sequences of strings apart. */
import { describe, expect, it } from 'vitest';
import { FastHash } from '../../../src/serve/fast-hash.js';

const of = (...parts: string[]): string => {
  const hash = new FastHash();
  for (const p of parts) hash.update(p);
  return hash.digest();
};

describe('FastHash', () => {
  it('is a pure function of the strings in order', () => {
    expect(of('a', 'b')).toBe(of('a', 'b'));
    expect(of('a', 'b')).not.toBe(of('b', 'a'));
    expect(of('ab', 'c')).not.toBe(of('a', 'bc'));
    expect(of('')).not.toBe(of());
    expect(of('notes/a.md')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives 20,000 similar note paths 20,000 fingerprints', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(of(`notes/${i}.md`, `Note ${i % 100}`));
    expect(seen.size).toBe(20_000);
  });
});

describe('FastHash.updateInt', () => {
  it('tells pairs of numbers apart', () => {
    const seen = new Set<string>();
    for (let a = 0; a < 200; a++) for (let b = 0; b < 200; b++) seen.add(new FastHash().update('k').updateInt(a).updateInt(b).digest());
    expect(seen.size).toBe(40_000);
  });
});
