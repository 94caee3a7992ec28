/**
 * What a note is about, in a few lines of plain text: its frontmatter
 * `description` (or `summary`), else its first paragraph of prose. Also the
 * word count of the body.
 */
import { splitBlocks } from './markdown-blocks.js';
import { toPlainText, truncateAtWord } from './plain-text.js';
import { field, scalarString } from './frontmatter.js';
import { nextIndexFinder } from './line-index.js';

/** Longest summary returned, in characters (cut at a word, with an ellipsis). */
export const MAX_SUMMARY = 280;

/** Text that says nothing by itself: only tags, embeds or punctuation. */
function isEmptyProse(plain: string): boolean {
  return plain.replace(/(^|\s)#[^\s#]+/g, ' ').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
}

/**
 * The first paragraph of prose in `body`: headings, HTML blocks, rules,
 * tables and definitions are skipped; a paragraph that is only an embed or
 * only tags is skipped too. Without any paragraph, the first list or quote.
 * `masked` is `body` with code masked (same offsets), so code blocks never
 * become the summary.
 */
function firstParagraph(body: string, masked: string): string {
  let fallback = '';
  for (const block of splitBlocks(masked)) {
    if (block.kind !== 'paragraph' && block.kind !== 'list' && block.kind !== 'quote') continue;
    // Enough raw text for MAX_SUMMARY characters of plain text, however long the block.
    const end = Math.min(block.end, block.start + MAX_SUMMARY * 8);
    // Embeds (`![[x]]`, `![a](b.png)`) show content, not prose.
    const raw = body.slice(block.start, end).replace(/!\[\[[^[\]\n]*\]\]|!\[[^[\]\n]*\]\([^()\n]*\)/g, ' ');
    const plain = toPlainText(raw);
    if (isEmptyProse(plain)) continue;
    if (block.kind === 'paragraph') return plain;
    if (fallback === '') fallback = plain;
  }
  return fallback;
}

/** The summary: frontmatter `description` or `summary`, else the first paragraph; at most MAX_SUMMARY characters. */
export function summarize(data: Record<string, unknown> | null, body: string, masked: string): string {
  const written = scalarString(field(data, 'description')) ?? scalarString(field(data, 'summary'));
  const text = written !== null ? toPlainText(written) : firstParagraph(body, masked);
  return truncateAtWord(text, MAX_SUMMARY);
}

// Letters and digits of any script (one character at a time, for non-ASCII).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Scripts written without spaces between words: each character is a word.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Words of prose in `masked` (a body with code masked), in one pass: a word
 * is a run of letters and digits, joined by `'`, `’`, `-` or `_`
 * (`end-to-end`, `it's`); each CJK character is a word. HTML tags and link
 * destinations (URLs, paths) are not words.
 */
export function countWords(masked: string): number {
  let n = 0;
  let inWord = false;
  const len = masked.length;
  const nextGt = nextIndexFinder(masked, '>');
  const nextNewline = nextIndexFinder(masked, '\n');
  const nextParen = nextIndexFinder(masked, ')');
  const nextSpace = nextIndexFinder(masked, ' ');
  const nextClose = nextIndexFinder(masked, ']]');
  const nextBar = nextIndexFinder(masked, '|');
  for (let i = 0; i < len; i++) {
    const c = masked.charCodeAt(i);
    // Skip `<tag ...>` and `](destination)` without counting.
    if (c === 60 /* < */ && isTagStart(masked.charCodeAt(i + 1))) {
      const close = nextGt(i);
      const newline = nextNewline(i);
      if (close !== -1 && (newline === -1 || close < newline)) {
        i = close;
        inWord = false;
        continue;
      }
    }
    if (c === 93 /* ] */ && masked.charCodeAt(i + 1) === 40 /* ( */) {
      const close = nextParen(i);
      const newline = nextNewline(i);
      const space = nextSpace(i);
      if (close !== -1 && (newline === -1 || close < newline) && (space === -1 || close < space)) {
        i = close;
        inWord = false;
        continue;
      }
    }
    // `[[target|alias]]` reads as its alias: skip the target.
    if (c === 91 /* [ */ && masked.charCodeAt(i + 1) === 91) {
      const close = nextClose(i);
      const bar = nextBar(i);
      const newline = nextNewline(i);
      if (close !== -1 && bar !== -1 && bar < close && (newline === -1 || close < newline)) {
        i = bar;
        inWord = false;
        continue;
      }
    }
    let word: boolean;
    if (c < 128) word = isWordCode(c);
    else {
      const ch = String.fromCodePoint(masked.codePointAt(i)!);
      if (ch.length === 2) i++;
      if (CJK_CHAR.test(ch)) {
        n++;
        inWord = false;
        continue;
      }
      word = WORD_CHAR.test(ch) || (inWord && (ch === '’' || ch === '\u00ad'));
    }
    if (!word && inWord && (c === 39 || c === 45 || c === 95) && isWordCode(masked.charCodeAt(i + 1))) word = true;
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

function isTagStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 /* / */ || c === 33 /* ! */;
}
