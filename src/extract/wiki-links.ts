/**
 * Obsidian wiki links: `[[t]]`, `[[t|alias]]`, `[[t#heading]]`,
 * `[[t#^block]]`, `[[folder/t.md]]`, `[[t\|alias]]` (the escaped bar of
 * tables) and embeds `![[t]]`. Scans text whose code is already masked.
 */

/** One wiki link found in a text. */
export interface WikiLinkMatch {
  /** The target without alias, heading or block part, trimmed; `.md` and folders kept. */
  target: string;
  /** `![[...]]`. */
  embed: boolean;
  /** Offset of the first character (`!` or `[`) and just past the closing `]]`. */
  start: number;
  end: number;
}

// `[[` inner (group 1: no brackets, no newline) `]]`; a `!` just before makes
// it an embed. The negated class cannot run past a `[` or `]`, so each match
// attempt stops at the next bracket: linear in the text. (No optional `!?`
// in front: a pattern starting with a literal `[[` is searched much faster.)
const WIKI_LINK = /\[\[([^[\]\n]*)\]\]/g;

/** The part of `[[...]]` before its alias: the target and any `#heading` or `#^block`. */
export function wikiRef(inner: string): string {
  const bar = inner.indexOf('|');
  // In a table the bar is escaped as `\|`: the backslash belongs to neither side.
  const beforeBar = bar === -1 ? inner : inner.slice(0, bar);
  return beforeBar.endsWith('\\') ? beforeBar.slice(0, -1) : beforeBar;
}

/** The note a `[[...]]` names (no alias, heading or block part); null for `[[]]`, `[[#heading]]` and other empty targets. */
export function wikiTarget(inner: string): string | null {
  const ref = wikiRef(inner);
  const hash = ref.indexOf('#');
  const target = (hash === -1 ? ref : ref.slice(0, hash)).trim();
  return target === '' ? null : target;
}

/** Every wiki link and embed in `text`, in order. */
export function findWikiLinks(text: string): WikiLinkMatch[] {
  const out: WikiLinkMatch[] = [];
  if (!text.includes('[[')) return out;
  WIKI_LINK.lastIndex = 0;
  for (let m = WIKI_LINK.exec(text); m !== null; m = WIKI_LINK.exec(text)) {
    const target = wikiTarget(m[1]);
    if (target === null) continue;
    const embed = m.index > 0 && text.charCodeAt(m.index - 1) === 33; /* ! */
    out.push({
      target,
      embed,
      start: embed ? m.index - 1 : m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}
