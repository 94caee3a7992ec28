/**
 * Tags: from the frontmatter (`tags`/`tag`, a YAML list or a string split on
 * commas and spaces) and inline `#tag` / `#nested/tag` in the body.
 * Deduplicated case-insensitively, first-seen casing kept, frontmatter first.
 */
import { cleanTag, tagKey } from '../core/normalize.js';
import { stringList } from './frontmatter.js';

// One tag character: a letter, mark or digit in any script, `_`, `-`, `/`,
// or the pieces emoji are made of (pictographs, skin tones, flags, the
// variation selector and zero-width joiner), as Obsidian allows.
const TAG_CHAR = String.raw`[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]`;

// An inline tag: `#` preceded by the start of a line, whitespace or `>`
// (as in `<li>#security</li>`), then one or more tag characters (group 1).
// This excludes `&#35;` (after `&`), URL fragments (after `/`), `[[n#h]]`,
// `##` and headings (`# Title`: a space follows the `#`).
const INLINE_TAG = new RegExp(String.raw`(?<=^|[\s>])#(${TAG_CHAR}+)`, 'gmu');

/** Cleans one candidate: trailing `/` dropped; null when empty or all digits. */
function validTag(raw: string): string | null {
  let tag = raw;
  while (tag.endsWith('/')) tag = tag.slice(0, -1);
  if (tag === '' || /^[0-9]+$/.test(tag)) return null;
  return tag;
}

/** Inline tags of a text whose code is masked, in order of appearance (not deduplicated). */
export function findInlineTags(text: string): string[] {
  if (!text.includes('#')) return [];
  // Inside an HTML tag (`style="color: #fff"`) is not a tag, while
  // `<li>#security</li>` is. Both lists are in text order: one pointer.
  const htmlTags = text.includes('<') ? [...text.matchAll(/<\/?[a-zA-Z][^<>\n]*>/g)] : [];
  let h = 0;
  const out: string[] = [];
  for (const m of text.matchAll(INLINE_TAG)) {
    while (h < htmlTags.length && htmlTags[h].index + htmlTags[h][0].length <= m.index) h++;
    if (h < htmlTags.length && htmlTags[h].index < m.index) continue;
    const tag = validTag(m[1]);
    if (tag !== null) out.push(tag);
  }
  return out;
}

/** Tags of a frontmatter `tags`/`tag` value: list or string; numbers become strings. */
export function frontmatterTags(value: unknown): string[] {
  // Unlike inline `#2020`, a frontmatter `2020` is a tag: it was written as one.
  return stringList(value, /[\s,]+/)
    .map((t) => cleanTag(t).replace(/\/+$/, ''))
    .filter((t) => t !== '');
}

/** Concatenates tag lists, dropping later case-insensitive duplicates. */
export function dedupeTags(...lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const tag of list) {
      const key = tagKey(tag);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(cleanTag(tag));
    }
  }
  return out;
}
