/** `notemap check [vault] [--json|--strict|--mentions]`: link health, for people and for CI. */
import { checkVault } from '../extract/check-vault.js';
import { formatHealth } from '../extract/health-format.js';
import type { CliOptions } from './args.js';
import { formatWarning, runCommand, safeText, settingsLine, vaultFolder, vaultSettings } from './common.js';
import { formatMentions } from '../extract/mentions-format.js';
import { escapeControl, escapeStrings, terminalJson } from '../extract/terminal-text.js';

export function run(options: CliOptions): Promise<void> {
  return runCommand('check', async () => {
    const vault = vaultFolder(options.vault);
    const settings = vaultSettings(vault, options);
    const line = settingsLine(settings, options);
    if (line && !options.quiet) process.stderr.write(`notemap check: ${line}\n`);
    const { health, stats, warnings, mentions } = await checkVault(vault, { extensions: settings.extensions, settings, mentions: options.mentions });
    if (!options.quiet) for (const w of warnings) process.stderr.write(formatWarning(w) + '\n');
    if (options.json) {
      const json = { vault: options.vault, stats: { ...stats, warnings: warnings.length }, ...health, warnings, ...(mentions ? { mentions } : {}) };
      process.stdout.write(terminalJson(json) + '\n');
    } else {
      if (stats.notes === 0) process.stdout.write(`notemap check: no notes found in ${escapeControl(options.vault)} (extensions ${settings.extensions.join(' ')})\n`);
      const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
      // Vault text escaped before the formatter adds its colors (safety: terminal escapes).
      process.stdout.write(formatHealth(escapeStrings(health), stats, { color, vault: escapeControl(options.vault) }));
      if (mentions) process.stdout.write('\n' + safeText(formatMentions(mentions, health.orphans, color)));
    }
    if (options.strict && stats.danglingTargets > 0) {
      process.stderr.write(`notemap check: --strict: ${stats.danglingLinks} dangling links to ${stats.danglingTargets} targets\n`);
      process.exitCode = 1;
    }
  });
}
