/**
 * One note's text as the mention finder reads it: the prose, cut into word
 * tokens. Frontmatter, code, links (wiki, Markdown, bare URLs), HTML tags
 * and #tags are not prose: they are masked out, and a mask breaks a name in
 * two (`Deep [[x]] Learning` does not name "Deep Learning"). A line break
 * does too. Names are cut into tokens the same way (`tokenize`), so a
 * name's words match the text's words whole, case-insensitively (Unicode
 * lower case) and in Unicode NFC.
 */
import { maskCode } from './code-spans.js';
import type { TokenAutomaton } from './aho-corasick.js';
import { findBlock } from './frontmatter.js';
import { maskRanges, NOT_PROSE } from './mention-masks.js';

const MASK = '\x01';
const NON_ASCII = /[^\x00-\x7f]/;

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/;
const WORD = 1;
const BLANK = 2;
const OTHER = 3;
/** Class of each UTF-16 code unit (0: not looked up yet); surrogates count as word characters. */
const classes = new Uint8Array(65536);

function classOf(c: number): number {
  let k = classes[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = c === 10 ? OTHER : c >= 0xd800 && c <= 0xdfff ? WORD : WORD_CHAR.test(ch) ? WORD : SPACE.test(ch) ? BLANK : OTHER;
    classes[c] = k;
  }
  return k;
}
// ASCII looked up once here: the loops below read it without a check.
for (let c = 0; c < 128; c++) classOf(c);

/**
 * Calls `onToken(start, end, hash)` for each token of `s`: a word (letters,
 * digits, marks, `_`), a line break, or one other non-space character.
 * `hash`: FNV-1a of the token's code units. A loop over code units, not a
 * regex: it is most of the stage's time (millions of tokens per 10,000 notes).
 */
export function forEachToken(s: string, onToken: (start: number, end: number, hash: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? classes[c] || classOf(c) : classOf(c);
    if (k === BLANK) {
      i++;
      continue;
    }
    const start = i;
    let hash = Math.imul(0x811c9dc5 ^ c, 16777619);
    i++;
    if (k === WORD) {
      while (i < n) {
        const d = s.charCodeAt(i);
        if ((d < 128 ? classes[d] || classOf(d) : classOf(d)) !== WORD) break;
        hash = Math.imul(hash ^ d, 16777619);
        i++;
      }
    }
    onToken(start, i, hash >>> 0);
  }
}

/** The tokens of `s` (already lower-cased and NFC), for the names' side. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  forEachToken(s, (start, end) => out.push(s.slice(start, end)));
  return out;
}

/** FNV-1a of a whole string, as forEachToken computes it for a token. */
function hashOf(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Whether s[start, start + word.length) is `word` once its ASCII capitals are lower-cased. */
function sameFolded(s: string, start: number, word: string): boolean {
  for (let q = 0; q < word.length; q++) {
    let c = s.charCodeAt(start + q);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(q)) return false;
  }
  return true;
}

/**
 * The names' tokens and their ids. A text token is looked up by hash, then
 * checked in place (`startsWith` at its offset): no string is made for the
 * millions of text words that no name uses.
 */
export class Vocabulary {
  private readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private ids = new Int32Array(1024).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, added when new. */
  add(word: string): number {
    const hash = hashOf(word);
    const found = this.find(word, 0, word.length, hash);
    if (found !== -1) return found;
    if ((this.words.length + 1) * 2 > this.ids.length) this.grow();
    const id = this.words.length;
    this.words.push(word);
    this.insert(hash, id);
    return id;
  }

  /** The id of the token s[start, end) with hash `hash`, or -1. */
  find(s: string, start: number, end: number, hash: number): number {
    const mask = this.ids.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.ids[i];
      if (id === -1) return -1;
      if (this.hashes[i] === (hash | 0)) {
        const word = this.words[id];
        if (word.length === end - start && s.startsWith(word, start)) return id;
      }
    }
  }

  /** find, for a token of ASCII text not lower-cased yet (`hash`: of its lower case). */
  findFolded(s: string, start: number, end: number, hash: number): number {
    const mask = this.ids.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.ids[i];
      if (id === -1) return -1;
      if (this.hashes[i] === (hash | 0)) {
        const word = this.words[id];
        if (word.length === end - start && sameFolded(s, start, word)) return id;
      }
    }
  }

  private insert(hash: number, id: number): void {
    const mask = this.ids.length - 1;
    let i = hash & mask;
    while (this.ids[i] !== -1) i = (i + 1) & mask;
    this.hashes[i] = hash;
    this.ids[i] = id;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    this.hashes = new Int32Array(n);
    this.ids = new Int32Array(n).fill(-1);
    this.words.forEach((w, id) => this.insert(hashOf(w), id));
  }
}

/**
 * `text` with [0, length) blanked out but for its line breaks. Line by line
 * with `repeat`: a per-character regex replace was a tenth of the stage.
 */
export function blankPrefix(text: string, length: number): string {
  if (length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < length; nl = text.indexOf('\n', from)) {
    parts.push(' '.repeat(nl - from), '\n');
    from = nl + 1;
  }
  parts.push(' '.repeat(length - from), text.slice(length));
  return parts.join('');
}

/** The names' side of the matcher (mention-names.ts). */
export interface NameMatcher {
  vocabulary: Vocabulary;
  automaton: TokenAutomaton;
  /** Tokens per name (pattern). */
  lengths: ArrayLike<number>;
  /** The longest name, in tokens. */
  maxLength: number;
}

/** A note's text as the finder read it. */
export interface ProseText {
  /** NFC, `\n` line ends, no BOM: offsets and lines are the note's. */
  text: string;
  /** Where the body starts (after the frontmatter block; 0 without one). */
  bodyStart: number;
}

/** One flat list of hits: per hit, 5 numbers (see HIT_SIZE). */
export type Hits = number[];
/** A hit is [name, first token, last token, start, end): token indices order hits and tell overlaps; offsets are the text's. */
export const HIT_SIZE = 5;

/**
 * Lower-casing goes character by character except for two characters: İ
 * becomes two, Σ becomes ς at a word's end (so what follows counts).
 * Without them a text can be lower-cased whole before its masks are known.
 */
const CONTEXT_CASE = /[\u0130\u03a3]/;

/** Whether the text's first `length` characters hold a backtick or a tilde (looking at those only). */
function holdsCodeMark(text: string, length: number): boolean {
  return length > 0 && (text.lastIndexOf('`', length - 1) !== -1 || text.lastIndexOf('~', length - 1) !== -1);
}

/**
 * Finds every occurrence of every name in a note's prose, pushing each into
 * `hits` ([name, first token, last token, start, end), in text order,
 * longer names first at one end). One loop over the text's code units cuts
 * tokens, looks them up and steps the automaton; masks (links, URLs, tags,
 * HTML) are ranges that the loop jumps over, not copies of the text.
 * Equal to tokenizing `prose(text)` (the definition, kept for the odd
 * texts) and scanning the tokens with the automaton.
 */
export function findNames(raw: string, matcher: NameMatcher, hits: Hits): ProseText {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const ascii = !NON_ASCII.test(text);
  if (!ascii) text = text.normalize('NFC');
  const block = findBlock(text);
  const bodyStart = block ? block.bodyStart : 0;
  // A name holding \x01 would match masked characters (never seen, but the definition allows it).
  if ((!ascii && CONTEXT_CASE.test(text)) || matcher.vocabulary.find(MASK, 0, 1, MASK_HASH) !== -1) {
    // The definition, step by step: masks in place, then lower case.
    const masked = prose(text, bodyStart);
    const lower = masked.toLowerCase();
    const sameLength = lower.length === masked.length;
    scanTokens(sameLength ? lower : masked, 0, NO_MASKS, sameLength ? LOWER : LOWER_EACH, matcher, hits);
    return { text, bodyStart };
  }
  // Frontmatter that holds backticks or tildes could open code: then it is blanked first, as in the definition.
  const code = maskCode(holdsCodeMark(text, bodyStart) ? blankPrefix(text, bodyStart) : text);
  // No mask holds a line break, and the body starts after one: masks from there on are the body's.
  // ASCII is lower-cased as it is read: no copy of the text (at 100,000 notes its copies cost young-generation collections).
  if (ascii) scanTokens(code, bodyStart, maskRanges(code, bodyStart), FOLD_ASCII, matcher, hits);
  else scanTokens(code.toLowerCase(), bodyStart, maskRanges(code, bodyStart), LOWER, matcher, hits);
  return { text, bodyStart };
}

/**
 * What the finder reads, as a string: the body with code blanked out and
 * every other mask (NOT_PROSE) as \x01 characters, frontmatter blanked.
 * Each \x01 is a token of its own, which no name uses but a freak one.
 */
export function prose(text: string, bodyStart: number): string {
  return maskCode(blankPrefix(text, bodyStart)).replace(NOT_PROSE, (m) => MASK.repeat(m.length));
}

const NO_MASKS: number[] = [];
const MASK_HASH = hashOf(MASK);

/** How scanTokens reads case: `src` lower case already; ASCII to fold as read; each token lower-cased on its own (İ). */
type Casing = 0 | 1 | 2;
const LOWER = 0;
const FOLD_ASCII = 1;
const LOWER_EACH = 2;

/** Positions of token starts in a ring (a name's first token is at most maxLength tokens back). */
let ring = new Int32Array(256);

/**
 * The tokenizer of forEachToken and the automaton's step in one loop over
 * `src` from `from` on. `masks`: sorted [start, end) ranges, each read as
 * one token no name uses. `casing`: see Casing.
 */
function scanTokens(src: string, from: number, masks: readonly number[], casing: Casing, matcher: NameMatcher, hits: Hits): void {
  const { vocabulary, automaton, lengths } = matcher;
  const { firstOutput, nextOutput, outputs } = automaton;
  if (ring.length < matcher.maxLength) {
    let size = ring.length;
    while (size < matcher.maxLength) size *= 2;
    ring = new Int32Array(size);
  }
  const ringMask = ring.length - 1;
  const n = src.length;
  let m = 0;
  let maskAt = masks.length > 0 ? masks[0] : n;
  let state = 0;
  let token = 0;
  let i = from;
  while (i < n) {
    if (i === maskAt) {
      // A masked range: one token that no name uses.
      i = masks[m + 1];
      m += 2;
      maskAt = m < masks.length ? masks[m] : n;
      state = 0;
      token++;
      continue;
    }
    const start = i;
    let c = src.charCodeAt(i);
    if (casing === FOLD_ASCII && c >= 65 && c <= 90) c += 32;
    const k = c < 128 ? classes[c] : classOf(c);
    if (k === BLANK) {
      i++;
      continue;
    }
    let hash = Math.imul(0x811c9dc5 ^ c, 16777619);
    i++;
    if (k === WORD) {
      // A mask ends a word (`naïvehttps://…`: the URL starts at the `h`).
      const limit = maskAt < n ? maskAt : n;
      while (i < limit) {
        let d = src.charCodeAt(i);
        if (casing === FOLD_ASCII && d >= 65 && d <= 90) d += 32;
        if ((d < 128 ? classes[d] : classOf(d)) !== WORD) break;
        hash = Math.imul(hash ^ d, 16777619);
        i++;
      }
    }
    let id: number;
    if (casing === LOWER) id = vocabulary.find(src, start, i, hash >>> 0);
    else if (casing === FOLD_ASCII) id = vocabulary.findFolded(src, start, i, hash >>> 0);
    else {
      const word = src.slice(start, i).toLowerCase();
      id = vocabulary.find(word, 0, word.length, hashOf(word));
    }
    if (id < 0) {
      // A token no name uses (a line break among them): it ends any name under way.
      state = 0;
      token++;
      continue;
    }
    ring[token & ringMask] = start;
    state = automaton.next(state, id);
    // Deeper states first: the longest name ending here is reported first.
    for (let s = firstOutput[state]; s !== -1; s = nextOutput[s]) {
      const name = outputs[s];
      const first = token - lengths[name] + 1;
      hits.push(name, first, token, ring[first & ringMask], i);
    }
    token++;
  }
}
