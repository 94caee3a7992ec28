/**
 * What a note is about, in a few lines of plain text: its frontmatter
 * `description` (or `summary`), else its first paragraph of prose. Also the
 * word count of the body.
 */
import { splitBlocks } from './markdown-blocks.js';
import { isEmptyProse, toPlainText, truncateAtWord } from './plain-text.js';
import { withDefinitionTitles, withoutEmbeds } from './link-names.js';
import { field, scalarString } from './frontmatter.js';
import { nextIndexFinder } from './line-index.js';

/** Longest summary returned, in characters (cut at a word, with an ellipsis). */
const MAX_SUMMARY = 280;

/**
 * The first paragraph of prose in `body`: headings, HTML blocks, rules,
 * tables and link-reference definitions are skipped; a paragraph that is
 * only embeds, block IDs, a callout marker or tags is skipped too, so the
 * summary is the next paragraph of prose. Without any paragraph, the first
 * list or quote. A Foam `[[slug]]` reads as its definition's title (`titles`).
 * `masked` is `body` with code masked (same offsets), so code blocks never
 * become the summary.
 */
function firstParagraph(body: string, masked: string, titles: ReadonlyMap<string, string>): string {
  let fallback = '';
  for (const block of splitBlocks(masked)) {
    if (block.kind !== 'paragraph' && block.kind !== 'list' && block.kind !== 'quote') continue;
    // Enough raw text for MAX_SUMMARY characters of plain text, however long the block.
    const end = Math.min(block.end, block.start + MAX_SUMMARY * 8);
    // Embeds (`![[x]]`, `![a](b.png)`) show content, not prose.
    const raw = withDefinitionTitles(withoutEmbeds(body.slice(block.start, end)), titles);
    const plain = toPlainText(raw);
    if (isEmptyProse(plain)) continue;
    if (block.kind === 'paragraph') return plain;
    if (fallback === '') fallback = plain;
  }
  return fallback;
}

/** The summary: frontmatter `description` or `summary`, else the first paragraph; at most MAX_SUMMARY characters. */
export function summarize(
  data: Record<string, unknown> | null,
  body: string,
  masked: string,
  titles: ReadonlyMap<string, string> = new Map(),
): string {
  const written = scalarString(field(data, 'description')) ?? scalarString(field(data, 'summary'));
  const text = written !== null ? toPlainText(written) : firstParagraph(body, masked, titles);
  return truncateAtWord(text, MAX_SUMMARY);
}

// Letters and digits of any script (one character at a time, for non-ASCII).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Scripts written without spaces between words: each character is a word.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// ASCII classes for the counting loop: 0 other, 1 letter or digit,
// 2 a joiner inside a word (`'`, `-`, `_`), 3 markup to look at (`<`, `]`, `[`).
// The loop gives any other code unit class 5 and looks it up (classOfCodePoint).
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ASCII[c] = 1;
}
ASCII[39] = 2;
ASCII[45] = 2;
ASCII[95] = 2;
ASCII[60] = 3;
ASCII[91] = 3;
ASCII[93] = 3;

/** Class of a non-ASCII code point: 4 for a CJK character, 1 for a letter or digit, 2 for `’`, else 0. */
function classOfCodePoint(cp: number): number {
  if (cp < 0x10000) {
    // Memoised for the BMP (class + 1; 0 = not looked up yet): the two Unicode regexes cost far more than the loop.
    const known = BMP_CLASS[cp];
    if (known !== 0) return known - 1;
    const k = lookUpClass(cp);
    BMP_CLASS[cp] = k + 1;
    return k;
  }
  return lookUpClass(cp);
}

const BMP_CLASS = new Uint8Array(0x10000);

function lookUpClass(cp: number): number {
  if (cp === 0x2019) return 2;
  const ch = String.fromCodePoint(cp);
  if (CJK_CHAR.test(ch)) return 4;
  return WORD_CHAR.test(ch) ? 1 : 0;
}

type Finder = (from: number) => number;

/**
 * Where markup at `i` (`<`, `]`, `[`) ends when it is not prose: the `>` of
 * an HTML tag, the `)` of a link destination, the `|` before a wiki link's
 * alias; -1 when the character is plain text. Searches are forward-only.
 */
function skipMarkup(s: string, i: number, c: number, gt: Finder, nl: Finder, paren: Finder, space: Finder, close: Finder, bar: Finder): number {
  const next = s.charCodeAt(i + 1);
  if (c === 60) {
    // `<tag ...>` or `</tag>` on one line.
    if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33)) return -1;
    const end = gt(i);
    const newline = nl(i);
    return end !== -1 && (newline === -1 || end < newline) ? end : -1;
  }
  if (c === 93) {
    // `](destination)`: no space or newline before the `)`.
    if (next !== 40) return -1;
    const end = paren(i);
    const newline = nl(i);
    const sp = space(i);
    return end !== -1 && (newline === -1 || end < newline) && (sp === -1 || end < sp) ? end : -1;
  }
  // `[[target|alias]]` reads as its alias: skip the target.
  if (next !== 91) return -1;
  const end = close(i);
  const b = bar(i);
  const newline = nl(i);
  return end !== -1 && b !== -1 && b < end && (newline === -1 || end < newline) ? b : -1;
}

// The code units of the text being counted, in a buffer reused across
// calls: V8 reads a typed array 2-3x faster than `charCodeAt`, which more
// than pays for the copy (one native write per note). Uint16Array and
// utf16le are both little-endian on the platforms Node runs on. A huge
// note gets a buffer of its own, so the shared one stays small.
const SHARED_UNITS = 1 << 16;
const sharedBytes = Buffer.alloc(2 * SHARED_UNITS);
const sharedUnits = new Uint16Array(sharedBytes.buffer, sharedBytes.byteOffset, SHARED_UNITS);
function codeUnitsOf(text: string): Uint16Array {
  if (text.length > SHARED_UNITS) {
    const bytes = Buffer.from(text, 'utf16le');
    return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  sharedBytes.write(text, 0, 'utf16le');
  return sharedUnits;
}

/**
 * Words of prose in `masked` (a body with code masked), in one pass: a word
 * is a run of letters and digits, joined by `'`, `’`, `-` or `_`
 * (`end-to-end`, `it's`); each CJK character is a word. HTML tags and link
 * destinations (URLs, paths) are not words, a wiki link counts its alias.
 * `from`: where to start (a word is never cut there: the caller passes the
 * end of a blank stretch).
 */
export function countWords(masked: string, from = 0): number {
  const gt = nextIndexFinder(masked, '>');
  const nl = nextIndexFinder(masked, '\n');
  const paren = nextIndexFinder(masked, ')');
  const space = nextIndexFinder(masked, ' ');
  const close = nextIndexFinder(masked, ']]');
  const bar = nextIndexFinder(masked, '|');
  const u = codeUnitsOf(masked);
  let n = 0;
  // 1 while inside a word. Letters, digits and other characters (most of the
  // text) take the branch-free first path: a word starts where a letter
  // follows a non-letter. Joiners, markup and non-ASCII take the second.
  let inWord = 0;
  const len = masked.length;
  for (let i = from; i < len; i++) {
    const c = u[i];
    let k = c < 128 ? ASCII[c] : 5;
    if (k <= 1) {
      n += k & ~inWord;
      inWord = k;
      continue;
    }
    if (k === 3) {
      const end = skipMarkup(masked, i, c, gt, nl, paren, space, close, bar);
      if (end !== -1) i = end;
      inWord = 0;
      continue;
    }
    if (k === 5) {
      let cp = c;
      // A surrogate pair is one code point (an astral letter is one word character).
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (u[i + 1] - 0xdc00) + 0x10000;
        i++;
      }
      k = classOfCodePoint(cp);
      if (k === 4) {
        n++;
        inWord = 0;
        continue;
      }
      if (k <= 1) {
        n += k & ~inWord;
        inWord = k;
        continue;
      }
    }
    // A joiner between letters keeps the word going (`end-to-end`); anywhere else it ends it.
    if (!(inWord === 1 && i + 1 < len && u[i + 1] < 128 && ASCII[u[i + 1]] === 1)) inWord = 0;
  }
  return n;
}
