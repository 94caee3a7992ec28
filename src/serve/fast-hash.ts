/**
 * A fast 64-bit fingerprint of a sequence of strings, for the incremental
 * cache's "is this still the same?" keys (note structure, note names): two
 * independent 32-bit lanes over the UTF-16 code units, each string's length
 * mixed in first so that ["ab", "c"] and ["a", "bc"] differ. Not for
 * security: a chance collision (about 1 in 10^19) would reuse stale
 * metrics. Why not sha1: these keys cover ~2 MB of text at 10,000 notes,
 * and node's hash wants each piece encoded to bytes first (~50 ms of a
 * one-note `notemap graph --incremental`; this loop takes a few).
 */
export class FastHash {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  update(text: string): this {
    let a = this.a;
    let b = this.b;
    const n = text.length;
    a = Math.imul(a ^ n, 0x01000193);
    b = Math.imul(b ^ n, 0x5bd1e995);
    b ^= b >>> 15;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** Mixes in an integer (below 2^32), e.g. a node's number: cheaper than its key as text. */
  updateInt(n: number): this {
    this.a = Math.imul(this.a ^ n, 0x01000193);
    const b = Math.imul(this.b ^ n, 0x5bd1e995);
    this.b = b ^ (b >>> 13);
    return this;
  }

  /** 16 hex digits. */
  digest(): string {
    // A final mix, so that the last code units reach every bit.
    let a = this.a;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    let b = this.b;
    b ^= b >>> 16;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 16;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}
