/**
 * Line-level Markdown structure shared by the extractors: ATX headings and
 * the split of a text into blocks (paragraphs, lists, headings, HTML, ...).
 * Hand-written scanners rather than regexes with trailing `[ #]*$` parts,
 * which backtrack quadratically on long runs of spaces or `#`.
 */
import { lineEndAt } from './line-index.js';

export interface Heading {
  level: number;
  /** Heading text without the `#` markers, the closing `#`s and surrounding space. */
  text: string;
}

/** The ATX heading on `line` (`## Title ##`), or null. */
export function parseHeading(line: string): Heading | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return null;
  const rest = line.slice(i + level);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return null;
  let text = rest.trim();
  // A closing sequence of `#` counts only after a space (`# C#` keeps its `#`).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trim();
  return { level, text };
}

export type BlockKind = 'heading' | 'list' | 'quote' | 'html' | 'table' | 'rule' | 'definition' | 'paragraph';

export interface Block {
  kind: BlockKind;
  /** Offsets of the block's first character and just past its last line. */
  start: number;
  end: number;
}

const LIST_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/;

function kindOfLine(line: string): BlockKind {
  const t = line.trimStart();
  if (parseHeading(line)) return 'heading';
  if (RULE.test(line)) return 'rule';
  if (LIST_START.test(line)) return 'list';
  if (t.startsWith('>')) return 'quote';
  if (t.startsWith('<')) return 'html';
  if (t.startsWith('|')) return 'table';
  if (DEFINITION.test(line)) return 'definition';
  return 'paragraph';
}

/**
 * Splits text into blocks, lazily (a caller after the first paragraph stops
 * early): blank lines end a block, a heading or rule is a block of its own,
 * and a line that starts a different kind of block (a list after a
 * paragraph, ...) starts a new one. Lines continuing a list item or
 * paragraph stay in it. Only a line's first 64 characters decide its kind.
 */
export function* splitBlocks(text: string): Generator<Block> {
  let current: Block | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = lineEndAt(text, lineStart);
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 64));
    const start = lineStart;
    lineStart = lineEnd + 1;
    if (head.trim() === '' && (lineEnd - start <= 64 || text.slice(start, lineEnd).trim() === '')) {
      if (current) yield current;
      current = null;
      continue;
    }
    const kind = kindOfLine(head);
    if (kind === 'heading' || kind === 'rule') {
      if (current) yield current;
      current = null;
      yield { kind, start, end: lineEnd };
      continue;
    }
    // A paragraph line inside a list, quote, html block or table continues it.
    if (current && (kind === current.kind || kind === 'paragraph')) {
      current.end = lineEnd;
      continue;
    }
    if (current) yield current;
    current = { kind, start, end: lineEnd };
  }
  if (current) yield current;
}
