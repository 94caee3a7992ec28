/**
 * findNames (the mention finder's one loop: tokens, look-up and automaton
 * together, masks as ranges) finds what its definition finds: the prose as
 * a string (`prose`: frontmatter blanked, code blanked, links, URLs, HTML
 * and tags as \x01), lower-cased whole, cut into tokens, scanned by the
 * automaton. Also the small helpers it brought: hasLettersOrDigits.
 */
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/core/normalize.js';
import { findBlock } from '../../../src/extract/frontmatter.js';
import { hasLettersOrDigits, MentionNames } from '../../../src/extract/mention-names.js';
import { findNames, forEachToken, HIT_SIZE, prose, type NameMatcher } from '../../../src/extract/mention-text.js';
import { createRandom } from '../../../scripts/lib/prng.js';

function matcherOf(titles: string[]): { matcher: NameMatcher; names: string[] } {
  const names = new MentionNames(
    titles.map((title, i) => ({ path: `n${i}.md`, title, aliases: [] })),
    1,
  );
  return { matcher: names.matcher, names: names.names };
}

/** [name, start, end) of every occurrence, the definition's way. */
function byDefinition(raw: string, matcher: NameMatcher): [number, number, number][] {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const masked = prose(text, findBlock(text)?.bodyStart ?? 0);
  const lower = masked.toLowerCase();
  const source = lower.length === masked.length ? lower : masked;
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  forEachToken(source, (start, end) => {
    const word = source.slice(start, end).toLowerCase();
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    ids.push(matcher.vocabulary.find(word, 0, word.length, hash >>> 0));
    starts.push(start);
    ends.push(end);
  });
  const out: [number, number, number][] = [];
  matcher.automaton.scan(Int32Array.from(ids), ids.length, (name, end) => out.push([name, starts[end - matcher.lengths[name] + 1], ends[end]]));
  return out;
}

function found(raw: string, matcher: NameMatcher): [number, number, number][] {
  const hits: number[] = [];
  findNames(raw, matcher, hits);
  const out: [number, number, number][] = [];
  for (let i = 0; i < hits.length; i += HIT_SIZE) out.push([hits[i], hits[i + 3], hits[i + 4]]);
  return out;
}

const TITLES = ['Deep Learning', 'Deep Learning Systems', 'Zürich', 'Ελλάδα', 'Οδος', 'Istanbul', 'lang/C# Notes', 'ml-2020', 'Naïve Café', 'https', 'learning'];

describe('findNames', () => {
  const { matcher, names } = matcherOf(TITLES);
  const written = (raw: string) => found(raw, matcher).map(([name]) => names[name]);

  it.each([
    ['a code span between two words joins them (code is blanked, not a break)', 'Deep `x` Learning', ['deep learning', 'learning']],
    ['a link between them breaks them', 'Deep [[x]] Learning', ['learning']],
    ['a URL starting inside a word ends the word', 'naïvehttps://deep.io café', []],
    ['frontmatter is not prose, and backticks in it open no code', '---\nk: `Deep\n---\nLearning` deep learning', ['learning', 'deep learning', 'learning']],
    // Before the URL's mask Σ ends a word (ς), as in the masked text: not σ as in `ΟΔΟΣhttps`.
    ['Σ at a word end lowers to ς as in the masked text', 'ΟΔΟΣ [[x]]. ΟΔΟΣhttps://x ελλάδα', ['οδος', 'οδος', 'ελλάδα']],
    ['ASCII capitals are read as lower case (no lower-cased copy)', 'DEEP Learning SyStEmS; ML-2020 and LANG/C# NOTES', ['deep learning', 'learning', 'deep learning systems', 'ml-2020', 'lang/c# notes']],
    ['İ lowers to two characters: tokens are lowered one by one', 'İstanbul and ISTANBUL', ['istanbul']],
    ['CRLF, BOM and decomposed accents', '\ufeffZu\u0308rich\r\nDEEP LEARNING SYSTEMS', ['zürich', 'deep learning', 'learning', 'deep learning systems']],
  ])('%s', (_what, text, expected) => {
    expect(found(text, matcher)).toEqual(byDefinition(text, matcher));
    expect(written(text)).toEqual(expected);
  });

  it('equals its definition on random texts', () => {
    const random = createRandom(5);
    const pick = <T>(xs: readonly T[]): T => xs[random.int(xs.length)];
    const words = ['deep', 'Learning', 'SYSTEMS', 'zürich', 'zu\u0308rich', 'ΟΔΟΣ', 'οδος', 'İstanbul', 'c#', 'notes', 'ml-2020', 'naïve', 'café', 'https'];
    const pieces = [' ', '\n', '\r\n', '.', '#', '`', '```\n', '[[', ']]', '[[x]]', '![[a.png]]', '[a](b)', 'https://x.io/deep', 'éhttp://y', '<b>', '#tag', ' #deep', '---\n', '\u00a0', '\x01'];
    for (let round = 0; round < 500; round++) {
      let text = random.next() < 0.3 ? `---\nk: ${pick(words)}${random.next() < 0.3 ? ' `' : ''}\n---\n` : '';
      for (let n = random.int(40); n > 0; n--) text += random.next() < 0.5 ? pick(words) : pick(pieces);
      expect(found(text, matcher), JSON.stringify(text)).toEqual(byDefinition(text, matcher));
    }
  });

  it('a name holding \\x01 matches masked characters, as the definition says', () => {
    const odd = matcherOf(['a\x01\x01b']).matcher;
    const text = 'a[[b';
    expect(found('a<i>b', odd)).toEqual(byDefinition('a<i>b', odd));
    expect(found(text, odd)).toEqual(byDefinition(text, odd));
  });
});

describe('hasLettersOrDigits', () => {
  const definition = (name: string, min: number): boolean => (name.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= min;
  it.each(['', 'go', 'c++', 'c#  x', 'a1-b2', '4th', 'ÄÖ', 'né', 'ελλάδα', '日本', '𐐀𐐨', '\ud800x', '@[]`{', '٣٤'])('%j', (name) => {
    for (let min = 0; min <= 5; min++) expect(hasLettersOrDigits(normalizeName(name), min)).toBe(definition(normalizeName(name), min));
  });
});
