/**
 * Markdown links to notes: inline `[x](path.md)`, `[x](<path with spaces.md>)`,
 * `[x](folder/My%20Note.md#heading)`, link-reference definitions
 * `[id]: path.md` (Foam writes them), and images `![x](img.png)` (embeds).
 * Targets are URL-decoded and resolved against the linking note's folder.
 * Scans text whose code is already masked; wiki links are passed as spans to skip.
 */
import { posix } from 'node:path';
import type { Span } from './code-spans.js';
import { lineStartAt, nextIndexFinder } from './line-index.js';

/** File extensions that make a target a note. */
const NOTE_EXTENSIONS: readonly string[] = ['md', 'markdown', 'txt'];

/** One Markdown link found in a text. */
export interface MarkdownLinkMatch {
  /** The path as written, URL-decoded, without `#fragment` or `?query`. */
  target: string;
  /** `target` resolved against the note's folder: vault-relative POSIX, possibly `../x`. */
  relativePath: string;
  /** Image syntax `![x](...)`: an embed. */
  image: boolean;
  start: number;
  end: number;
}

// `!?` (group 1) `[` text (group 2: no brackets but one nested `[...]` level,
// as in `[![img](a.png)](b.md)`; no newline) `](`. Each alternative starts
// with a different character, so matching never backtracks across them.
const INLINE_OPEN = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(/g;
// A definition line: up to 3 spaces, `[id]:` (group 1, not a `^` footnote),
// then the destination (group 2: `<...>` or a run without spaces).
const DEFINITION = /^ {0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^<>\n]*>|\S+)/gm;

/**
 * The extension of a path's file name, lower-cased, without its dot, or ''
 * (`2023.09.12` has none: an extension starts with a letter here, unlike
 * resolve.ts's, which only needs to tell note files from other files).
 */
function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = /\.([a-zA-Z][a-zA-Z0-9]{0,9})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** True for a note path: a note extension or none at all. */
function isNoteTarget(path: string): boolean {
  const ext = extensionOf(path);
  return ext === '' || NOTE_EXTENSIONS.includes(ext);
}

/**
 * A link target resolved against the folder of `notePath`: vault-relative,
 * POSIX-normalised; a leading `/` means the vault root; one that escapes the
 * vault keeps its leading `../`.
 */
function resolveRelative(notePath: string, target: string): string {
  if (target.startsWith('/')) return posix.normalize(target.replace(/^\/+/, ''));
  return posix.normalize(posix.join(posix.dirname(notePath), target));
}

/** The first offset at or after `i` that is not a space, tab or newline. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n')) i++;
  return i;
}

/**
 * Reads an inline link's destination starting at `from` (just after `(`):
 * `<...>` or a run without spaces and with balanced parentheses, then an
 * optional title, then `)`. Returns the raw destination and the offset after
 * `)`, or null when this is not a link.
 */
function readDestination(
  text: string,
  from: number,
  nextGt: (from: number) => number,
  nextNewline: (from: number) => number,
): { dest: string; end: number } | null {
  let i = skipSpace(text, from);
  let dest: string;
  if (text[i] === '<') {
    const close = nextGt(i);
    const newline = nextNewline(i);
    if (close === -1 || (newline !== -1 && newline < close)) return null;
    dest = text.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      // A bracket cannot be in a bare destination: stopping there also keeps
      // `[a]([a]([a](...` linear (no scan runs over the next link's start).
      else if (c === '[' || c === ']') return null;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === ' ' || c === '\t' || c === '\n') break;
      if (i - start > 2048) return null;
    }
    dest = text.slice(start, i);
  }
  i = skipSpace(text, i);
  const quote = text[i];
  if (quote === '"' || quote === "'" || (quote === '(' && i > from)) {
    const closer = quote === '(' ? ')' : quote;
    // Bounded search: a title is short, and an unclosed quote must not make us scan on.
    const close = text.slice(i + 1, i + 1025).indexOf(closer);
    if (close === -1) return null;
    i = skipSpace(text, i + 1 + close + 1);
  }
  if (text[i] !== ')') return null;
  return { dest, end: i + 1 };
}

/** The note path in a destination, or null for URLs, pure anchors and empty ones. */
function notePathOf(dest: string): string | null {
  const d = dest.trim();
  // `scheme:` (http, https, mailto, obsidian, file, ...) and `//host` are not vault paths.
  if (d === '' || d.startsWith('#') || d.startsWith('//') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(d)) return null;
  let path = d;
  const cut = path.search(/[#?]/);
  if (cut !== -1) path = path.slice(0, cut);
  // Decode each run of `%XX` escapes; a stray `%` stays a literal percent
  // sign, and a run that is not UTF-8 stays as written.
  if (path.includes('%')) {
    path = path.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  path = path.trim();
  return path === '' ? null : path;
}

/** Adds the link at [start, end) to `out` when its destination names a note, or any file for an image. */
function addLink(out: MarkdownLinkMatch[], notePath: string, raw: string, image: boolean, start: number, end: number): void {
  const dest = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  const target = notePathOf(dest);
  if (target === null || (!image && !isNoteTarget(target))) return;
  out.push({ target, relativePath: resolveRelative(notePath, target), image, start, end });
}

/** Index of the first span in `spans` from `k` on that does not end at or before `at` (the caller skips `at` when that span holds it). */
function advance(spans: readonly Span[], k: number, at: number): number {
  while (k < spans.length && spans[k].end <= at) k++;
  return k;
}

/**
 * True when some `]:` sits on a line that starts with up to 3 spaces and
 * `[`, as every definition's does. Looking at each `]:` (few per note; `[[x]]:`
 * in prose is the usual one) is much cheaper than running DEFINITION, a
 * line-anchored pattern tried at every line start.
 */
function mayHoldDefinition(text: string): boolean {
  for (let at = text.indexOf(']:'); at !== -1; at = text.indexOf(']:', at + 2)) {
    let i = lineStartAt(text, at);
    const limit = i + 3;
    while (i < limit && text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) === 91 /* [ */) return true;
  }
  return false;
}

/**
 * Markdown links to notes and image embeds in `text`, in order. Links to
 * other files (a plain `[x](file.pdf)`) are dropped; images of any file are
 * kept as embeds. `skip`: sorted spans (the wiki links) where nothing starts:
 * `[[a]](b)` is a wiki link, not a Markdown link.
 */
export function findMarkdownLinks(text: string, notePath: string, skip: readonly Span[] = []): MarkdownLinkMatch[] {
  const out: MarkdownLinkMatch[] = [];
  const nextGt = nextIndexFinder(text, '>');
  const nextNewline = nextIndexFinder(text, '\n');
  if (text.includes('](')) {
    let k = 0;
    for (const m of text.matchAll(INLINE_OPEN)) {
      k = advance(skip, k, m.index);
      if (k < skip.length && skip[k].start <= m.index) continue;
      const found = readDestination(text, m.index + m[0].length, nextGt, nextNewline);
      if (!found) continue;
      addLink(out, notePath, found.dest, m[1] === '!', m.index, found.end);
      // An image inside the link text (`[![alt](a.png)](b.md)`) is an embed too.
      if (!m[2].includes('](')) continue;
      const textStart = m.index + m[1].length + 1;
      // matchAll runs on a copy of the shared regex, so the outer loop's state is untouched.
      for (const inner of m[2].matchAll(INLINE_OPEN)) {
        if (inner[1] !== '!') continue;
        const at = textStart + inner.index;
        const img = readDestination(text, at + inner[0].length, nextGt, nextNewline);
        if (img) addLink(out, notePath, img.dest, true, at, img.end);
      }
    }
  }
  if (mayHoldDefinition(text)) {
    let k = 0;
    for (const m of text.matchAll(DEFINITION)) {
      k = advance(skip, k, m.index);
      if (k < skip.length && skip[k].start <= m.index) continue;
      addLink(out, notePath, m[2], false, m.index, m.index + m[0].length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
