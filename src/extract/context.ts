/**
 * The context of a link: the sentence around it, as plain text, for the
 * summary panel and edge tooltips ("It's the promised fix to the trust cliff
 * captured in zoom security meltdown exposes cryptography gaps.").
 */
import { lineEndAt, lineStartAt } from './line-index.js';
import { parseHeading } from './markdown-blocks.js';
import { withDefinitionTitles, withoutEmbeds } from './link-names.js';
import { isEmptyProse, toPlainText, truncateAtWord } from './plain-text.js';

/** Longest context returned, in characters (an ellipsis marks each cut). */
export const MAX_CONTEXT = 200;
// How far the block around a link is looked at on each side.
const WINDOW = 320;

// A line that starts a block of its own: list item, heading, quote, HTML, table row.
const BLOCK_START = /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|>|<|\|)/;

/** The block (paragraph, list item, table row, ...) of `text` holding [start, end). */
function blockAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = lineStartAt(text, start);
  while (from > 0 && !BLOCK_START.test(text.slice(from, from + 16))) {
    const prevStart = lineStartAt(text, from - 1);
    const prev = text.slice(prevStart, from - 1);
    // A blank line ends the paragraph; a heading is a block of one line, never the start of the next paragraph.
    if (prev.trim() === '' || parseHeading(prev) !== null) break;
    from = prevStart;
  }
  let to = lineEndAt(text, end);
  while (to < text.length) {
    const nextEnd = lineEndAt(text, to + 1);
    const next = text.slice(to + 1, nextEnd);
    if (next.trim() === '' || BLOCK_START.test(next)) break;
    to = nextEnd;
  }
  return { from, to };
}

/** Start of the sentence that the end of `s` belongs to. */
function sentenceStart(s: string): number {
  let at = 0;
  // exec on one shared regex: matchAll would clone it per call (once per link).
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(s); m !== null; m = SENTENCE_BREAK.exec(s)) {
    if (m.index + m[0].length < s.length) at = m.index + m[0].length;
  }
  return at;
}

// The end of a sentence: its mark, closing quotes or brackets, then a space or the end.
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s|$)/;

// A sentence's end at the very end of a text.
const SENTENCE_ENDS_AT_END = /[.!?]["'”’)\]]*$/;

// The end of a sentence and the space after it (never empty, so exec always moves on).
const SENTENCE_BREAK = /[.!?]["'”’)\]]*\s+/g;

/** End (exclusive) of the sentence that the start of `s` belongs to. */
function sentenceEnd(s: string): number {
  const m = SENTENCE_END.exec(s);
  return m ? m.index + m[0].length : s.length;
}

/** Cuts `s` to `max` characters, keeping its end, at a word boundary. */
function keepEnd(s: string, max: number): string {
  if (s.length <= max) return s;
  const tail = s.slice(s.length - max + 1);
  const space = tail.indexOf(' ');
  return '…' + (space !== -1 && space < max / 2 ? tail.slice(space + 1) : tail);
}

/** Cuts `s` to `max` characters, keeping its start, at a word boundary. */
function keepStart(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return (space > max / 2 ? head.slice(0, space) : head) + '…';
}

const NO_TITLES: ReadonlyMap<string, string> = new Map();

// Whitespace and HTML tags only (`<li>`, `</li>\n`), tags as toPlainText drops them: text with no words.
const ONLY_TAGS = /^(?:\s|<\/?[a-zA-Z][^<>]*>)*$/;

// Whitespace between the link and the words beside it, looking through
// inline tags around the link (`more <b>[[x]]</b> and`, `<i>[[x]]</i>.`).
const SPACE_BEFORE_TAGS = /\s(?:<\/?[a-zA-Z][^<>]*>)*$/;
const SPACE_AT_START = /^(?:<\/?[a-zA-Z][^<>]*>)*\s/;
const SPACE_AT_END = /\s$/;

/** Whether `rawLeft` ends with whitespace, before any tags at its end (the tag pattern only when a tag can end it). */
function spaceAtEnd(rawLeft: string): boolean {
  return rawLeft.endsWith('>') ? SPACE_BEFORE_TAGS.test(rawLeft) : SPACE_AT_END.test(rawLeft);
}

/**
 * The plain-text sentence around the link at [linkStart, linkEnd) of `fullText`, at most
 * MAX_CONTEXT characters; when longer, the link text is kept whole and the
 * sentence is cut on both sides. Other embeds around the link are not
 * words of the sentence, and an embed with no prose around it has no
 * context ('', rather than its own name again). `titles`: how a Foam
 * `[[slug]]` reads (definitionTitles).
 */
export function contextAround(fullText: string, linkStart: number, linkEnd: number, titles: ReadonlyMap<string, string> = NO_TITLES): string {
  // Work on a window around the link, so that the cost per link is bounded
  // even in a single 5 MB line.
  const base = Math.max(0, linkStart - WINDOW);
  const text = fullText.slice(base, Math.min(fullText.length, linkEnd + WINDOW));
  const start = linkStart - base;
  const end = linkEnd - base;
  const { from, to } = blockAround(text, start, end);
  const rawLeft = withDefinitionTitles(withoutEmbeds(text.slice(from, start)), titles);
  const rawRight = withDefinitionTitles(withoutEmbeds(text.slice(end, to)), titles);
  const embed = text.charCodeAt(start) === 33; /* ! */
  const link = truncateAtWord(toPlainText(withDefinitionTitles(text.slice(start, end), titles)), MAX_CONTEXT);
  // A link alone in its block but for markup (`<li>[[x]]</li>`, a related list): its own text is the context.
  if (ONLY_TAGS.test(rawLeft) && ONLY_TAGS.test(rawRight)) return embed ? '' : link;
  let left = toPlainText(rawLeft);
  // The right part is mid-line: a sentinel keeps `- more` from reading as a list marker.
  let right = toPlainText('x' + rawRight).slice(1).trim();
  // A sentence that ends right before the link (`One. [[a]] two.`) is not the link's.
  const leftStart = spaceAtEnd(rawLeft) && SENTENCE_ENDS_AT_END.test(left) ? left.length : sentenceStart(left);
  const rightEnd = sentenceEnd(right);
  // Where the window, not the text, cut the sentence, drop the cut word and say so.
  if (leftStart === 0 && from === 0 && base > 0 && left !== '') left = '…' + left.slice(left.indexOf(' ') + 1);
  else left = left.slice(leftStart);
  if (rightEnd === right.length && to === text.length && base + to < fullText.length && right !== '') {
    const space = right.lastIndexOf(' ');
    right = (space > 0 ? right.slice(0, space) : '') + '…';
  } else right = right.slice(0, rightEnd);
  // An embed's sentence without words of its own: it would only repeat the embed's name.
  if (embed && isEmptyProse(left + ' ' + right)) return '';
  const gapLeft = left !== '' && spaceAtEnd(rawLeft) ? ' ' : '';
  const gapRight = right !== '' && SPACE_AT_START.test(rawRight) ? ' ' : '';
  const whole = left + gapLeft + link + gapRight + right;
  if (whole.length <= MAX_CONTEXT) return whole.trim();
  const budget = Math.max(MAX_CONTEXT - link.length - 2, 0);
  const leftBudget = Math.max(Math.floor(budget / 2), budget - right.length);
  const rightBudget = Math.max(budget - Math.min(left.length, leftBudget), 0);
  const cutLeft = leftBudget > 0 ? keepEnd(left, leftBudget) : left === '' ? '' : '…';
  const cutRight = rightBudget > 0 ? keepStart(right, rightBudget) : right === '' ? '' : '…';
  return (cutLeft + (cutLeft ? gapLeft : '') + link + (cutRight ? gapRight : '') + cutRight).trim();
}
