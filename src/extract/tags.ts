/**
 * Tags: from the frontmatter (`tags`/`tag`, a YAML list or a string split on
 * commas and spaces) and inline `#tag` / `#nested/tag` in the body.
 * Deduplicated case-insensitively, first-seen casing kept, frontmatter first.
 */
import { cleanTag } from '../core/normalize.js';
import type { Span } from './code-spans.js';
import { stringList } from './frontmatter.js';

// One tag character: a letter, mark or digit in any script, `_`, `-`, `/`,
// or the pieces emoji are made of (pictographs, skin tones, flags, the
// variation selector and zero-width joiner), as Obsidian allows.
const TAG_CHAR = String.raw`[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]`;

// An inline tag: `#`, then one or more tag characters. The `#` must follow
// the start of a line, whitespace or `>` (as in `<li>#security</li>`):
// checked in code before the pattern is tried (sticky, at that `#`), so the
// `#`s of headings and `##` cost no regex. This excludes `&#35;` (after `&`),
// URL fragments (after `/`), `[[n#h]]`, `##` and headings (`# Title`: a
// space follows the `#`).
const INLINE_TAG_AT = new RegExp(String.raw`#${TAG_CHAR}+`, 'uy');

// An HTML tag on one line: `<` + letter or `/`, no `<`, `>` or newline inside, `>`.
const HTML_TAG = /<\/?[a-zA-Z][^<>\n]*>/g;

/** True when the character before `at` lets a tag start there. */
function tagMayStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c === 62 /* > */ || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c > 0x2000 && c <= 0x200a);
}

const ONLY_DIGITS = /^[0-9]*$/;
const ONLY_SEPARATORS = /^[-_/]*$/;

/** Cleans one candidate: trailing `/` dropped; null when all digits (`#123`) or all `-`, `_`, `/`. */
function validTag(raw: string): string | null {
  const tag = withoutTrailingSlashes(raw);
  if (ONLY_DIGITS.test(tag) || ONLY_SEPARATORS.test(tag)) return null;
  return tag;
}

/** Inline tags of a text whose code is masked, in order of appearance (not deduplicated); `skip`: sorted spans to ignore. */
export function findInlineTags(text: string, skip: readonly Span[] = []): string[] {
  if (!text.includes('#')) return [];
  // Inside an HTML tag (`style="color: #fff"`) is not a tag, while
  // `<li>#security</li>` is; nor inside a wiki link (`[[C #sharp]]`), passed
  // in `skip`. All lists are in text order: one pointer each.
  // HTML tags are found lazily, only as far as the last candidate: one regex, moving forward.
  const html = text.includes('<') ? HTML_TAG : null;
  HTML_TAG.lastIndex = 0;
  let tagStart = -1;
  let tagEnd = -1;
  let k = 0;
  const out: string[] = [];
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    if (!tagMayStart(text, at)) continue;
    INLINE_TAG_AT.lastIndex = at;
    if (!INLINE_TAG_AT.test(text)) continue;
    const end = INLINE_TAG_AT.lastIndex;
    while (html !== null && tagEnd <= at) {
      // test, not exec: no match array per HTML tag. A tag holds one `<`, its first character.
      if (!html.test(text)) {
        tagStart = tagEnd = text.length + 1;
        break;
      }
      tagEnd = html.lastIndex;
      tagStart = text.lastIndexOf('<', tagEnd - 1);
    }
    if (html !== null && tagStart < at && at < tagEnd) continue;
    while (k < skip.length && skip[k].end <= at) k++;
    if (k < skip.length && skip[k].start <= at) continue;
    const tag = validTag(text.slice(at + 1, end));
    if (tag !== null) out.push(tag);
  }
  return out;
}

function withoutTrailingSlashes(tag: string): string {
  let end = tag.length;
  while (end > 0 && tag.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === tag.length ? tag : tag.slice(0, end);
}

/** Tags of a frontmatter `tags`/`tag` value: list or string; numbers become strings. */
export function frontmatterTags(value: unknown): string[] {
  // Unlike inline `#2020`, a frontmatter `2020` is a tag: it was written as one.
  return stringList(value, /[\s,]+/)
    .map((t) => withoutTrailingSlashes(cleanTag(t)))
    .filter((t) => t !== '');
}

/** Concatenates tag lists, dropping later case-insensitive duplicates. */
export function dedupeTags(...lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const tag of list) {
      // tagKey(tag) is cleanTag(tag) lower-cased: clean once (NFC normalising is the costly part).
      const clean = cleanTag(tag);
      const key = clean.toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(clean);
    }
  }
  return out;
}
