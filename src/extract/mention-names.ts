/**
 * The names the mention finder looks for (mentions.ts): every note's title,
 * aliases and file name, normalised, each once, those with too few letters
 * left out, cut into tokens and put into one automaton. Built once per set
 * of names: the incremental builder keeps it while no name changes
 * (`namesKey` tells), since building it is most of a small update's cost.
 */
import type { MentionRule } from '../core/contract.js';
import { normalizeName } from '../core/normalize.js';
import { buildAutomaton, type TokenAutomaton } from './aho-corasick.js';
import { tokenize, Vocabulary } from './mention-text.js';
import { titleFromFileName } from './parse-note.js';
import type { ParsedNote } from './types.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

type Named = Pick<ParsedNote, 'path' | 'title' | 'aliases'>;

/** The names a note can be mentioned by: title, aliases, file name. */
export function namesOf(note: Named): string[] {
  return [note.title, ...note.aliases, titleFromFileName(note.path)];
}

/** Every name as written, in note order: equal keys, equal MentionNames. */
export function namesKey(notes: readonly Named[]): string {
  return notes.map((n) => namesOf(n).join('\u0000')).join('\u0001');
}

export class MentionNames {
  readonly vocabulary = new Vocabulary();
  /** The names, normalised; a name's index is its pattern in the automaton. */
  readonly names: string[] = [];
  /** Tokens per name. */
  readonly lengths: number[] = [];
  readonly automaton: TokenAutomaton;
  private index: Map<string, number> | null = null;

  constructor(notes: readonly Named[], minLetters: MentionRule['minLetters']) {
    const patterns: number[][] = [];
    const seen = new Set<string>();
    for (const note of notes) {
      for (const written of namesOf(note)) {
        const name = normalizeName(written);
        if (seen.has(name)) continue;
        seen.add(name);
        if ((name.match(LETTER_OR_DIGIT)?.length ?? 0) < minLetters) continue;
        const tokens = tokenize(name);
        if (tokens.length === 0) continue;
        patterns.push(tokens.map((t) => this.vocabulary.add(t)));
        this.names.push(name);
        this.lengths.push(tokens.length);
      }
    }
    this.automaton = buildAutomaton(patterns);
  }

  /** The index of a normalised name, or -1. */
  indexOf(name: string): number {
    this.index ??= new Map(this.names.map((n, i) => [n, i]));
    return this.index.get(name) ?? -1;
  }
}
