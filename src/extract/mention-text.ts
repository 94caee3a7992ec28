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
import { findBlock } from './frontmatter.js';

/** What is not prose, outside code: wiki links and embeds, Markdown links and images, URLs, HTML tags, #tags. */
const NOT_PROSE =
  /!?\[\[[^\n]*?\]\]|!?\[[^\]\n]*\]\([^)\n]*\)|\b(?:https?|ftp|file|mailto):[^\s<>()[\]]+|<\/?[A-Za-z][^>\n]*>|(?<![^\s>(])#[^\s#.,;:!?()[\]{}"']+/g;

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

/** A note's text ready for the matcher. */
export interface MentionText {
  /** The text (NFC, `\n` line ends, no BOM) with its frontmatter blanked out: offsets and lines are the note's. */
  body: string;
  /** Token ids (-1 for a token no name uses), and each token's [start, end) in `body`. */
  tokens: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Token buffers reused from note to note (grown when a note needs more). */
export class TokenBuffers {
  tokens: Int32Array = new Int32Array(4096);
  starts: Int32Array = new Int32Array(4096);
  ends: Int32Array = new Int32Array(4096);

  ensure(n: number): void {
    if (n <= this.tokens.length) return;
    let size = this.tokens.length;
    while (size < n) size *= 2;
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.tokens = grow(this.tokens);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
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

/**
 * Cuts a note's text into token ids through `vocabulary` (-1 for a token
 * no name uses), into `buffers`.
 */
export function mentionText(
  raw: string,
  vocabulary: Vocabulary,
  buffers: TokenBuffers,
): MentionText {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (NON_ASCII.test(text)) text = text.normalize('NFC');
  const block = findBlock(text);
  const body = blankPrefix(text, block ? block.bodyStart : 0);
  const masked = maskCode(body).replace(NOT_PROSE, (m) => MASK.repeat(m.length));
  const lower = masked.toLowerCase();
  // A few characters lower-case to two (İ): then each token is lower-cased on its own, offsets stay the text's.
  const sameLength = lower.length === masked.length;
  const source = sameLength ? lower : masked;
  let count = 0;
  forEachToken(source, (start, end, hash) => {
    if (count === buffers.tokens.length) buffers.ensure(count + 1);
    // A line break is no name's token: it ends any name under way.
    buffers.tokens[count] = sameLength
      ? vocabulary.find(source, start, end, hash)
      : vocabulary.find(source.slice(start, end).toLowerCase(), 0, end - start, hashOf(source.slice(start, end).toLowerCase()));
    buffers.starts[count] = start;
    buffers.ends[count] = end;
    count++;
  });
  return { body, tokens: buffers.tokens, starts: buffers.starts, ends: buffers.ends, count };
}
