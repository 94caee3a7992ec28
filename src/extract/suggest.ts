/**
 * "Did you mean ...?" for dangling link targets: the closest existing title,
 * alias or file name (without extension), by edit distance on normalised
 * names, and only when it is close.
 *
 * Speed: comparing every dangling target with every name is quadratic, and
 * so is any exact filter once the allowed distance is a quarter of the
 * length (a 35-character target may be 8 edits away, and in a vault whose
 * titles share a small vocabulary most names pass every lossless filter:
 * measured on a generated 20,000-note vault, each lookup visited 97,000
 * index entries, twice as many as at 10,000). So the work per target is
 * bounded, and the lookup stays exact while the bound is not reached:
 *  - a length window: names within distance d differ in length by at most d.
 *    Names are numbered by length, so the window is a range of ids;
 *  - the bigram count filter (q-gram lemma, q = 2): if ed(x, y) <= d then x
 *    and y share at least max(|x|, |y|) - 1 - 2d bigrams (as multisets),
 *    because one edit destroys at most two bigrams. Shared bigrams are
 *    counted through an inverted index (bigram -> ids holding it, sorted, so
 *    cut to the length window by binary search), rarest bigram first, up to
 *    VISIT_BUDGET index entries; the commonest bigrams past the budget are
 *    skipped and counted as if shared in the bound, and only names that
 *    share a visited bigram are candidates;
 *  - names passing the bound are compared most-shared first, at most
 *    MAX_COMPARISONS Levenshtein runs per target.
 * When neither bound is reached (every vault below a few thousand notes, and
 * any target with rare bigrams) the answer is exactly the closest name. Past
 * them, the names most alike in bigrams are compared: a typo keeps almost all
 * of its bigrams, so it still finds its name. Work per target is constant,
 * so the stage is linear in the vault (index: total name length).
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
  /** Bigram code -> flat pairs [candidateId, count, ...], ids ascending (so lengths ascending). */
  postings: Map<number, Int32Array>;
  /** firstOfLength[n] = id of the first candidate of length >= n (candidates are sorted by length). */
  firstOfLength: Int32Array;
  /** Letters-and-digits-only form -> best candidate (the "same name but punctuation" match). */
  stripped: Map<string, Candidate>;
  /** Scratch counters, one per candidate, reused between lookups. */
  counts: Uint32Array;
  /** Scratch for a lookup's touched ids and their order by shared bigrams (at most VISIT_BUDGET each), reused. */
  touched: Int32Array;
  ranked: Int32Array;
  /** Work done by every lookup so far (tests check that it stays bounded per target). */
  work: { lookups: number; visits: number; comparisons: number };
}

/** Index entries (posting pairs) a lookup visits at most; rarer bigrams first. */
export const VISIT_BUDGET = 8_000;
/** Levenshtein runs a lookup makes at most; the names sharing the most bigrams first. */
export const MAX_COMPARISONS = 64;

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

/** The bigrams of a string (as UTF-16 code pairs, `a << 16 | b`) with their multiplicities. */
function bigrams(s: string): Map<number, number> {
  const grams = new Map<number, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
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
  const lists = new Map<number, number[]>();
  const stripped = new Map<string, Candidate>();
  // One scratch array of bigram codes, sorted per name and run-length counted: no Map per name.
  let codes = new Int32Array(64);
  candidates.forEach((cand, id) => {
    const norm = cand.norm;
    if (norm.length > codes.length) codes = new Int32Array(norm.length * 2);
    let k = 0;
    for (let i = 0; i + 1 < norm.length; i++) codes[k++] = (norm.charCodeAt(i) << 16) | norm.charCodeAt(i + 1);
    const sorted = codes.subarray(0, k).sort();
    for (let i = 0; i < k; ) {
      const g = sorted[i];
      let n = 0;
      while (i < k && sorted[i] === g) (i++, n++);
      let list = lists.get(g);
      if (!list) lists.set(g, (list = []));
      list.push(id, n);
    }
    const s = stripName(norm);
    const prev = stripped.get(s);
    if (s !== '' && (!prev || better(cand, prev))) stripped.set(s, cand);
  });
  const postings = new Map<number, Int32Array>();
  for (const [g, list] of lists) postings.set(g, Int32Array.from(list));
  const maxLen = candidates.length ? candidates[candidates.length - 1].norm.length : 0;
  const firstOfLength = new Int32Array(maxLen + 2);
  for (let n = 0, id = 0; n <= maxLen + 1; n++) {
    while (id < candidates.length && candidates[id].norm.length < n) id++;
    firstOfLength[n] = id;
  }
  return {
    candidates, postings, firstOfLength, stripped,
    counts: new Uint32Array(candidates.length),
    touched: new Int32Array(VISIT_BUDGET),
    ranked: new Int32Array(VISIT_BUDGET),
    work: { lookups: 0, visits: 0, comparisons: 0 },
  };
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

  // The target's bigrams, rarest first by their number of names in the window (ties by code, for determinism).
  const grams = [...bigrams(norm)].map(([g, n]) => {
    const list = postings.get(g);
    const from = list ? lowerBound(list, idLo) : 0;
    const to = list ? lowerBound(list, idHi) : 0;
    return { list, n, from, to };
  });
  grams.sort((a, b) => a.to - a.from - (b.to - b.from));
  index.work.lookups++;

  // Count shared bigrams (multiset intersection) with every name in the window holding any, until the
  // budget; the occurrences of the bigrams left out are counted as shared by every name (`skipped`).
  // Ids go into reused typed arrays: no list per lookup (at 100,000 notes, lists of up to 8,000 ids per
  // dangling target were ~750 MB of garbage, most of the health stage's collections).
  const { touched, ranked } = index;
  let touchedCount = 0;
  let visits = 0;
  let skipped = 0;
  for (const { list, n, from, to } of grams) {
    if (!list || from === to) continue;
    if (visits + (to - from) / 2 > VISIT_BUDGET) {
      skipped += n;
      continue;
    }
    visits += (to - from) / 2;
    for (let i = from; i < to; i += 2) {
      const id = list[i];
      if (counts[id] === 0) touched[touchedCount++] = id;
      counts[id] += Math.min(n, list[i + 1]);
    }
  }
  index.work.visits += visits;

  // Most shared bigrams first (a counting sort by shared count, stable: a sort would cost more than the
  // visits), so the comparison cap keeps the likeliest names; names below even the weakest bound are
  // dropped here. ranked[start[c] .. start[c + 1]) holds the ids with c shared bigrams, in touched order.
  const weakest = len - 1 - 2 * maxD - skipped;
  let top = -1;
  for (let t = 0; t < touchedCount; t++) {
    const shared = counts[touched[t]];
    if (shared >= weakest && shared > top) top = shared;
  }
  const start = new Int32Array(top + 2);
  for (let t = 0; t < touchedCount; t++) {
    const shared = counts[touched[t]];
    if (shared >= weakest) start[shared + 1]++;
  }
  for (let c = 0; c <= top; c++) start[c + 1] += start[c];
  const fill = start.slice(0, Math.max(0, top + 1));
  for (let t = 0; t < touchedCount; t++) {
    const id = touched[t];
    const shared = counts[id];
    counts[id] = 0; // reset the scratch counter for the next lookup
    if (shared >= weakest) ranked[fill[shared]++] = id;
  }

  let best: Candidate | null = null;
  let bestD = maxD + 1;
  let comparisons = 0;
  compare: for (let shared = top; shared >= 0; shared--) {
    // No name with fewer shared bigrams can beat the best so far (the bound for names no longer than the target).
    if (shared + skipped < len - 1 - 2 * Math.min(bestD, maxD)) break;
    for (let r = start[shared]; r < start[shared + 1]; r++) {
      const cand = candidates[ranked[r]];
      // The q-gram lemma, against the best distance so far (ties still pass, for the tie rule).
      if (shared + skipped < Math.max(len, cand.norm.length) - 1 - 2 * Math.min(bestD, maxD)) continue;
      if (comparisons === MAX_COMPARISONS) break compare;
      comparisons++;
      const d = distance(norm, cand.norm);
      if (d < bestD || (d === bestD && best && better(cand, best))) {
        best = cand;
        bestD = d;
      }
    }
  }
  index.work.comparisons += comparisons;
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
