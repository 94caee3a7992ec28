/**
 * What a note is about, in a few lines of plain text: its frontmatter
 * `description` (or `summary`), else its first paragraph of prose. Also the
 * word count of the body.
 */
import { splitBlocks } from './markdown-blocks.js';
import { toPlainText, truncateAtWord } from './plain-text.js';
import { scalarString } from './frontmatter.js';

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
    // Embeds (`![[x]]`, `![a](b.png)`) show content, not prose.
    const raw = body.slice(block.start, block.start + block.text.length).replace(/!\[\[[^[\]\n]*\]\]|!\[[^[\]\n]*\]\([^()\n]*\)/g, ' ');
    const plain = toPlainText(raw);
    if (isEmptyProse(plain)) continue;
    if (block.kind === 'paragraph') return plain;
    if (fallback === '') fallback = plain;
  }
  return fallback;
}

/** The summary: frontmatter `description` or `summary`, else the first paragraph; at most MAX_SUMMARY characters. */
export function summarize(data: Record<string, unknown> | null, body: string, masked: string): string {
  const written = scalarString(data?.description) ?? scalarString(data?.summary);
  const text = written !== null ? written.replace(/\s+/g, ' ').trim() : firstParagraph(body, masked);
  return truncateAtWord(text, MAX_SUMMARY);
}

// A word: a letter or digit, then letters, digits, marks, apostrophes,
// hyphens and underscores (`end-to-end`, `it's`); each CJK ideograph or kana
// alone, as those scripts do not separate words by spaces.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** Words of prose in `masked` (a body with code masked): markup and URLs are not words. */
export function countWords(masked: string): number {
  let n = 0;
  for (const _ of toPlainText(masked).matchAll(WORD)) n++;
  return n;
}
