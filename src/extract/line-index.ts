/**
 * Forward-only text lookups in amortised linear time: line numbers of
 * offsets taken in text order, and "next occurrence of" searches. Both
 * exist because plain `lastIndexOf`/`indexOf` per match rescans long
 * stretches and turns a 5 MB single-line note quadratic. Also the bounds
 * of the line holding an offset, which several extractors need.
 */

/**
 * 1-based line of `offset` for calls with non-decreasing offsets (links in
 * text order), counting newlines as it goes: linear in total, and nothing to
 * build for a note without links.
 */
export function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let last = 0;
  // The first newline at or after the last offset asked about.
  let next = text.indexOf('\n');
  return (offset: number): number => {
    if (offset < last) {
      line = 1;
      next = text.indexOf('\n');
    }
    last = offset;
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    return line;
  };
}

/**
 * `text.indexOf(needle, from)` for calls with non-decreasing `from`, in
 * amortised linear total time: the last answer is reused while it is still
 * ahead. (Repeated plain `indexOf` calls for a character that never comes
 * would rescan the rest of the text each time: quadratic on a 5 MB note.)
 */
export function nextIndexFinder(text: string, needle: string): (from: number) => number {
  let cached = -2;
  let cachedFrom = -1;
  return (from: number): number => {
    if (cached === -1 && from >= cachedFrom) return -1;
    if (cached >= from && from >= cachedFrom) return cached;
    cachedFrom = from;
    cached = text.indexOf(needle, from);
    return cached;
  };
}

/** Start of the line holding `offset` (a line's `\n` belongs to that line). */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End (exclusive, before its `\n`) of the line holding `offset`. */
export function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}
