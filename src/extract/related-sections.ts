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
// The same words, searched for through a whole note.
const RELATED_WORD_HITS = new RegExp(RELATED_WORDS.source, 'gi');

const RELATED_LABEL = /^(?:related|related notes|related links|related pages|related topics|see also)$/;

/** True when a label (item text, heading text) names a related section. */
function isRelatedLabel(raw: string): boolean {
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
  /** An `<li>` (else a `<ul>` or `<ol>`). */
  item: boolean;
  start: number;
  /** An li whose label is "related". */
  related: boolean;
}

/** Closes the innermost open element at `at`; a related item becomes a span. */
function closeTop(stack: OpenElement[], spans: Span[], at: number): void {
  const top = stack.pop()!;
  if (top.item && top.related) spans.push({ start: top.start, end: at });
}

// An HTML list tag at a `<`: `<li>`, `</ul>`, `<ol start="2">`. Tried at each
// `<` in turn (found with indexOf), which is what a global search does, with
// no match array per tag.
const LIST_TAG_AT = /<\/?(?:li|ul|ol)\b[^<>]*>/iy;

/**
 * `<li>` items labelled "related", from the item to its end (explicit or
 * implied). `firstHit`: where the first "related" or "see also" is; a label
 * is only read when such a word lies in it.
 */
function htmlRelatedRanges(text: string, firstHit: number): Span[] {
  const spans: Span[] = [];
  const stack: OpenElement[] = [];
  // The last <li> opened and where its label starts: the label runs to the next list tag.
  let labelled: OpenElement | null = null;
  let labelStart = 0;
  let hit = firstHit;
  for (let lt = text.indexOf('<'); ; lt = text.indexOf('<', lt + 1)) {
    let end = -1;
    if (lt !== -1) {
      LIST_TAG_AT.lastIndex = lt;
      if (!LIST_TAG_AT.test(text)) continue;
      end = LIST_TAG_AT.lastIndex;
    }
    const at = lt === -1 ? text.length : lt;
    if (labelled !== null) {
      // Hits are found in text order, so the next one at or after the label tells whether it can name a section.
      if (hit !== -1 && hit < labelStart) {
        RELATED_WORD_HITS.lastIndex = labelStart;
        hit = RELATED_WORD_HITS.exec(text)?.index ?? -1;
      }
      labelled.related = hit !== -1 && hit < at && isRelatedLabel(text.slice(labelStart, at));
      labelled = null;
    }
    if (lt === -1) break;
    const close = text.charCodeAt(lt + 1) === 47; /* / */
    const item = (text.charCodeAt(lt + (close ? 2 : 1)) | 0x20) === 108; /* l */
    if (!close && item) {
      // A new item closes the previous one at the same level (HTML's implied </li>).
      if (stack.length > 0 && stack[stack.length - 1].item) closeTop(stack, spans, lt);
      labelled = { item: true, start: lt, related: false };
      labelStart = end;
      stack.push(labelled);
    } else if (!close) {
      stack.push({ item: false, start: lt, related: false });
    } else if (item) {
      while (stack.length > 0 && !stack[stack.length - 1].item) stack.pop();
      if (stack.length > 0) closeTop(stack, spans, end);
    } else {
      // </ul> or </ol>: closes any items left open inside the list.
      while (stack.length > 0 && stack[stack.length - 1].item) closeTop(stack, spans, lt);
      if (stack.length > 0) stack.pop();
    }
    lt = end - 1;
  }
  while (stack.length > 0) closeTop(stack, spans, text.length);
  return spans;
}

const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}


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

/** Sorted, merged ranges of the text that list related notes. */
export function findRelatedRanges(text: string): Span[] {
  // Both passes only ever mark text labelled "related" or "see also": without either, skip them.
  RELATED_WORD_HITS.lastIndex = 0;
  const first = RELATED_WORD_HITS.exec(text);
  if (first === null) return [];
  const html = htmlRelatedRanges(text, first.index);
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
