/**
 * Offset -> 1-based line number lookups for one text, in O(log lines) each,
 * so that every extractor can report the file line of what it finds.
 */

/** Maps character offsets of one text to 1-based line numbers. */
export interface LineIndex {
  /** 1-based line of the character at `offset`. */
  lineAt(offset: number): number;
  /** Offset of the first character of 1-based `line`. */
  lineStart(line: number): number;
}

/** Builds the index in one pass over `text` (lines end at `\n`). */
export function buildLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineAt(offset: number): number {
      // Binary search for the last line start <= offset.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    lineStart(line: number): number {
      return starts[Math.min(Math.max(line, 1), starts.length) - 1];
    },
  };
}

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
