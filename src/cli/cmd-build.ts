/** `notemap build [vault] --out-dir site/`: the map as a static site, drafts left out. */
import path from 'node:path';
import type { CliOptions } from './args.js';
import { formatWarning, runCommand, settingsLine, vaultFolder, vaultSettings } from './common.js';

export function run(options: CliOptions): Promise<void> {
  return runCommand('build', async () => {
    const vault = vaultFolder(options.vault);
    const settings = vaultSettings(vault, options);
    const drafts = options.drafts ?? settings.drafts;
    process.stdout.write(`notemap build: ${path.basename(vault)} -> ${options.outDir}${drafts ? ' (drafts kept)' : ''}\n`);
    const line = settingsLine(settings, options);
    if (line && !options.quiet) process.stderr.write(`notemap build: ${line}\n`);
    const { writeSite } = await import('./site.js');
    const { result, omitted } = await writeSite({
      vault,
      outDir: options.outDir,
      settings,
      drafts,
      force: options.force,
      builtAt: options.builtAt ?? undefined,
    });
    if (!options.quiet) for (const w of result.warnings) process.stderr.write(formatWarning(w) + '\n');
    const s = result.stats;
    const left = omitted ? `, ${omitted} drafts left out (--drafts keeps them)` : '';
    process.stdout.write(
      `notemap build: ${s.notes} notes, ${s.links} links${left}; the site is in ${options.outDir}: ` +
        `put it on any static host (try it: python3 -m http.server -d ${options.outDir})\n`,
    );
  });
}
