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

// A line that may open or close a fence: optional blockquote markers and
// indentation (fences inside quotes and list items), a run of 3+ backticks or
// tildes (group 1), then the rest of the line (group 2: the info string).
// Found with one global search, so lines without a fence cost nothing.
const FENCE_LINE = /^[ \t>]*(`{3,}|~{3,})([^\n]*)$/gm;

/** Replaces every character but `\n` by a space. */
function blankOut(s: string): string {
  // Line by line: one `repeat` per line is much faster than a per-character replace
  // (and a split/join faster than a replace with a callback).
  if (!s.includes('\n')) return ' '.repeat(s.length);
  const lines = s.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = ' '.repeat(lines[i].length);
  return lines.join('\n');
}

/** Ranges of fenced code blocks, fence lines included; an unclosed fence runs to the end. */
function findFencedBlocks(text: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes('```') && !text.includes('~~~')) return spans;
  let fence = '';
  let blockStart = 0;
  for (const m of text.matchAll(FENCE_LINE)) {
    const run = m[1];
    if (fence === '') {
      // A backtick fence's info string cannot hold a backtick (that is inline code).
      if (run[0] === '`' && m[2].includes('`')) continue;
      fence = run;
      blockStart = m.index;
    } else if (run[0] === fence[0] && run.length >= fence.length && m[2].trim() === '') {
      spans.push({ start: blockStart, end: m.index + m[0].length });
      fence = '';
    }
  }
  if (fence !== '') spans.push({ start: blockStart, end: text.length });
  return spans;
}

/**
 * Ranges of inline code spans outside the given fenced blocks: a run of N
 * backticks up to the next run of exactly N backticks in the same paragraph
 * (no blank line or fenced block between). Linear: one pointer per run
 * length and one over paragraph breaks, all moving forward only.
 */
function findInlineCode(text: string, fenced: readonly Span[] = []): Span[] {
  if (!text.includes('`')) return [];
  const runs: Span[] = [];
  let f = 0;
  for (const m of text.matchAll(/`+/g)) {
    while (f < fenced.length && fenced[f].end <= m.index) f++;
    if (f < fenced.length && fenced[f].start <= m.index) continue;
    runs.push({ start: m.index, end: m.index + m[0].length });
  }
  if (runs.length < 2) return [];
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const len = r.end - r.start;
    const list = byLength.get(len);
    if (list) list.push(i);
    else byLength.set(len, [i]);
  });
  const pointer = new Map<number, number>();
  // Paragraph breaks: blank lines, and fenced blocks.
  const breaks: number[] = [];
  let fb = 0;
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    while (fb < fenced.length && fenced[fb].start < m.index) breaks.push(fenced[fb++].start);
    breaks.push(m.index);
  }
  while (fb < fenced.length) breaks.push(fenced[fb++].start);
  let breakPtr = 0;

  const spans: Span[] = [];
  let i = 0;
  while (i < runs.length) {
    const open = runs[i];
    const len = open.end - open.start;
    const same = byLength.get(len)!;
    let p = pointer.get(len) ?? 0;
    while (p < same.length && same[p] <= i) p++;
    pointer.set(len, p);
    while (breakPtr < breaks.length && breaks[breakPtr] < open.start) breakPtr++;
    const paragraphEnd = breakPtr < breaks.length ? breaks[breakPtr] : text.length;
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

/** Merges two sorted lists of disjoint spans into one sorted list. */
function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Returns `text` with the given sorted, disjoint spans blanked out. */
function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  if (spans.length > 256) return maskSpansInPlace(text, spans);
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), blankOut(text.slice(s.start, s.end)));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Same as maskSpans, for many spans: one copy of the code units, edited in place. */
function maskSpansInPlace(text: string, spans: readonly Span[]): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) if (units[i] !== 10) units[i] = 32;
  }
  const parts: string[] = [];
  // fromCharCode takes its arguments on the stack: convert in chunks.
  for (let i = 0; i < units.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]));
  }
  return parts.join('');
}

/** Masks fenced code blocks and the inline code spans outside them. */
export function maskCode(text: string): string {
  const fenced = findFencedBlocks(text);
  return maskSpans(text, mergeSpans(fenced, findInlineCode(text, fenced)));
}
