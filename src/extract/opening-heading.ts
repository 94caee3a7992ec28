/**
 * The title a note gives itself in its body: an H1 that opens the note. Only
 * the body's first heading counts, and only with no prose before it; blank
 * lines, comments (`<!-- -->`, Obsidian's `%% %%`) and lines of tags alone
 * may come first. An H1 further down is a section heading ("Examples",
 * "Communication"), never the note's name.
 */
import { lineEndAt } from './line-index.js';
import { parseHeading } from './markdown-blocks.js';
import { toPlainText } from './plain-text.js';

// A line of inline tags only (`#project #idea/🌱`): each a `#` glued to a non-space, not a heading's `# `.
const TAGS_ONLY_LINE = /^[ \t]*#[^\s#][^\s]*(?:[ \t]+#[^\s#][^\s]*)*[ \t]*$/u;

/** Offset just past the comment opening at `at` (`<!--` or `%%`), or -1 if none opens there. */
function skipComment(body: string, at: number): number {
  for (const [open, close] of [['<!--', '-->'], ['%%', '%%']] as const) {
    if (!body.startsWith(open, at)) continue;
    const end = body.indexOf(close, at + open.length);
    // An unclosed comment hides the rest of the note.
    return end === -1 ? body.length : end + close.length;
  }
  return -1;
}

/**
 * Plain text of the `# H1` that opens `body`, or null when the body's first
 * content is prose, a list, code, a `##` heading or nothing.
 */
export function openingH1(body: string): string | null {
  let at = 0;
  while (at < body.length) {
    const c = body.charCodeAt(at);
    // Blank: spaces, tabs, newlines (the frontmatter's stand-in is blank too).
    if (c === 32 || c === 9 || c === 10) {
      at++;
      continue;
    }
    const afterComment = skipComment(body, at);
    if (afterComment !== -1) {
      at = afterComment;
      continue;
    }
    const lineStart = body.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = lineEndAt(body, at);
    const line = body.slice(lineStart, lineEnd);
    if (TAGS_ONLY_LINE.test(line)) {
      at = lineEnd + 1;
      continue;
    }
    const heading = parseHeading(line);
    if (heading === null || heading.level !== 1) return null;
    const text = toPlainText(heading.text);
    return text === '' ? null : text;
  }
  return null;
}
