/**
 * Markdown (with Obsidian wiki links and raw HTML) to plain text, for
 * contexts, summaries, titles and word counts. Not a Markdown renderer: it
 * drops markup that would read as noise and keeps the words. Every pattern
 * is linear (negated character classes, no nested quantifiers).
 */

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
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower];
    if (lower[0] !== '#') return all;
    const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The text a wiki link shows: its alias, else its target (heading as `t > h`). */
export function wikiLinkText(inner: string): string {
  const bar = inner.indexOf('|');
  if (bar !== -1) {
    const alias = inner.slice(bar + 1).trim();
    if (alias) return alias;
  }
  const target = (bar === -1 ? inner : inner.slice(0, bar)).replace(/\\$/, '');
  // The common case, a bare note name: the split below would give the same.
  if (!target.includes('#')) return target.replace(/^\^/, '').trim();
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

// A letter, then letters, digits, single spaces and punctuation no pass looks at; no space at the end.
const ALREADY_PLAIN = /^[A-Za-z](?:[A-Za-z0-9,;:.!?'"()/-]| (?! |$))*$/;

// Whitespace that `\s+` -> ' ' would change: a run of two, or any whitespace but a plain space.
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

/**
 * Plain text of a Markdown fragment, whitespace collapsed to single spaces.
 * Wiki links become their alias or target, `[text](url)` its text, images
 * their alt text, HTML tags and comments vanish, emphasis, code ticks,
 * heading, list and quote markers are dropped, entities decoded.
 */
export function toPlainText(markdown: string): string {
  // Prose with nothing any pass below would change (one line starting with a
  // letter, no markup characters, single spaces, none at the ends) is its own
  // plain text: most link contexts are such fragments.
  if (ALREADY_PLAIN.test(markdown)) return markdown;
  let s = markdown;
  // Each pass runs only when its trigger character is present: contexts and
  // summaries call this on thousands of short strings.
  if (s.includes('<')) {
    // HTML comments, then tags: `<` + letter or `/` + anything but `<>` + `>`.
    s = stripComments(s);
    s = s.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
  }
  if (s.includes('[')) {
    // Wiki links and embeds: `!?[[inner]]`, inner without brackets or newlines.
    if (s.includes('[[')) s = s.replace(/!?\[\[([^[\]\n]*)\]\]/g, (_all, inner: string) => wikiLinkText(inner));
    // Images and links: `!?[text](destination)`; the destination has no spaces
    // or parens unless it is `<...>`; reference style `[text][id]` too.
    if (s.includes('](')) s = s.replace(/!?\[([^[\]\n]*)\]\((?:<[^<>\n]*>|[^()\s]*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g, '$1');
    if (s.includes('][')) s = s.replace(/!?\[([^[\]\n]*)\]\[[^[\]\n]*\]/g, '$1');
    // Callout markers `[!note]` at line starts (after quote markers).
    s = s.replace(/^([ \t]*(?:>[ \t]*)*)\[![^\]\n]*\][-+]?/gm, '$1');
  }
  // Block markers at line starts: headings, quotes, list bullets and numbers, task boxes.
  if (/^[ \t]*(?:[>#*+\-]|\d{1,9}[.)])/m.test(s)) {
    s = s.replace(/^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/gm, '');
  }
  // Emphasis, strike, highlight and code markers; `_` only at word edges (snake_case stays).
  if (/[*~=`]/.test(s)) s = s.replace(/\*\*|~~|==|`+|\*/g, '');
  if (s.includes('_')) s = s.replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
  // Table pipes.
  if (s.includes('|')) s = s.replace(/\s\|\s|^\||\|$/gm, ' ');
  if (s.includes('&')) s = decodeEntities(s);
  // Most fragments have single spaces only: testing is cheaper than rebuilding the string.
  return NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
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
