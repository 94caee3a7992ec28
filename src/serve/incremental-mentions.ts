/**
 * Unlinked mentions for the incremental builder, equal to a full build's
 * (src/extract/mentions-stage.ts). What a note's text holds depends on the
 * text and the set of names only (MentionFinder.scan), so it is kept per
 * note; every build counts and resolves those occurrences again, in path
 * order as the full build takes the notes (MentionFinder.accept: no text,
 * so it is cheap), which keeps the common-name threshold, the notes that
 * already link and the resolver current.
 *
 * Read again: the notes whose text changed; when a name went (a note
 * deleted, renamed, retitled), the notes that held it; when a name came,
 * every note that may hold all the name's words (each note keeps a small
 * filter of its words, word-filter.ts, so only those texts are read).
 */
import type { MentionsReport } from '../core/contract.js';
import { MentionNames, textTokens } from '../extract/mention-names.js';
import { MENTION_RULE, MentionFinder, type NameOccurrence } from '../extract/mentions.js';
import { mayHoldAll, nameTokenHashes, wordFilter } from '../extract/word-filter.js';
import { readFiles } from '../extract/read.js';
import type { ResolveIndex } from '../extract/resolve.js';
import type { ParsedNote, ResolvedLink } from '../extract/types.js';
import { namesHash } from './cached-suggestions.js';

/** One occurrence as kept (and cached): name, words as written, line, sentence. */
export type StoredOccurrence = [name: string, written: string, line: number, context: string];

/** What one note's text holds for the mention finder. */
export interface NoteMentionText {
  occurrences: StoredOccurrence[];
  /** The words the text may hold (word-filter.ts); null: none (an unread file). */
  words: Uint8Array | null;
  /** The occurrences as MentionFinder.accept takes them, for that set of names (not cached). */
  accepted?: { names: MentionNames; list: NameOccurrence[] };
}

/** What the cache keeps (the cache file is V8's serialization: filters as they are). */
export interface MentionsCache {
  names: string[];
  notes: [path: string, occurrences: StoredOccurrence[], words: Uint8Array | null][];
  /** The names the finder was built with and the namesHash of the notes they came from (building them again is ~0.1 s at 10,000 notes). */
  built?: { key: string; names: string[]; tokens: string[][] };
}

export interface MentionsInput {
  /** Every note, sorted by path (the order a full build takes them in). */
  notes: readonly ParsedNote[];
  links: readonly Pick<ResolvedLink, 'source' | 'target'>[];
  index: ResolveIndex;
  /** Notes whose text changed or that came since the last update. */
  changed: Iterable<string>;
  /** namesHash(notes), when the caller has it. */
  namesHash?: string;
}

const EMPTY: NoteMentionText = { occurrences: [], words: null };
/** Up to this many notes to scan, each gets its own small automaton (see scan). */
const FEW = 16;

export class IncrementalMentions {
  private texts = new Map<string, NoteMentionText>();
  /** The names the kept occurrences were found with; null: nothing kept yet. */
  private names: Set<string> | null = null;
  /** The names (and their automaton once built), kept while no note's names change (namesHash). */
  private built: { key: string; names: MentionNames } | null = null;

  /**
   * `root`: the vault's real path (note paths are relative to it). `oneOff`: a single build
   * (BuilderOptions.oneOff), which may keep views into the cache file's bytes.
   */
  constructor(
    private readonly root: string,
    private readonly oneOff = false,
  ) {}

  restore(cache: MentionsCache | undefined): void {
    if (!cache) return;
    this.names = new Set(cache.names);
    // Filters copied in a live session: as read they are views into the cache file's bytes, and would keep all of them alive.
    const copy = !this.oneOff;
    this.texts = new Map(cache.notes.map(([path, occurrences, words]) => [path, { occurrences, words: words && copy ? words.slice() : words }]));
    if (cache.built) this.built = { key: cache.built.key, names: new MentionNames([], MENTION_RULE.minLetters, cache.built) };
  }

  toCache(): MentionsCache | undefined {
    if (!this.names) return undefined;
    const notes: MentionsCache['notes'] = [];
    for (const [path, { occurrences, words }] of this.texts) notes.push([path, occurrences, words]);
    const built = this.built && { key: this.built.key, names: this.built.names.names, tokens: this.built.names.tokens };
    return { names: [...this.names], notes, ...(built ? { built } : {}) };
  }

  /** The mentions of the vault now. */
  async update(input: MentionsInput): Promise<MentionsReport> {
    // What the names are made of (namesOf: path, title, aliases): the same fingerprint, the same names.
    const key = input.namesHash ?? namesHash(input.notes);
    const namesChanged = this.built?.key !== key;
    if (namesChanged) this.built = { key, names: new MentionNames(input.notes, MENTION_RULE.minLetters) };
    const finder = new MentionFinder({ notes: input.notes, links: input.links, index: input.index, names: this.built!.names });
    const present = new Set(input.notes.map((n) => n.path));
    for (const path of this.texts.keys()) if (!present.has(path)) this.texts.delete(path);

    const again = new Set<string>();
    for (const path of input.changed) if (present.has(path)) again.add(path);
    for (const path of present) if (!this.texts.has(path)) again.add(path);
    const previous = this.names;
    // The same names as last time (namesHash): nothing to look for in the other notes.
    const names = namesChanged || !previous ? new Set(finder.nameList()) : previous;
    if (previous && namesChanged) {
      const gone = new Set([...previous].filter((n) => !names.has(n)));
      const came = [...names].filter((n) => !previous.has(n)).map(nameTokenHashes);
      for (const [path, text] of this.texts) {
        if (again.has(path)) continue;
        if (gone.size > 0 && text.occurrences.some((o) => gone.has(o[0]))) again.add(path);
        else if (text.words && came.some((words) => mayHoldAll(text.words!, words))) again.add(path);
      }
    } else if (!previous) for (const path of present) again.add(path);
    this.names = names;

    await this.scan(finder, this.built!.names, input.index, [...again].sort());
    for (const note of input.notes) finder.accept(note.path, this.occurrences(finder, this.texts.get(note.path) ?? EMPTY));
    return finder.finish();
  }

  /**
   * Reads and scans `paths` (batch by batch, as the mentions stage does). A few notes, with no
   * automaton of every name built yet (a new process), are each scanned with only the names their
   * words allow (MentionNames.within): the same occurrences, without building the whole automaton.
   */
  private async scan(finder: MentionFinder, names: MentionNames, index: ResolveIndex, paths: string[]): Promise<void> {
    const few = paths.length <= FEW && !names.hasAutomaton;
    const BATCH = 2048;
    for (let from = 0; from < paths.length; from += BATCH) {
      const files = paths.slice(from, from + BATCH).map((path) => ({ path, absPath: `${this.root}/${path}` }));
      for (const read of await readFiles(files)) {
        // As the full build: a file too big or unreadable now holds no mention.
        if (read.text === null || read.tooLarge) {
          this.texts.set(read.file.path, EMPTY);
          continue;
        }
        const scanner = few ? new MentionFinder({ notes: [], links: [], index, names: names.within(textTokens(read.text)) }) : finder;
        const found = scanner.scan(read.text);
        this.texts.set(read.file.path, {
          occurrences: found.map((o) => [scanner.nameAt(o.name), o.written, o.line(), o.context()]),
          words: wordFilter(read.text),
        });
      }
    }
  }

  /** A note's occurrences as the finder takes them, made once per set of names (most notes never change). */
  private occurrences(finder: MentionFinder, text: NoteMentionText): NameOccurrence[] {
    const names = this.built!.names;
    if (text.accepted?.names === names) return text.accepted.list;
    const out: NameOccurrence[] = [];
    for (const [name, written, line, context] of text.occurrences) {
      const index = finder.indexOfName(name);
      if (index >= 0) out.push({ name: index, written, line: () => line, context: () => context });
    }
    if (text !== EMPTY) text.accepted = { names, list: out };
    return out;
  }
}

/** True when two reports hold the same mentions (cheaper than comparing their JSON at 100,000 notes). */
export function sameMentions(a: MentionsReport | undefined, b: MentionsReport): boolean {
  if (!a || a.mentions.length !== b.mentions.length || a.common.length !== b.common.length) return false;
  for (let i = 0; i < a.mentions.length; i++) {
    const x = a.mentions[i];
    const y = b.mentions[i];
    if (x.source !== y.source || x.target !== y.target || x.text !== y.text || x.line !== y.line || x.context !== y.context || x.count !== y.count || x.link !== y.link) return false;
  }
  for (let i = 0; i < a.common.length; i++) if (a.common[i].name !== b.common[i].name || a.common[i].notes !== b.common[i].notes) return false;
  return JSON.stringify(a.rule) === JSON.stringify(b.rule);
}
