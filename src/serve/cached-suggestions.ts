/**
 * "Did you mean" answers kept in the incremental cache: an answer depends on
 * the dangling target and the notes' names only (suggest.ts reads each note's
 * path, title and aliases), so a start from the cache with the same names
 * reuses them instead of asking again for every dangling target (about 0.25 s
 * at 10,000 notes).
 */
import type { Suggestion } from '../core/contract.js';
import v8 from 'node:v8';
import type { SuggestionIndex } from '../extract/suggest.js';
import type { ParsedNote } from '../extract/types.js';
import { FastHash } from './fast-hash.js';

export interface CachedSuggestions {
  /** namesHash of the notes the answers were found among. */
  names: string;
  answers: [target: string, answer: Suggestion | null][];
  /**
   * The suggestion index of those notes (suggest.ts), V8-serialized: a new dangling target in a new
   * process asks it without building it again (~0.15 s at 10,000 notes). Read only when asked.
   */
  index?: Uint8Array;
}

/** The index as bytes for the cache. */
export const indexBytes = (index: SuggestionIndex): Uint8Array => v8.serialize(index);

/** The index from the cache's bytes (copied first: the views it holds must not keep the whole cache file alive). */
export const indexFromBytes = (bytes: Uint8Array): SuggestionIndex => v8.deserialize(Buffer.from(bytes)) as SuggestionIndex;

/** A fingerprint (fast-hash.ts) of what the suggestion index reads: each note's path, title and aliases. */
export function namesHash(notes: readonly Pick<ParsedNote, 'path' | 'title' | 'aliases'>[]): string {
  const hash = new FastHash();
  for (const n of notes) {
    hash.update(n.path).update(n.title);
    hash.update(String(n.aliases.length));
    for (const alias of n.aliases) hash.update(alias);
  }
  return hash.digest();
}
