/**
 * `npm run graph -- [vault] [--out file] [--ext md,txt] [--built-at iso]
 * [--layout-ticks n] [--quiet] [--help]`: a thin CLI over
 * src/extract/pipeline.ts. Checks the vault, runs the pipeline, prints
 * warnings (file:line: message) on stderr and a one-line summary on stdout,
 * and makes sure an interrupted build leaves no temporary file.
 */
import { cliFail, formatWarning, HELP, outFileProblem, parseGraphArgs, startCli } from '../src/extract/cli-args.js';
import { runPipeline } from '../src/extract/pipeline.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildWarning, GraphStats } from '../src/core/contract.js';
import { vaultCacheDir } from '../src/serve/cache-dir.js';
import { IncrementalBuilder } from '../src/serve/incremental-builder.js';
import { CACHE_FILE } from '../src/serve/incremental-cache.js';
import { newestMtime } from './start-graph.js';
import { createProgress, PROGRESS_MIN_NOTES } from '../src/extract/progress.js';
import { removePendingWrites } from '../src/extract/write.js';
import { loadVaultSettings } from '../src/config/load.js';
import { ConfigError } from '../src/config/notemap-config.js';
import { VaultUnreadableError } from '../src/extract/scan.js';
import { escapeControl } from '../src/extract/terminal-text.js';

const fail = (message: string, code: number): never => cliFail('graph', message, code);

async function main(): Promise<void> {
  const options = startCli('graph', () => parseGraphArgs(process.argv.slice(2), process.env), HELP);
  if (!options) return;

  // A signal mid-write: remove the temporary file; the old graph.json stays as it was.
  // `on`, not `once`: a second Ctrl-C during the cleanup must not fall back to the default (kill).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      removePendingWrites();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }

  // A bad --out is found now, not after the whole build.
  const outProblem = outFileProblem(options.out);
  if (outProblem) fail(outProblem, 2);

  const started = process.hrtime.bigint();
  // The bar needs a terminal and a vault big enough to wait for; the note count is known after the scan.
  const bar = createProgress({ enabled: !options.quiet && process.stderr.isTTY === true });
  let big = false;
  const progress = {
    stage(label: string, total: number) {
      if (label === 'read') big = total > PROGRESS_MIN_NOTES;
      if (big) bar.stage(label, total);
    },
    update(done: number) {
      if (big) bar.update(done);
    },
    done() {
      bar.done();
    },
  };

  // The vault's Obsidian/Foam/notemap settings (src/config), as the notemap command reads them.
  let settings;
  try {
    settings = loadVaultSettings(options.vault, { extensions: options.extensions });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  let summary = '';
  let result: { stats: GraphStats; warnings: BuildWarning[] };
  if (options.incremental) {
    // The incremental builder (issue 9): per-note results and positions from the vault's cache folder.
    const { builder, report } = await IncrementalBuilder.open({
      vault: options.vault,
      extensions: options.extensions,
      settings,
      out: options.out,
      cacheFile: path.join(vaultCacheDir(options.vault), CACHE_FILE),
      codeVersion: String(newestMtime(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src'))),
      ticks: options.layoutTicks ?? undefined,
      builtAt: options.builtAt ? () => options.builtAt! : undefined,
      oneOff: true,
    });
    await report.written;
    await builder.saveCache();
    summary = report.full ? ` (full build: ${report.cacheProblem ?? 'no cache'})` : ` (incremental: ${report.notesChanged} note(s) read again)`;
    result = { stats: report.graph.getAttribute('stats'), warnings: report.graph.getAttribute('warnings') };
  } else {
    result = await runPipeline(options.vault, {
      extensions: options.extensions,
      settings,
      builtAt: options.builtAt ?? undefined,
      out: options.out,
      layoutTicks: options.layoutTicks ?? undefined,
      progress,
    });
  }

  if (!options.quiet) for (const w of result.warnings) process.stderr.write(formatWarning(w) + '\n');
  const s = result.stats;
  if (s.notes === 0) process.stdout.write(`notemap graph: no notes found in ${escapeControl(options.vault)} (extensions ${options.extensions.join(' ')}); wrote an empty graph\n`);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${s.notes} notes, ${s.links} links, ${s.danglingTargets} dangling targets, ${s.orphans} orphans, ` +
      `${result.warnings.length} warnings, ${secs.toFixed(2)} s -> ${escapeControl(options.out)}${summary}\n`,
  );
}

main().catch((err: unknown) => {
  removePendingWrites();
  if (err instanceof VaultUnreadableError) fail(err.message, 2);
  // A file-system error (`--out` is a folder, disk full) is one line; anything else is a bug: show the stack.
  const fsError = err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
  fail(`build failed: ${err instanceof Error ? (fsError ? err.message : (err.stack ?? err.message)) : String(err)}`, 1);
});
