/**
 * What the mention finder does not read as prose, outside code: wiki links
 * and embeds, Markdown links and images, URLs, HTML tags, #tags
 * (NOT_PROSE, the definition). `maskRanges` finds the same ranges without
 * running the regex at every position of the text: a mask can only start at
 * `[` (or the `!` before it), `<`, `#` or a URL scheme before `:`, so those
 * characters are looked for (indexOf) and the pattern of that kind is tried
 * there alone. Running NOT_PROSE over every note was a tenth of the stage.
 */

/** The definition: one global regex, leftmost match first. */
export const NOT_PROSE =
  /!?\[\[[^\n]*?\]\]|!?\[[^\]\n]*\]\([^)\n]*\)|\b(?:https?|ftp|file|mailto):[^\s<>()[\]]+|<\/?[A-Za-z][^>\n]*>|(?<![^\s>(])#[^\s#.,;:!?()[\]{}"']+/g;

// NOT_PROSE's alternatives, each tried at one position (sticky), in its order.
const LINK_AT = /\[\[[^\n]*?\]\]|\[[^\]\n]*\]\([^)\n]*\)/y;
const HTML_AT = /<\/?[A-Za-z][^>\n]*>/y;
const TAG_AT = /#[^\s#.,;:!?()[\]{}"']+/y;
const URL_REST_AT = /[^\s<>()[\]]+/y;
/** What may stand before a #tag (NOT_PROSE's lookbehind): nothing, white space, `>` or `(`. */
const BEFORE_TAG = /[\s>(]/;

/** End of `re`'s match at `at`, or -1. */
function endAt(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex : -1;
}

/** An ASCII letter, digit or `_` (what `\b` sees as a word character without the u flag). */
function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Where the URL scheme ending at the `:` at `colon` starts (at or after `from`, at a word boundary), or -1. */
function schemeStart(s: string, colon: number, from: number): number {
  // The schemes end in different letters: at most one can end here.
  let start = -1;
  if (s.startsWith('https', colon - 5)) start = colon - 5;
  else if (s.startsWith('http', colon - 4) || s.startsWith('file', colon - 4)) start = colon - 4;
  else if (s.startsWith('ftp', colon - 3)) start = colon - 3;
  else if (s.startsWith('mailto', colon - 6)) start = colon - 6;
  if (start < from || (start > 0 && isAsciiWord(s.charCodeAt(start - 1)))) return -1;
  return start;
}

/**
 * [start, end) of each NOT_PROSE match in `s` from `from` on, flat: what
 * `s.matchAll(NOT_PROSE)` with lastIndex `from` gives.
 */
export function maskRanges(s: string, from: number): number[] {
  const ranges: number[] = [];
  let pos = from;
  let bracket = s.indexOf('[', pos);
  let angle = s.indexOf('<', pos);
  let hash = s.indexOf('#', pos);
  let colon = s.indexOf(':', pos);
  while (true) {
    // Colons with no URL scheme before them (or one that starts inside the last mask) start nothing.
    while (colon !== -1 && schemeStart(s, colon, pos) === -1) colon = s.indexOf(':', colon + 1);
    const url = colon === -1 ? -1 : schemeStart(s, colon, pos);
    const link = bracket === -1 ? -1 : bracket > pos && s.charCodeAt(bracket - 1) === 33 /* ! */ ? bracket - 1 : bracket;
    // The next place a mask may start; each kind starts with its own character, so no two are at one place.
    // (Compared one by one, not through an array of the four: that array per step was a third of the stage's garbage.)
    let at = link;
    if (angle !== -1 && (at === -1 || angle < at)) at = angle;
    if (hash !== -1 && (at === -1 || hash < at)) at = hash;
    if (url !== -1 && (at === -1 || url < at)) at = url;
    if (at === -1) break;
    let end = -1;
    if (at === link) {
      end = endAt(LINK_AT, s, bracket);
      if (end === -1) bracket = s.indexOf('[', bracket + 1);
    } else if (at === angle) {
      end = endAt(HTML_AT, s, angle);
      if (end === -1) angle = s.indexOf('<', angle + 1);
    } else if (at === hash) {
      if (hash === 0 || BEFORE_TAG.test(s.charAt(hash - 1))) end = endAt(TAG_AT, s, hash);
      if (end === -1) hash = s.indexOf('#', hash + 1);
    } else {
      end = endAt(URL_REST_AT, s, colon + 1);
      if (end === -1) colon = s.indexOf(':', colon + 1);
    }
    if (end === -1) continue;
    ranges.push(at, end);
    pos = end;
    if (bracket !== -1 && bracket < pos) bracket = s.indexOf('[', pos);
    if (angle !== -1 && angle < pos) angle = s.indexOf('<', pos);
    if (hash !== -1 && hash < pos) hash = s.indexOf('#', pos);
    if (colon !== -1 && colon < pos) colon = s.indexOf(':', pos);
  }
  return ranges;
}
