/**
 * A small seeded random source for the vault generator: the same seed gives
 * the same sequence on every machine and Node version (Math.random cannot
 * be seeded), plus the skewed samplers the generator needs.
 */

/** A seeded random source; every method advances the same stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: 32-bit state, full period, passes the usual statistical
 * batteries well enough for test data; chosen because it is five lines and
 * its output is fixed by the algorithm, not by the platform.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)];
    },
  };
}

/**
 * A Zipf sampler over ranks 0..n-1: rank k is drawn with weight
 * 1 / (k + 1)^exponent, so rank 0 is the most frequent. The cumulative
 * weights are built once; each draw is a binary search (O(log n)).
 */
export function createZipf(n: number, exponent: number): (random: Random) => number {
  if (n < 1) throw new Error(`createZipf: n must be at least 1, got ${n}`);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / Math.pow(k + 1, exponent);
    cumulative[k] = total;
  }
  return (random) => {
    const x = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * A discrete power-law (Pareto) draw: floor(min / u^(1/alpha)), capped.
 * With min 1 and alpha near 1.2 most notes get one to three links and a
 * few get dozens, the long tail real vaults show.
 */
export function paretoInt(random: Random, min: number, alpha: number, cap: number): number {
  const u = 1 - random.next(); // (0, 1]: avoids dividing by zero
  return Math.min(cap, Math.floor(min / Math.pow(u, 1 / alpha)));
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
