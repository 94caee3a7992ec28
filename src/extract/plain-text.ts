/**
 * Markdown (with Obsidian wiki links and raw HTML) to plain text, for
 * contexts, summaries, titles and word counts. Not a Markdown renderer: it
 * drops markup that would read as noise and keeps the words. Every pattern
 * is linear (negated character classes, no nested quantifiers).
 */
import { wikiRef } from './wiki-links.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Decodes the common named entities and numeric ones (`&#35;`, `&#x23;`). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower];
    if (lower[0] !== '#') return all;
    const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The text a wiki link shows: its alias, else its target (heading as `t > h`). */
function wikiLinkText(inner: string): string {
  const bar = inner.indexOf('|');
  if (bar !== -1) {
    const alias = inner.slice(bar + 1).trim();
    if (alias) return alias;
  }
  const target = wikiRef(inner);
  // The common case, a bare note name: the split below would give the same.
  if (!target.includes('#')) return (target.startsWith('^') ? target.slice(1) : target).trim();
  return target
    .split('#')
    .map((p) => p.replace(/^\^/, '').trim())
    .filter((p) => p !== '')
    .join(' > ');
}

/** Removes `<!-- ... -->` comments (an unclosed one runs to the end), in linear time. */
function stripComments(s: string): string {
  let open = s.indexOf('<!--');
  if (open === -1) return s;
  const parts: string[] = [];
  let at = 0;
  while (open !== -1) {
    const close = s.indexOf('-->', open + 4);
    parts.push(s.slice(at, open), ' ');
    if (close === -1) return parts.join('');
    at = close + 3;
    open = s.indexOf('<!--', at);
  }
  parts.push(s.slice(at));
  return parts.join('');
}

// A letter, then letters, digits and punctuation no pass looks at, single
// spaces, and newlines followed by a letter (never a block marker); at most
// one space or newline at the end. toPlainText would only turn the newlines
// into spaces and drop the last space.
const ALREADY_PLAIN = /^[A-Za-z](?:[A-Za-z0-9,;:.!?'"()/-]| (?![ \n]|$)|\n(?=[A-Za-z]))*[ \n]?$/;

// A fragment that is one wiki link or embed and nothing else (a link's own text in its context).
const ONLY_WIKI_LINK = /^!?\[\[([^[\]\n<]*)\]\]$/;

// Whitespace that `\s+` -> ' ' would change: a run of two, or any whitespace but a plain space.
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

// The passes of toPlainText, compiled once (a literal in the function is a new RegExp per call).
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const WIKI_LINK = /!?\[\[([^[\]\n]*)\]\]/g;
const wikiLinkReplacement = (_all: string, inner: string): string => wikiLinkText(inner);
const INLINE_LINK = /!?\[([^[\]\n]*)\]\((?:<[^<>\n]*>|[^()\s]*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g;
const REFERENCE_LINK = /!?\[([^[\]\n]*)\]\[[^[\]\n]*\]/g;
const CALLOUT_MARKER = /^([ \t]*(?:>[ \t]*)*)\[![^\]\n]*\][-+]?/gm;
const MAY_HAVE_BLOCK_MARKER = /^[ \t]*(?:[>#*+\-]|\d{1,9}[.)])/m;
const BLOCK_MARKER = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/gm;
// The marker of a fragment's first line (the same pattern, sticky at the start, always matching: its length is lastIndex).
const LEADING_BLOCK_MARKER = new RegExp(BLOCK_MARKER.source, 'y');
const MAY_HAVE_EMPHASIS = /[*~=`]/;
const EMPHASIS = /\*\*|~~|==|`+|\*/g;
const UNDERSCORE_EMPHASIS = /(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu;
// A block ID at a line's end (`text ^6fc39d`, or alone on its line): an anchor, not words.
const BLOCK_ID = /(^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/gm;
const TABLE_PIPE = /\s\|\s|^\||\|$/gm;
const WHITESPACE_RUN = /\s+/g;

/**
 * Plain text of a Markdown fragment, whitespace collapsed to single spaces.
 * Wiki links become their alias or target, `[text](url)` its text, images
 * their alt text, HTML tags and comments vanish, emphasis, code ticks,
 * heading, list and quote markers are dropped, entities decoded.
 */
export function toPlainText(markdown: string): string {
  return quickPlainText(markdown) ?? fullPlainText(markdown);
}

/** Short fragments seen before (`<li>`, `</li>`, list bullets): their plain text. Cleared when full. */
const SHORT_FRAGMENTS = new Map<string, string>();
const SHORT_FRAGMENT_LENGTH = 24;
const SHORT_FRAGMENTS_KEPT = 4096;

/**
 * toPlainText of the fragments that need no pass at all, or null: prose
 * without markup (most contexts and summaries), a lone wiki link whose text
 * is such prose (a link's own part of its context), and short fragments
 * already seen. Exported for the test that holds it to fullPlainText.
 */
export function quickPlainText(markdown: string): string | null {
  if (ALREADY_PLAIN.test(markdown)) return plainAsWritten(markdown);
  // A list item, heading or quote line of plain prose: the marker pass would leave the prose.
  LEADING_BLOCK_MARKER.lastIndex = 0;
  LEADING_BLOCK_MARKER.test(markdown);
  const marker = LEADING_BLOCK_MARKER.lastIndex;
  if (marker > 0) {
    const prose = markdown.slice(marker);
    if (ALREADY_PLAIN.test(prose)) return plainAsWritten(prose);
  }
  const first = markdown.charCodeAt(0);
  if (first === 91 /* [ */ || first === 33 /* ! */) {
    const link = ONLY_WIKI_LINK.exec(markdown);
    if (link !== null) {
      const shown = wikiLinkText(link[1]);
      if (ALREADY_PLAIN.test(shown)) return plainAsWritten(shown);
    }
  }
  if (markdown.length <= SHORT_FRAGMENT_LENGTH) {
    let plain = SHORT_FRAGMENTS.get(markdown);
    if (plain === undefined) {
      if (SHORT_FRAGMENTS.size >= SHORT_FRAGMENTS_KEPT) SHORT_FRAGMENTS.clear();
      plain = fullPlainText(markdown);
      SHORT_FRAGMENTS.set(markdown, plain);
    }
    return plain;
  }
  return null;
}

/** A fragment ALREADY_PLAIN accepts, as the passes would leave it: newlines as spaces, no space at the end. */
function plainAsWritten(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  const trimmed = last === 32 || last === 10 ? s.slice(0, -1) : s;
  return trimmed.includes('\n') ? trimmed.replace(NEWLINES, ' ') : trimmed;
}

const NEWLINES = /\n/g;

/** toPlainText, every pass (each one only when its trigger character is present). */
export function fullPlainText(markdown: string): string {
  let s = markdown;
  // Each pass runs only when its trigger character is present: contexts and
  // summaries call this on thousands of short strings.
  if (s.includes('<')) {
    // HTML comments, then tags: `<` + letter or `/` + anything but `<>` + `>`.
    s = stripComments(s);
    s = s.replace(HTML_TAG, ' ');
  }
  if (s.includes('[')) {
    // Wiki links and embeds: `!?[[inner]]`, inner without brackets or newlines.
    if (s.includes('[[')) s = s.replace(WIKI_LINK, wikiLinkReplacement);
    // Images and links: `!?[text](destination)`; the destination has no spaces
    // or parens unless it is `<...>`; reference style `[text][id]` too.
    if (s.includes('](')) s = s.replace(INLINE_LINK, '$1');
    if (s.includes('][')) s = s.replace(REFERENCE_LINK, '$1');
    // Callout markers `[!note]` at line starts (after quote markers).
    s = s.replace(CALLOUT_MARKER, '$1');
  }
  // Block markers at line starts: headings, quotes, list bullets and numbers, task boxes.
  if (MAY_HAVE_BLOCK_MARKER.test(s)) {
    s = s.replace(BLOCK_MARKER, '');
  }
  // Emphasis, strike, highlight and code markers; `_` only at word edges (snake_case stays).
  if (MAY_HAVE_EMPHASIS.test(s)) s = s.replace(EMPHASIS, '');
  if (s.includes('_')) s = s.replace(UNDERSCORE_EMPHASIS, '$1');
  if (s.includes('^')) s = s.replace(BLOCK_ID, '$1');
  // Table pipes.
  if (s.includes('|')) s = s.replace(TABLE_PIPE, ' ');
  if (s.includes('&')) s = decodeEntities(s);
  // Most fragments have single spaces only: testing is cheaper than rebuilding the string.
  return NEEDS_COLLAPSE.test(s) ? s.replace(WHITESPACE_RUN, ' ').trim() : s.trim();
}

/** True for text that says nothing by itself: only tags, punctuation and symbols. */
export function isEmptyProse(plain: string): boolean {
  return plain.replace(/(^|\s)#[^\s#]+/g, ' ').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
}

/**
 * Cuts `text` to at most `max` characters at a word boundary, adding `…`
 * when something was cut.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // No space in a reasonable distance: cut mid-word rather than lose most of it.
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return base.replace(/[\s,;:.\-–—]+$/, '') + '…';
}
