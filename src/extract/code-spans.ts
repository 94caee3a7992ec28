/**
 * Masks code out of Markdown: fenced blocks (``` and ~~~) and inline code
 * spans become spaces, newlines kept, so the result has the same length and
 * the same line breaks as the input. Every extractor scans the masked text,
 * which is how "nothing inside code is a link or a tag" holds everywhere, and
 * offsets found in the masked text are offsets in the original.
 */

/** A half-open range of offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

// An opening fence: optional blockquote markers and indentation (fences inside
// quotes and list items), then a run of 3+ backticks or tildes (group 2),
// then the info string (group 3).
const FENCE_OPEN = /^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$/;
// A closing fence: same prefix, a run of fence characters, nothing after it.
const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** Replaces every character but `\n` by a space. */
export function blankOut(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Ranges of fenced code blocks, fence lines included; an unclosed fence runs to the end. */
export function findFencedBlocks(text: string): Span[] {
  const spans: Span[] = [];
  let fenceChar = '';
  let fenceLen = 0;
  let blockStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (fenceChar === '') {
      const open = FENCE_OPEN.exec(line);
      // A backtick fence's info string cannot hold a backtick (that is inline code).
      if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
        fenceChar = open[2][0];
        fenceLen = open[2].length;
        blockStart = lineStart;
      }
    } else {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fenceChar && close[1].length >= fenceLen) {
        spans.push({ start: blockStart, end: lineEnd });
        fenceChar = '';
      }
    }
    lineStart = lineEnd + 1;
  }
  if (fenceChar !== '') spans.push({ start: blockStart, end: text.length });
  return spans;
}

/**
 * Ranges of inline code spans: a run of N backticks up to the next run of
 * exactly N backticks in the same paragraph (no blank line between).
 * Linear: one pointer per run length and one over blank lines, all moving
 * forward only.
 */
export function findInlineCode(text: string): Span[] {
  const runs: Span[] = [];
  for (const m of text.matchAll(/`+/g)) runs.push({ start: m.index, end: m.index + m[0].length });
  if (runs.length < 2) return [];
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const len = r.end - r.start;
    const list = byLength.get(len);
    if (list) list.push(i);
    else byLength.set(len, [i]);
  });
  const pointer = new Map<number, number>();
  const blanks: number[] = [];
  for (const m of text.matchAll(/\n[ \t]*\n/g)) blanks.push(m.index);
  let blankPtr = 0;

  const spans: Span[] = [];
  let i = 0;
  while (i < runs.length) {
    const open = runs[i];
    const len = open.end - open.start;
    const same = byLength.get(len)!;
    let p = pointer.get(len) ?? 0;
    while (p < same.length && same[p] <= i) p++;
    pointer.set(len, p);
    while (blankPtr < blanks.length && blanks[blankPtr] < open.start) blankPtr++;
    const paragraphEnd = blankPtr < blanks.length ? blanks[blankPtr] : text.length;
    if (p < same.length && runs[same[p]].start < paragraphEnd) {
      const j = same[p];
      spans.push({ start: open.start, end: runs[j].end });
      i = j + 1;
    } else {
      i++;
    }
  }
  return spans;
}

/** Returns `text` with the given sorted, disjoint spans blanked out. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), blankOut(text.slice(s.start, s.end)));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Masks fenced code blocks, then inline code spans in what is left. */
export function maskCode(text: string): string {
  const fenced = maskSpans(text, findFencedBlocks(text));
  return maskSpans(fenced, findInlineCode(fenced));
}
