/**
 * Bench provider (see bench-hooks.ts): one note changed in the bench's
 * vault, rebuilt incrementally in process as the dev server does
 * (incrementalDevMs) and by the compiled `notemap graph --incremental` as a
 * whole process (incrementalCliMs), with each one's ratio to the floor of
 * this size (src/serve/incremental-bench.ts measures). The CLI is compiled
 * first, so the figure is the current code's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIncremental } from '../../src/serve/incremental-bench.js';
import type { BenchContext, BenchExtras } from './bench-hooks.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function measure(context: BenchContext): Promise<Partial<BenchExtras>> {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('npm run build:cli failed');
  const cacheHome = mkdtempSync(path.join(tmpdir(), 'notemap-bench-live-'));
  try {
    const figures = await benchIncremental(context.vault, { cli: { root: ROOT, cacheHome } });
    const floor = context.floorSeconds;
    return {
      incrementalDevMs: figures.oneNote * 1000,
      incrementalDevRatio: figures.oneNote / floor,
      incrementalCliMs: figures.oneNoteCli === null ? null : figures.oneNoteCli * 1000,
      incrementalCliRatio: figures.oneNoteCli === null ? null : figures.oneNoteCli / floor,
    };
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}
