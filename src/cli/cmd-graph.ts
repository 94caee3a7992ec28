/** `notemap graph [vault] --out graph.json [--format json|gexf|graphml]`: the vault's graph for other tools (and the map). */
import path from 'node:path';
import { runPipeline } from '../extract/pipeline.js';
import { createProgress, PROGRESS_MIN_NOTES } from '../extract/progress.js';
import { removePendingWrites, writeFileAtomic } from '../extract/write.js';
import { outPathFor, serializeGraphAs } from '../extract/export-graph.js';
import type { CliOptions } from './args.js';
import { CliExit, formatWarning, runCommand, settingsLine, vaultFolder, vaultSettings } from './common.js';
import { outFileProblem } from '../extract/cli-args.js';
import { buildIncremental } from './graph-incremental.js';

export function run(options: CliOptions): Promise<void> {
  return runCommand('graph', async () => {
    const vault = vaultFolder(options.vault);
    const settings = vaultSettings(vault, options);
    const line = settingsLine(settings, options);
    if (line && !options.quiet) process.stderr.write(`notemap graph: ${line}\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        removePendingWrites();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
    // A bad --out is found before the build (safety), not after it.
    const outProblem = outFileProblem(outPathFor(options.out, options.format));
    if (outProblem) throw new CliExit(outProblem, 2);
    const started = process.hrtime.bigint();
    const bar = createProgress({ enabled: !options.quiet && process.stderr.isTTY === true });
    let big = false;
    try {
      if (options.incremental) {
        const { graph, summary } = await buildIncremental(vault, settings, options);
        const out = outPathFor(options.out, options.format);
        if (options.format !== 'json') await writeFileAtomic(path.resolve(out), serializeGraphAs(graph, options.format));
        const warnings = graph.getAttribute('warnings');
        if (!options.quiet) for (const w of warnings) process.stderr.write(formatWarning(w) + '\n');
        const s = graph.getAttribute('stats');
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(
          `${s.notes} notes, ${s.links} links, ${s.danglingTargets} dangling targets, ${s.orphans} orphans, ` +
            `${warnings.length} warnings, ${secs.toFixed(2)} s -> ${out} (${summary})\n`,
        );
        return;
      }
      const result = await runPipeline(vault, {
        extensions: settings.extensions,
        settings,
        builtAt: options.builtAt ?? undefined,
        // GEXF and GraphML are written below, from the built graph.
        out: options.format === 'json' ? path.resolve(options.out) : null,
        progress: {
          stage(label, total) {
            if (label === 'read') big = total > PROGRESS_MIN_NOTES;
            if (big) bar.stage(label, total);
          },
          update(done) {
            if (big) bar.update(done);
          },
          done: () => bar.done(),
        },
      });
      const out = outPathFor(options.out, options.format);
      if (options.format !== 'json') await writeFileAtomic(path.resolve(out), serializeGraphAs(result.graph, options.format));
      if (!options.quiet) for (const w of result.warnings) process.stderr.write(formatWarning(w) + '\n');
      const s = result.stats;
      const secs = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(
        `${s.notes} notes, ${s.links} links, ${s.danglingTargets} dangling targets, ${s.orphans} orphans, ` +
          `${result.warnings.length} warnings, ${secs.toFixed(2)} s -> ${out}\n`,
      );
    } catch (err) {
      removePendingWrites();
      throw err;
    }
  });
}
