/**
 * Where a note lists its *related* notes, so that wiki links there get the
 * kind `related`: under an HTML `<li>related <ul>...</ul></li>` item (the
 * seed note's linkage tree), under a Markdown list item labelled "related",
 * under a heading named "related" / "related notes" / "see also" (until the
 * next heading of the same or a higher level), or after a lone "Related:"
 * line (until the end of the block that follows it).
 */
import type { Span } from './code-spans.js';
import { lineEndAt, lineStartAt } from './line-index.js';
import { parseHeading } from './markdown-blocks.js';

// Words that can name a related section; text without them has none.
const RELATED_WORDS = /related|see also/i;

const RELATED_LABEL = /^(?:related|related notes|related links|related pages|related topics|see also)$/;

/** True when a label (item text, heading text) names a related section. */
export function isRelatedLabel(raw: string): boolean {
  // Cheap rejections first: most labels are neither short nor about relations.
  if (raw.length > 200 || !RELATED_WORDS.test(raw)) return false;
  const label = raw
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[*_~`=]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .toLowerCase();
  return RELATED_LABEL.test(label);
}

interface OpenElement {
  name: string;
  start: number;
  /** An li whose label is "related". */
  related: boolean;
}

/** Closes the innermost open element at `at`; a related item becomes a span. */
function closeTop(stack: OpenElement[], spans: Span[], at: number): void {
  const top = stack.pop()!;
  if (top.name === 'li' && top.related) spans.push({ start: top.start, end: at });
}

// An HTML list tag: `<li>`, `</ul>`, `<ol start="2">`. Shared and run with exec (matchAll would clone it per note).
const LIST_TAG = /<\/?(?:li|ul|ol)\b[^<>]*>/gi;

/** `<li>` items labelled "related", from the item to its end (explicit or implied). */
function htmlRelatedRanges(text: string): Span[] {
  const tokens: { start: number; end: number; close: boolean; name: string }[] = [];
  LIST_TAG.lastIndex = 0;
  for (let m = LIST_TAG.exec(text); m !== null; m = LIST_TAG.exec(text)) {
    // No capture groups (one string fewer per tag): the name is the two letters after `<` or `</`.
    const close = text.charCodeAt(m.index + 1) === 47; /* / */
    const nameAt = m.index + (close ? 2 : 1);
    tokens.push({ start: m.index, end: LIST_TAG.lastIndex, close, name: text.slice(nameAt, nameAt + 2).toLowerCase() });
  }
  const spans: Span[] = [];
  const stack: OpenElement[] = [];
  tokens.forEach((t, k) => {
    if (!t.close && t.name === 'li') {
      // A new item closes the previous one at the same level (HTML's implied </li>).
      if (stack.length > 0 && stack[stack.length - 1].name === 'li') closeTop(stack, spans, t.start);
      const labelEnd = k + 1 < tokens.length ? tokens[k + 1].start : text.length;
      stack.push({ name: 'li', start: t.start, related: isRelatedLabel(text.slice(t.end, labelEnd)) });
    } else if (!t.close) {
      stack.push({ name: t.name, start: t.start, related: false });
    } else if (t.name === 'li') {
      while (stack.length > 0 && stack[stack.length - 1].name !== 'li') stack.pop();
      if (stack.length > 0) closeTop(stack, spans, t.end);
    } else {
      // </ul> or </ol>: closes any items left open inside the list.
      while (stack.length > 0 && stack[stack.length - 1].name === 'li') closeTop(stack, spans, t.start);
      if (stack.length > 0) stack.pop();
    }
  });
  while (stack.length > 0) closeTop(stack, spans, text.length);
  return spans;
}

const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}


const RELATED_WORD_HITS = new RegExp(RELATED_WORDS.source, 'gi');

/**
 * Markdown headings, list items and lone label lines named "related".
 * Only lines holding "related" or "see also" are looked at; a candidate
 * inside a range already found is skipped, so each forward scan covers new
 * text and the whole pass stays linear.
 */
function markdownRelatedRanges(text: string, firstHit: number): Span[] {
  const spans: Span[] = [];
  let covered = 0;
  let lastLineEnd = -1;
  // Hits before `firstHit` (the first one) there are none: the search starts there.
  RELATED_WORD_HITS.lastIndex = firstHit;
  for (let m = RELATED_WORD_HITS.exec(text); m !== null; m = RELATED_WORD_HITS.exec(text)) {
    // Another hit on the line just looked at, or inside a range found.
    if (m.index <= lastLineEnd || m.index < covered) continue;
    const start = lineStartAt(text, m.index);
    const end = lineEndAt(text, start);
    lastLineEnd = end;
    if (start < covered) continue;
    const line = text.slice(start, end);
    let last = end;
    const heading = parseHeading(line);
    if (heading) {
      if (!isRelatedLabel(heading.text)) continue;
      // To the next heading of the same or a higher level.
      for (let at = end + 1; at < text.length; ) {
        const e = lineEndAt(text, at);
        const h = parseHeading(text.slice(at, Math.min(e, at + 8)));
        if (h && h.level <= heading.level) break;
        last = e;
        at = e + 1;
      }
    } else {
      const item = LIST_ITEM.exec(line);
      if (item) {
        const colon = item[2].indexOf(':');
        if (!isRelatedLabel(colon === -1 ? item[2] : item[2].slice(0, colon + 1))) continue;
        // The item's children: following lines indented deeper (blank lines allowed).
        const indent = indentOf(line);
        for (let at = end + 1; at < text.length; ) {
          const e = lineEndAt(text, at);
          const next = text.slice(at, e);
          if (next.trim() !== '') {
            if (indentOf(next) <= indent) break;
            last = e;
          }
          at = e + 1;
        }
      } else {
        const lone = line.replace(/^[ \t>]+/, '');
        // HTML lines (`<li>related`) are left to the HTML pass, which knows where the item ends.
        if (lone.startsWith('<') || !isRelatedLabel(lone)) continue;
        // A lone "Related:" line labels the block right after it.
        let at = end + 1;
        let seen = false;
        while (at < text.length) {
          const e = lineEndAt(text, at);
          const next = text.slice(at, e);
          if (next.trim() === '' ? seen : parseHeading(next) !== null) break;
          if (next.trim() !== '') {
            seen = true;
            last = e;
          }
          at = e + 1;
        }
      }
    }
    spans.push({ start, end: last });
    covered = last;
  }
  return spans;
}

const HTML_LIST_ITEM = /<li\b/i;

/** Sorted, merged ranges of the text that list related notes. */
export function findRelatedRanges(text: string): Span[] {
  // Both passes only ever mark text labelled "related" or "see also": without either, skip them.
  RELATED_WORD_HITS.lastIndex = 0;
  const first = RELATED_WORD_HITS.exec(text);
  if (first === null) return [];
  // Only list items can be labelled in HTML: without an `<li`, skip that pass.
  const html = HTML_LIST_ITEM.test(text) ? htmlRelatedRanges(text) : [];
  const all = [...html, ...markdownRelatedRanges(text, first.index)].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** True when `offset` lies in one of the sorted, disjoint `ranges`. */
export function inRanges(ranges: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[mid].start) hi = mid - 1;
    else if (offset >= ranges[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
