/**
 * Which words a note's text may hold, in 512 bytes: a Bloom filter of its
 * tokens (forEachToken's hashes, the text lower-cased and NFC as the mention
 * finder reads it). The incremental builder keeps one per note so that a new
 * note name sends only the notes that may hold all its words through the
 * mention finder again (a false "may" costs a read; there is no false "no").
 * The whole text is taken, not only its prose: a superset of the words the
 * finder sees (its masks only ever split at non-word characters).
 */
import { forEachToken } from './mention-text.js';

const BITS = 4096;
const PROBES = 3;

/** murmur3's finaliser: FNV-1a hashes of similar words (`word1`, `word2`) differ in few low bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The probe positions of a token's hash (double hashing of the mixed hash). */
function probe(hash: number, bit: (position: number) => void): void {
  const h = mix(hash);
  const step = (h >>> 12) | 1;
  for (let i = 0; i < PROBES; i++) bit(((h + Math.imul(i, step)) >>> 0) % BITS);
}

/** The filter of `raw` (a note's text). */
export function wordFilter(raw: string): Uint8Array {
  const filter = new Uint8Array(BITS / 8);
  let text = raw;
  if (/[^\x00-\x7f]/.test(text)) text = text.normalize('NFC');
  forEachToken(text.toLowerCase(), (_s, _e, hash) => probe(hash, (p) => (filter[p >> 3] |= 1 << (p & 7))));
  return filter;
}

/** The token hashes of a normalised name (lower case, NFC), to ask a filter about. */
export function nameTokenHashes(name: string): number[] {
  const hashes: number[] = [];
  forEachToken(name, (_s, _e, hash) => hashes.push(hash));
  return hashes;
}

/** False when the text of `filter` surely lacks one of the tokens. */
export function mayHoldAll(filter: Uint8Array, hashes: readonly number[]): boolean {
  for (const hash of hashes) {
    let all = true;
    probe(hash, (p) => {
      if ((filter[p >> 3] & (1 << (p & 7))) === 0) all = false;
    });
    if (!all) return false;
  }
  return true;
}
