/**
 * `notemap graph --incremental`: the incremental builder (src/serve) with its
 * cache in the vault's cache folder, so the next run reads only the notes
 * that changed and keeps every other note where it was.
 * NOTEMAP_TIMINGS=1 prints the seconds of each step on stderr (the bench, profiling).
 */
import path from 'node:path';
import type { NotemapGraph } from '../extract/build-graph.js';
import { vaultCacheDir } from '../serve/cache-dir.js';
import { IncrementalBuilder } from '../serve/incremental-builder.js';
import { CACHE_FILE } from '../serve/incremental-cache.js';
import type { VaultSettings } from '../config/load.js';
import type { CliOptions } from './args.js';
import { codeFingerprint } from './package-paths.js';

const now = (): bigint => process.hrtime.bigint();
const since = (start: bigint): number => Number(now() - start) / 1e9;

/** Builds `vault`'s graph from the cache (graph.json written when the format is json); `summary` says how. */
export async function buildIncremental(vault: string, settings: VaultSettings, options: CliOptions): Promise<{ graph: NotemapGraph; summary: string }> {
  const start = now();
  const { builder, report } = await IncrementalBuilder.open({
    vault,
    extensions: settings.extensions,
    settings,
    out: options.format === 'json' ? path.resolve(options.out) : null,
    cacheFile: path.join(vaultCacheDir(vault), CACHE_FILE),
    codeVersion: codeFingerprint(),
    builtAt: options.builtAt ? () => options.builtAt! : undefined,
    oneOff: true,
  });
  const built = now();
  const steps: Record<string, number> = { ...report.timings };
  await Promise.all([
    report.written.then(() => (steps.write = since(built))),
    builder.saveCache().then(() => (steps.saveCache = since(built))),
  ]);
  if (process.env.NOTEMAP_TIMINGS) {
    const list = Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(3)}`);
    process.stderr.write(`notemap timings: start ${(performance.now() / 1000 - since(start)).toFixed(3)} ${list.join(' ')}\n`);
  }
  const summary = report.full ? `full build: ${report.cacheProblem ?? 'no cache'}` : `incremental: ${report.notesChanged} note(s) read again`;
  return { graph: report.graph, summary };
}
