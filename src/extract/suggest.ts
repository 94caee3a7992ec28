/**
 * "Did you mean ...?" for dangling link targets: the closest existing title,
 * alias or file name (without extension), by edit distance on normalised
 * names, and only when it is close.
 *
 * Speed: comparing every dangling target with every name is quadratic
 * (2,000 targets x 23,000 names = 46M Levenshtein runs: 33 s here), so the
 * index uses two exact filters before any Levenshtein run:
 *  - a length window: names within distance d differ in length by at most d.
 *    Names are numbered by length, so the window is a range of ids;
 *  - the bigram count filter (q-gram lemma, q = 2): if ed(x, y) <= d then x
 *    and y share at least max(|x|, |y|) - 1 - 2d bigrams (as multisets),
 *    because one edit destroys at most two bigrams. Shared bigrams are
 *    counted through an inverted index (bigram -> ids holding it, sorted, so
 *    cut to the length window by binary search); only names passing the
 *    bound are compared. With d <= len / 4 the bound stays positive for
 *    every length we suggest for, so the filter never lets everything through.
 * Both filters are lossless: every name within the distance is still found.
 * Measured (test/unit/health/suggest.test.ts, 10,000 notes = 23,000 names,
 * 2,000 targets, idle 2-core machine): index 0.2 s, lookups 0.6 s; Levenshtein
 * then runs a few dozen times per target instead of 23,000. Skipping the commonest
 * bigrams (a prefix filter) was tried and was slower: a Levenshtein run
 * costs about 50 posting visits, and the weaker bound lets many more through.
 */
import { distance } from 'fastest-levenshtein';
import type { Suggestion } from '../core/contract.js';
import { normalizeName } from '../core/normalize.js';
import { byCodeUnit } from '../core/order.js';
import { stripNoteExtension } from './resolve.js';
import { DEFAULT_NOTE_EXTENSIONS } from './scan.js';
import type { ParsedNote } from './types.js';

/** Targets shorter than this (normalised) get no fuzzy suggestion: everything is close to them. */
export const MIN_FUZZY_LENGTH = 4;


/** Which kind of name wins when two names are equally close: the one a reader recognises first. */
const VIA_RANK: Record<Suggestion['via'], number> = { title: 0, alias: 1, file: 2 };

/** One name a note can be reached by. */
export interface Candidate {
  key: string;
  /** The name as written (shown to the user). */
  text: string;
  via: Suggestion['via'];
  /** normalizeName(text). */
  norm: string;
}

/** Built once per vault by `buildSuggestionIndex`; read by `suggestFor`. */
export interface SuggestionIndex {
  /** Distinct normalised names; the best candidate per name. */
  candidates: Candidate[];
  /** Bigram -> flat pairs [candidateId, count, ...], ids ascending (so lengths ascending). */
  postings: Map<string, Int32Array>;
  /** firstOfLength[n] = id of the first candidate of length >= n (candidates are sorted by length). */
  firstOfLength: Int32Array;
  /** Letters-and-digits-only form -> best candidate (the "same name but punctuation" match). */
  stripped: Map<string, Candidate>;
  /** Scratch counters, one per candidate, reused between lookups. */
  counts: Uint32Array;
}

/**
 * The maximum edit distance at which a name counts as close to a target of
 * normalised length `len`: a quarter of the length, at least 1; 0 (no fuzzy
 * match at all) below MIN_FUZZY_LENGTH.
 */
export function maxDistance(len: number): number {
  if (len < MIN_FUZZY_LENGTH) return 0;
  return Math.max(1, Math.floor(len / 4));
}

/** A name reduced to letters and digits: `Zoom-Security_Notes!` -> `zoomsecuritynotes`. */
export function stripName(norm: string): string {
  return norm.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Strict "a is a better candidate than b" order: title > alias > file, then key, then text. */
function better(a: Candidate, b: Candidate): boolean {
  if (VIA_RANK[a.via] !== VIA_RANK[b.via]) return VIA_RANK[a.via] < VIA_RANK[b.via];
  if (a.key !== b.key) return a.key < b.key;
  return a.text < b.text;
}

/** The bigrams of a string with their multiplicities. */
function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** The file name of a vault path, without folder and note extension. */
function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return stripNoteExtension(base, DEFAULT_NOTE_EXTENSIONS);
}

/**
 * Index every title, alias and file name (without extension) of `notes` for
 * `suggestFor`. Names equal after normalisation are kept once (title over
 * alias over file name, then the smallest key). O(total name length).
 */
export function buildSuggestionIndex(notes: readonly ParsedNote[]): SuggestionIndex {
  const byNorm = new Map<string, Candidate>();
  const add = (key: string, text: string, via: Suggestion['via']): void => {
    const norm = normalizeName(text);
    if (norm === '') return;
    const cand: Candidate = { key, text, via, norm };
    const prev = byNorm.get(norm);
    if (!prev || better(cand, prev)) byNorm.set(norm, cand);
  };
  for (const note of notes) {
    add(note.path, note.title, 'title');
    for (const alias of note.aliases) add(note.path, alias, 'alias');
    add(note.path, fileStem(note.path), 'file');
  }
  // Sorted by length, so that a length window is a range of ids; then by name,
  // so that ids (and so ties) do not depend on the notes' order.
  const candidates = [...byNorm.values()].sort(
    (a, b) => a.norm.length - b.norm.length || byCodeUnit(a.norm, b.norm),
  );
  const lists = new Map<string, number[]>();
  const stripped = new Map<string, Candidate>();
  candidates.forEach((cand, id) => {
    for (const [g, n] of bigrams(cand.norm)) {
      let list = lists.get(g);
      if (!list) lists.set(g, (list = []));
      list.push(id, n);
    }
    const s = stripName(cand.norm);
    const prev = stripped.get(s);
    if (s !== '' && (!prev || better(cand, prev))) stripped.set(s, cand);
  });
  const postings = new Map<string, Int32Array>();
  for (const [g, list] of lists) postings.set(g, Int32Array.from(list));
  const maxLen = candidates.length ? candidates[candidates.length - 1].norm.length : 0;
  const firstOfLength = new Int32Array(maxLen + 2);
  for (let n = 0, id = 0; n <= maxLen + 1; n++) {
    while (id < candidates.length && candidates[id].norm.length < n) id++;
    firstOfLength[n] = id;
  }
  return { candidates, postings, firstOfLength, stripped, counts: new Uint32Array(candidates.length) };
}

/**
 * The closest existing note name for a dangling `target`, or null when none
 * is close. Rules, in order:
 *  1. a name equal to the target once both are reduced to letters and
 *     digits (`zoom_security` for `Zoom Security`) is a strong match, whatever
 *     the length;
 *  2. otherwise the name at the smallest edit distance (on normalised names),
 *     if that distance is at most `maxDistance(target length)`; targets
 *     shorter than MIN_FUZZY_LENGTH get none;
 *  3. a target with a folder (`old/Note`) that finds nothing as a whole is
 *     tried again by its last segment (`Note`).
 * Ties: title over alias over file name, then the smallest note key.
 * A trailing `.md`/`.markdown`/`.txt` on the target is ignored.
 */
export function suggestFor(index: SuggestionIndex, target: string): Suggestion | null {
  // Note extensions dropped from targets (`[[note.md]]`), as from file names.
  const norm = stripNoteExtension(normalizeName(target), DEFAULT_NOTE_EXTENSIONS);
  const found = suggestNormalized(index, norm);
  if (found || !norm.includes('/')) return found;
  return suggestNormalized(index, norm.slice(norm.lastIndexOf('/') + 1).trim());
}

function suggestNormalized(index: SuggestionIndex, norm: string): Suggestion | null {
  if (norm === '') return null;
  const strong = index.stripped.get(stripName(norm));
  if (strong) return toSuggestion(strong, norm);

  const maxD = maxDistance(norm.length);
  if (maxD === 0) return null;
  const { candidates, postings, counts, firstOfLength } = index;
  const len = norm.length;
  // Ids of the names whose length is within maxD of the target's.
  const idLo = firstOfLength[Math.min(Math.max(0, len - maxD), firstOfLength.length - 1)];
  const idHi = firstOfLength[Math.min(len + maxD + 1, firstOfLength.length - 1)];
  if (idLo >= idHi) return null;

  // Count shared bigrams (multiset intersection) with every name in the
  // length window that holds any; posting lists are sorted by id, so the
  // window is a binary search away.
  const touched: number[] = [];
  for (const [g, n] of bigrams(norm)) {
    const list = postings.get(g);
    if (!list) continue;
    for (let i = lowerBound(list, idLo); i < list.length && list[i] < idHi; i += 2) {
      const id = list[i];
      if (counts[id] === 0) touched.push(id);
      counts[id] += Math.min(n, list[i + 1]);
    }
  }
  let best: Candidate | null = null;
  let bestD = maxD + 1;
  for (const id of touched) {
    const shared = counts[id];
    counts[id] = 0; // reset the scratch counter for the next lookup
    const cand = candidates[id];
    // The q-gram lemma, against the best distance so far (ties still pass, for the tie rule).
    if (shared < Math.max(len, cand.norm.length) - 1 - 2 * Math.min(bestD, maxD)) continue;
    const d = distance(norm, cand.norm);
    if (d < bestD || (d === bestD && best && better(cand, best))) {
      best = cand;
      bestD = d;
    }
  }
  return best ? toSuggestion(best, norm) : null;
}

/** Index (even) of the first pair in a posting list whose id is >= id. */
function lowerBound(list: Int32Array, id: number): number {
  let lo = 0;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid * 2] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

function toSuggestion(cand: Candidate, norm: string): Suggestion {
  return { key: cand.key, text: cand.text, via: cand.via, distance: distance(norm, cand.norm) };
}
