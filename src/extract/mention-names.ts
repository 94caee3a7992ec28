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
import { forEachToken, tokenize, Vocabulary, type NameMatcher } from './mention-text.js';
import { titleFromFileName } from './parse-note.js';
import type { ParsedNote } from './types.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether `name` holds at least `min` letters or digits (code points),
 * looking no further than needed: a match of every letter was a third of
 * building the names.
 */
export function hasLettersOrDigits(name: string, min: number): boolean {
  let count = 0;
  for (let i = 0; i < name.length && count < min; i++) {
    const c = name.charCodeAt(i);
    if (c < 128) {
      const lower = c | 32;
      if ((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122)) count++;
      continue;
    }
    const point = name.codePointAt(i)!;
    if (point > 0xffff) i++;
    if (LETTER_OR_DIGIT.test(String.fromCodePoint(point))) count++;
  }
  return count >= min;
}

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
  /** The names, normalised; a name's index is its pattern in the automaton. */
  readonly names: string[] = [];
  /** Each name's tokens. */
  readonly tokens: string[][] = [];
  /** Tokens per name. */
  readonly lengths: number[] = [];
  private built: NameMatcher | null = null;
  private index: Map<string, number> | null = null;

  /** The names of `notes` (or, with `given`, exactly those names and tokens, in that order). */
  constructor(notes: readonly Named[], minLetters: MentionRule['minLetters'], given?: { names: string[]; tokens: string[][] }) {
    if (given) {
      this.names = given.names;
      this.tokens = given.tokens;
      this.lengths = given.tokens.map((t) => t.length);
      return;
    }
    const seen = new Set<string>();
    for (const note of notes) {
      for (const written of namesOf(note)) {
        const name = normalizeName(written);
        if (seen.has(name)) continue;
        seen.add(name);
        if (!hasLettersOrDigits(name, minLetters)) continue;
        const tokens = tokenize(name);
        if (tokens.length === 0) continue;
        this.names.push(name);
        this.tokens.push(tokens);
        this.lengths.push(tokens.length);
      }
    }
  }

  /** The tokens' ids and the automaton, built when a text is first scanned (counting needs neither). */
  get matcher(): NameMatcher {
    if (!this.built) {
      const vocabulary = new Vocabulary();
      const patterns = this.tokens.map((tokens) => tokens.map((t) => vocabulary.add(t)));
      let maxLength = 1;
      for (const length of this.lengths) maxLength = Math.max(maxLength, length);
      this.built = { vocabulary, automaton: buildAutomaton(patterns), lengths: this.lengths, maxLength };
    }
    return this.built;
  }

  get vocabulary(): Vocabulary {
    return this.matcher.vocabulary;
  }

  get automaton(): TokenAutomaton {
    return this.matcher.automaton;
  }

  /** True once the automaton exists. */
  get hasAutomaton(): boolean {
    return this.built !== null;
  }

  /**
   * Only the names whose every token is among `words` (a text's tokens), in
   * the same order: scanning that text with them finds what all the names
   * find, and for a few changed notes this is much cheaper than the whole
   * automaton.
   */
  within(words: ReadonlySet<string>): MentionNames {
    const names: string[] = [];
    const tokens: string[][] = [];
    this.tokens.forEach((t, i) => {
      if (t.every((w) => words.has(w))) {
        names.push(this.names[i]);
        tokens.push(t);
      }
    });
    return new MentionNames([], 0, { names, tokens });
  }

  /** The index of a normalised name, or -1. */
  indexOf(name: string): number {
    this.index ??= new Map(this.names.map((n, i) => [n, i]));
    return this.index.get(name) ?? -1;
  }
}

/** A note's text as a set of tokens, lower case and NFC as the mention finder reads it (a superset: the whole text). */
export function textTokens(raw: string): Set<string> {
  let text = raw;
  if (/[^\x00-\x7f]/.test(text)) text = text.normalize('NFC');
  const lower = text.toLowerCase();
  const words = new Set<string>();
  forEachToken(lower, (start, end) => words.add(lower.slice(start, end)));
  return words;
}
