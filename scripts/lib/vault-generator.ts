/**
 * Deterministic generator of test vaults in the seed note's format, for the
 * bench and for tests: the same options always give the same files. Pure:
 * returns `{ path, text }[]`; writing them is scripts/lib/write-vault.ts's job.
 *
 * Shaped like real vaults (vault-plan.ts, vault-links.ts): communities of
 * Pareto sizes, each with a map-of-content note, linked mostly inside
 * themselves by preferential attachment; a few vault-wide hubs that collect
 * thousands of backlinks at 100,000 notes; daily notes named by date that
 * link the day's notes; small islands of 2 to 5 notes; an exact share of
 * orphans; stubs, ordinary notes and long essays; nested folders, file
 * names unlike titles, Zipf-skewed tags plus one vault-wide tag, and a share
 * of links to missing notes (some of them typos of real titles).
 *
 * Against the real vaults of ../shared/corpora (figures from our pipeline;
 * test/unit/gen/corpora-shape.test.ts keeps a generated vault of their size
 * between or near them):
 *
 * |                       | foam-docs | kepano-obsidian | generated, defaults |
 * |-----------------------|-----------|-----------------|---------------------|
 * | links a note          | 2.26      | 1.39            | 2.4 (100) to 2.9 (10k) |
 * | orphans               | 8%        | 25%             | 15% (--orphan-rate) |
 * | largest component     | 92%       | 55%             | about 80%           |
 * | components / 100 notes| 9         | 30              | about 17            |
 * | dangling links        | 2%        | 43%             | 5% (--dangling-rate)|
 * | most backlinks        | 12        | 9               | 7% of the notes (7,000 at 100k) |
 * | words: median, 90th % | 231, 717  | 2, 11 (stubs)   | about 130, 750      |
 *
 * Links a note sit above both corpora on purpose: the scale target is
 * 100,000 notes with about 300,000 links.
 */
import { createRandom } from './prng.js';
import { planVault, type VaultPlan } from './vault-plan.js';
import { renderNote } from './vault-render.js';
import { byCodeUnit } from '../../src/core/order.js';

export interface GeneratorOptions {
  /** Number of notes (1 to 1,000,000). */
  notes: number;
  /** PRNG seed (any integer). Default 1. */
  seed: number;
  /** Share of notes that link nowhere and are linked by none, in [0, 1). Default 0.15. */
  orphanRate: number;
  /** Share of links whose target does not exist, in [0, 1). Default 0.05. */
  danglingRate: number;
  /** Share of notes that are daily notes (named by date), in [0, 1). Default 0.1. */
  dailyRate: number;
  /** Size of the tag pool (1 to 1,000), nested tags included. Default 12. */
  tags: number;
}

/**
 * Bumped whenever the same options start giving different files, so cached
 * vaults (the bench's) are regenerated instead of silently reused.
 */
export const GENERATOR_VERSION = 3;

export const DEFAULT_GENERATOR_OPTIONS: Omit<GeneratorOptions, 'notes'> = {
  seed: 1,
  orphanRate: 0.15,
  danglingRate: 0.05,
  dailyRate: 0.1,
  tags: 12,
};

export interface GeneratedFile {
  /** Vault-relative POSIX path. */
  path: string;
  text: string;
}

/** Merges defaults and checks every option once; messages name the option and its range. */
export function resolveGeneratorOptions(options: Partial<GeneratorOptions> & { notes: number }): GeneratorOptions {
  const merged: GeneratorOptions = { ...DEFAULT_GENERATOR_OPTIONS, ...options };
  const intIn = (name: string, value: number, min: number, max: number): void => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
    }
  };
  const rate = (name: string, value: number): void => {
    if (!Number.isFinite(value) || value < 0 || value >= 1) throw new RangeError(`${name} must be at least 0 and below 1, got ${value}`);
  };
  intIn('notes', merged.notes, 1, 1_000_000);
  intIn('seed', merged.seed, -(2 ** 31), 2 ** 32 - 1);
  intIn('tags', merged.tags, 1, 1000);
  rate('orphanRate', merged.orphanRate);
  rate('danglingRate', merged.danglingRate);
  rate('dailyRate', merged.dailyRate);
  return merged;
}

/** The plan and its files, for callers (tests, the CLI) that want both. */
export function generateVaultWithPlan(options: Partial<GeneratorOptions> & { notes: number }): { plan: VaultPlan; files: GeneratedFile[] } {
  const resolved = resolveGeneratorOptions(options);
  const plan = planVault(resolved);
  // A second stream for the prose, so changing the wording never moves the structure.
  const random = createRandom((resolved.seed ^ 0x5bd1e995) >>> 0);
  const files = plan.notes.map((note) => ({ path: note.path, text: renderNote(note, plan.notes, random) }));
  files.sort((a, b) => byCodeUnit(a.path, b.path));
  return { plan, files };
}

/** The vault's files, sorted by path. */
export function generateVault(options: Partial<GeneratorOptions> & { notes: number }): GeneratedFile[] {
  return generateVaultWithPlan(options).files;
}
