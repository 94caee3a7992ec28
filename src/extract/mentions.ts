/**
 * Unlinked mentions: for every note, the other notes whose text names it
 * (title, alias or file name, as whole words, case-insensitively, outside
 * code, links and frontmatter) without linking to it.
 *
 * One pass: every name of every note goes into one automaton
 * (aho-corasick.ts) and each note's tokens run through it once. Where names
 * overlap, the longest wins ("Deep Learning Systems" names that note, not
 * "Deep Learning"). What a name points to is decided by the link resolver,
 * as if the words were written `[[words]]`, so the suggested link goes where
 * the mention is credited.
 *
 * The rule: names with fewer than 4 letters or digits, and names found in
 * more than 5% of the notes (and more than 10 notes), mean too little and
 * are skipped; the common ones are listed in the report.
 */
import type { MentionRule, MentionsReport, UnlinkedMention } from '../core/contract.js';
import { byCodeUnit } from '../core/order.js';
import { contextAround } from './context.js';
import { lineCounter } from './line-index.js';
import { MentionNames } from './mention-names.js';
import { blankPrefix, findNames, HIT_SIZE, type Hits } from './mention-text.js';
import { resolveTarget, stripNoteExtension, type ResolveIndex } from './resolve.js';
import type { ParsedNote, ResolvedLink } from './types.js';

export const MENTION_RULE: MentionRule = { minLetters: 4, maxShare: 0.05, minCommonNotes: 10 };

/** Characters that end or split a wiki link's target. */
const NOT_IN_TARGET = /[|#^[\]]/;
const MAX_COMMON_LISTED = 20;

/** One name found in a note's text (MentionFinder.scan). */
export interface NameOccurrence {
  /** The name's index in the finder (nameAt). */
  name: number;
  /** The words as written. */
  written: string;
  /** 1-based line; asked in text order. */
  line(): number;
  /** The sentence around it. */
  context(): string;
}

export interface MentionFinderInput {
  notes: readonly Pick<ParsedNote, 'path' | 'title' | 'aliases'>[];
  /** Every resolved link: a source that links a target never mentions it. */
  links: readonly Pick<ResolvedLink, 'source' | 'target'>[];
  index: ResolveIndex;
  rule?: MentionRule;
  /** The names of `notes`, built before (the incremental builder keeps them while no name changes). */
  names?: MentionNames;
}

/** Offsets of the hits (HIT_SIZE numbers each) by first token, longer first at one start. */
function sortedHits(hits: Hits): number[] {
  const order = Array.from({ length: hits.length / HIT_SIZE }, (_, i) => i * HIT_SIZE);
  return order.sort((a, b) => hits[a + 1] - hits[b + 1] || hits[b + 2] - hits[a + 2]);
}

/** Feeds notes' texts one at a time (`add`), in any order, then `finish`. */
export class MentionFinder {
  private readonly rule: MentionRule;
  private readonly index: ResolveIndex;
  private readonly nameSet: MentionNames;
  private readonly names: readonly string[];
  private readonly lengths: readonly number[];
  /** Each source's link targets, made when a first mention needs it (most occurrences are a note's own name). */
  private linkedBySource: Map<string, Set<string>> | null = null;
  private readonly links: MentionFinderInput['links'];
  /** Per name: notes it was found in, and the last note counted (notes are numbered as added). */
  private readonly noteCounts: Int32Array;
  private readonly lastNote: Int32Array;
  private readonly threshold: number;
  /** Hits of the note being scanned (reused). */
  private readonly hits: Hits = [];
  private readonly found: (UnlinkedMention & { name: number })[] = [];
  private added = 0;

  constructor(input: MentionFinderInput) {
    this.rule = input.rule ?? MENTION_RULE;
    this.index = input.index;
    this.threshold = Math.max(Math.floor(input.notes.length * this.rule.maxShare), this.rule.minCommonNotes);
    const names = input.names ?? new MentionNames(input.notes, this.rule.minLetters);
    this.nameSet = names;
    this.names = names.names;
    this.lengths = names.lengths;
    this.noteCounts = new Int32Array(this.names.length);
    this.lastNote = new Int32Array(this.names.length).fill(-1);
    this.links = input.links;
  }

  /**
   * Finds the mentions in one note's text (`path`: its key): `accept(path, scan(text))`, counting each
   * name as it is met so that no occurrence (its words, two closures) is made for the many hits of
   * names already too common to count. In a vault whose titles share a small vocabulary most hits are
   * those: at 100,000 notes they were most of the stage's young garbage.
   */
  add(path: string, raw: string): void {
    const note = this.added;
    // accept counts nothing twice: lastNote already says this note for every name met here.
    this.accept(path, this.scan(raw, (name) => this.countIn(name, note) <= this.threshold));
  }

  /** Counts `name` as met in note number `note` (once per note); returns how many notes have met it. */
  private countIn(name: number, note: number): number {
    if (this.lastNote[name] !== note) {
      this.lastNote[name] = note;
      this.noteCounts[name]++;
    }
    return this.noteCounts[name];
  }

  /**
   * The names one note's text holds, in text order, the longest of
   * overlapping ones, leftmost first: what depends on the text and the set of
   * names only (the incremental builder keeps it per note, src/serve/incremental-mentions.ts).
   * `keep`, when given, is asked of each name in turn and drops the occurrences it refuses.
   */
  scan(raw: string, keep?: (name: number) => boolean): NameOccurrence[] {
    const hits = this.hits;
    hits.length = 0;
    const { text, bodyStart } = findNames(raw, this.nameSet.matcher, hits);
    if (hits.length === 0) return [];
    // Every occurrence, then the longest of overlapping ones, leftmost first.
    const order = sortedHits(hits);
    let lineAt: ((offset: number) => number) | null = null;
    // The sentence is read in the body with its frontmatter blanked (as a paragraph's start is found), made once when asked.
    let body: string | null = null;
    const found: NameOccurrence[] = [];
    let covered = -1;
    for (const i of order) {
      if (hits[i + 1] <= covered) continue;
      covered = hits[i + 2];
      if (keep && !keep(hits[i])) continue;
      const start = hits[i + 3];
      const end = hits[i + 4];
      const lines = (lineAt ??= lineCounter(text));
      // Line and sentence only for the few that become mentions (lines: asked in text order).
      found.push({
        name: hits[i],
        written: text.slice(start, end),
        line: () => lines(start),
        context: () => contextAround((body ??= blankPrefix(text, bodyStart)), start, end),
      });
    }
    return found;
  }

  /** Every name the finder looks for, normalised (index: NameOccurrence.name). */
  nameList(): readonly string[] {
    return this.names;
  }

  /** The name with index `name` (NameOccurrence.name), normalised. */
  nameAt(name: number): string {
    return this.names[name];
  }

  /** The index of a normalised name, or -1 when no note has it now. */
  indexOfName(name: string): number {
    return this.nameSet.indexOf(name);
  }

  /** Counts and resolves one note's occurrences (from `scan`), as `add` does; notes are taken in the order given. */
  accept(path: string, occurrences: readonly NameOccurrence[]): void {
    const note = this.added++;
    if (occurrences.length === 0) return;
    const byTarget = new Map<string, UnlinkedMention & { name: number }>();
    for (const { name, written, line, context } of occurrences) {
      if (this.countIn(name, note) > this.threshold) continue;
      const target = resolveTarget({ target: written, kind: 'inline', line: 0, context: '' }, path, this.index);
      if (!target || target.kind !== 'note' || target.key === path || this.linked(path, target.key)) continue;
      const seen = byTarget.get(target.key);
      if (seen) {
        seen.count++;
        continue;
      }
      const mention = {
        source: path,
        target: target.key,
        text: written,
        line: line(),
        context: context(),
        count: 1,
        link: this.linkFor(written, target.key),
        name,
      };
      byTarget.set(target.key, mention);
      this.found.push(mention);
    }
  }

  /** Whether `source` links `target`. */
  private linked(source: string, target: string): boolean {
    if (!this.linkedBySource) {
      this.linkedBySource = new Map();
      for (const link of this.links) {
        let targets = this.linkedBySource.get(link.source);
        if (!targets) this.linkedBySource.set(link.source, (targets = new Set()));
        targets.add(link.target);
      }
    }
    return this.linkedBySource.get(source)?.has(target) ?? false;
  }

  /** The wiki link to paste for `written` (which resolves to `target` from the source). */
  private linkFor(written: string, target: string): string {
    if (!NOT_IN_TARGET.test(written)) return `[[${written}]]`;
    return `[[${stripNoteExtension(target, this.index.noteExtensions)}|${written.replace(/[|[\]]/g, ' ')}]]`;
  }

  /** The report: mentions through names that stayed under the common threshold. */
  finish(): MentionsReport {
    const mentions: UnlinkedMention[] = [];
    for (const { name, ...mention } of this.found) if (this.noteCounts[name] <= this.threshold) mentions.push(mention);
    mentions.sort((a, b) => byCodeUnit(a.target, b.target) || byCodeUnit(a.source, b.source));
    const common = this.names
      .map((name, i) => ({ name, notes: this.noteCounts[i] }))
      .filter((c) => c.notes > this.threshold)
      .sort((a, b) => b.notes - a.notes || byCodeUnit(a.name, b.name))
      .slice(0, MAX_COMMON_LISTED);
    return { mentions, rule: { ...this.rule }, common };
  }
}
