/**
 * A multi-pattern matcher (Aho-Corasick) over sequences of token ids: every
 * pattern is found in one left-to-right pass over the text's tokens, however
 * many patterns there are. Tokens, not characters: the mention finder feeds
 * words (and single punctuation marks), so whole-word matching comes for
 * free and the automaton has one state per pattern word, not per letter.
 *
 * Transitions live in one open-addressing hash table of typed arrays
 * (state, token) -> state: a Map per state would cost ~100 bytes each for
 * hundreds of thousands of states that mostly have a single child.
 */

/** A token the patterns never use: matching restarts after it. */
export const NO_TOKEN = -1;

export interface TokenAutomaton {
  /** Number of states (the root is state 0). */
  readonly states: number;
  /**
   * The state after `token` (an id >= 0) from `state`, failure links
   * followed: the step of `scan`, for a caller that tokenizes and matches in
   * one loop (mention-text.ts). From the root, a typed-array lookup: most
   * tokens are read there.
   */
  next(state: number, token: number): number;
  /** Per state: the deepest state on its failure chain (itself included) where a pattern ends, or -1. */
  readonly firstOutput: Int32Array;
  /** Per state: the next shorter state on its failure chain where a pattern ends, or -1. */
  readonly nextOutput: Int32Array;
  /** Per state: the pattern ending there, or -1. */
  readonly outputs: Int32Array;
  /**
   * Runs over `tokens[0..count)` and calls `onMatch(pattern, endToken)` for
   * every occurrence of every pattern, `endToken` being the index of its last
   * token; at one end, longer patterns are reported first.
   */
  scan(tokens: Int32Array, count: number, onMatch: (pattern: number, endToken: number) => void): void;
}

/** (state, token) -> child, open addressing with linear probing. */
class TransitionTable {
  private keysState: Int32Array;
  private keysToken: Int32Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keysState = new Int32Array(n).fill(-1);
    this.keysToken = new Int32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  private slot(state: number, token: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b)) >>> 0 & this.mask;
  }

  get(state: number, token: number): number {
    for (let i = this.slot(state, token); ; i = (i + 1) & this.mask) {
      const s = this.keysState[i];
      if (s === -1) return -1;
      if (s === state && this.keysToken[i] === token) return this.values[i];
    }
  }

  set(state: number, token: number, child: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    for (let i = this.slot(state, token); ; i = (i + 1) & this.mask) {
      if (this.keysState[i] === -1) {
        this.keysState[i] = state;
        this.keysToken[i] = token;
        this.values[i] = child;
        this.size++;
        return;
      }
      if (this.keysState[i] === state && this.keysToken[i] === token) {
        this.values[i] = child;
        return;
      }
    }
  }

  private grow(): void {
    const { keysState, keysToken, values } = this;
    const n = (this.mask + 1) * 2;
    this.keysState = new Int32Array(n).fill(-1);
    this.keysToken = new Int32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < keysState.length; i++) if (keysState[i] !== -1) this.set(keysState[i], keysToken[i], values[i]);
  }
}

/**
 * Builds the automaton of `patterns` (each a non-empty list of token ids
 * >= 0; pattern i is reported as i). Duplicate patterns: the first is kept.
 */
export function buildAutomaton(patterns: readonly ArrayLike<number>[]): TokenAutomaton {
  let total = 1;
  for (const p of patterns) total += p.length;
  const table = new TransitionTable(total);
  // Per state: the pattern ending there (-1 none); the token leading to it; its children as a list
  // (first child, next sibling) for the breadth-first pass. Typed arrays: a list per state was half the build.
  const output = new Int32Array(total).fill(-1);
  const edge = new Int32Array(total);
  const firstChild = new Int32Array(total).fill(-1);
  const nextSibling = new Int32Array(total).fill(-1);
  let states = 1;
  for (let id = 0; id < patterns.length; id++) {
    const pattern = patterns[id];
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const token = pattern[i];
      let next = table.get(state, token);
      if (next === -1) {
        next = states++;
        edge[next] = token;
        nextSibling[next] = firstChild[state];
        firstChild[state] = next;
        table.set(state, token, next);
      }
      state = next;
    }
    if (pattern.length > 0 && output[state] === -1) output[state] = id;
  }

  // Failure links do not depend on the order of siblings: any breadth-first order gives the same.
  const fail = new Int32Array(states);
  // Nearest state on the failure chain (itself excluded) that ends a pattern, or -1.
  const nextOutput = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let child = firstChild[0]; child !== -1; child = nextSibling[child]) queue[tail++] = child;
  for (let head = 0; head < tail; head++) {
    const state = queue[head];
    for (let child = firstChild[state]; child !== -1; child = nextSibling[child]) {
      const token = edge[child];
      let f = fail[state];
      let target = -1;
      while (true) {
        target = table.get(f, token);
        if (target !== -1 || f === 0) break;
        f = fail[f];
      }
      fail[child] = target !== -1 && target !== child ? target : 0;
      const via = fail[child];
      nextOutput[child] = output[via] !== -1 ? via : nextOutput[via];
      queue[tail++] = child;
    }
  }
  const outputs = output.slice(0, states);
  const firstOutput = new Int32Array(states);
  for (let s = 0; s < states; s++) firstOutput[s] = outputs[s] !== -1 ? s : nextOutput[s];
  // The root's children by token, as an array: the root is where most text tokens are read.
  let maxToken = -1;
  for (let child = firstChild[0]; child !== -1; child = nextSibling[child]) maxToken = Math.max(maxToken, edge[child]);
  const root = new Int32Array(maxToken + 1);
  for (let child = firstChild[0]; child !== -1; child = nextSibling[child]) root[edge[child]] = child;

  const next = (from: number, token: number): number => {
    let state = from;
    while (state !== 0) {
      const child = table.get(state, token);
      if (child !== -1) return child;
      state = fail[state];
    }
    return token < root.length ? root[token] : 0;
  };

  return {
    states,
    next,
    firstOutput,
    nextOutput,
    outputs,
    scan(tokens, count, onMatch) {
      let state = 0;
      for (let i = 0; i < count; i++) {
        const token = tokens[i];
        state = token < 0 ? 0 : next(state, token);
        // Deeper states first: the longest pattern ending here is reported first.
        for (let s = firstOutput[state]; s !== -1; s = nextOutput[s]) onMatch(outputs[s], i);
      }
    },
  };
}
