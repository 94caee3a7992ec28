/**
 * `notemap [vault]`: build the vault's graph into the user's cache (never
 * into the vault), serve the map on localhost, open the browser, and rebuild
 * when a note changes. The first line is printed before the build's modules
 * load.
 */
import path from 'node:path';
import type { CliOptions } from './args.js';
import { runCommand, vaultFolder } from './common.js';

export function run(options: CliOptions): Promise<void> {
  return runCommand('serve', async () => {
    const vault = vaultFolder(options.vault);
    process.stdout.write(`notemap: mapping ${path.basename(vault)} (${vault})\n`);
    const { serve } = await import('./serve-run.js');
    await serve(vault, options);
  });
}
