/**
 * What every command does first: check the vault, read its settings, and
 * print warnings the way the repository's CLIs do (`file:line: message`,
 * control characters escaped).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { BuildWarning } from '../core/contract.js';
import { loadVaultSettings, type VaultSettings } from '../config/load.js';
import { ConfigError } from '../config/notemap-config.js';
import { vaultFolderProblem } from '../extract/cli-args.js';
import type { CliOptions } from './args.js';

/** Stops the command: the message on stderr, the exit code set. */
export class CliExit extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** Control characters (a note's name could hold an escape sequence) shown as \\u escapes. */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatWarning(w: BuildWarning): string {
  return safeText(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
}

/** Warnings the server prints before the map's address: a few, then how many more (`check` and `graph` print them all). */
export const SERVE_WARNINGS_SHOWN = 5;

/**
 * The serve command's warning lines: the first SERVE_WARNINGS_SHOWN, then one
 * line naming how many more and the command that lists them, so a vault with
 * many unfilled templates does not bury the address under its warnings.
 */
export function briefWarnings(warnings: readonly BuildWarning[], vault: string): string[] {
  const lines = warnings.slice(0, SERVE_WARNINGS_SHOWN).map(formatWarning);
  const more = warnings.length - lines.length;
  if (more > 0) lines.push(safeText(`… and ${more} more warning${more === 1 ? '' : 's'}: notemap check ${/^[\w./~+-]+$/.test(vault) ? vault : JSON.stringify(vault)} lists them all`));
  return lines;
}

/** The vault's absolute path; CliExit 2 when it is not a folder. */
export function vaultFolder(vault: string): string {
  const abs = path.resolve(vault);
  try {
    if (!statSync(abs).isDirectory()) throw new CliExit(`vault is not a folder: ${vault}`, 2);
  } catch (err) {
    if (err instanceof CliExit) throw err;
    throw new CliExit(`vault folder not found: ${vault}`, 2);
  }
  // A folder that cannot be listed is no empty vault (safety: the old graph must stay).
  const unreadable = vaultFolderProblem(abs);
  if (unreadable) throw new CliExit(unreadable, 2);
  return abs;
}

/** The vault's settings; a broken notemap configuration is CliExit 2 naming the key. */
export function vaultSettings(vault: string, options: CliOptions): VaultSettings {
  try {
    return loadVaultSettings(vault, { configPath: options.config, ignore: options.ignore, extensions: options.extensions });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliExit(err.message, 2);
    throw err;
  }
}

/** Runs a command body, turning CliExit into its message and exit code. */
export async function runCommand(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (!(err instanceof CliExit)) throw err;
    process.stderr.write(`notemap ${name}: ${err.message}\n`);
    process.exitCode = err.code;
  }
}

/** What the settings read, as one line for a command's start ("" when nothing). */
export function settingsLine(settings: VaultSettings, options: CliOptions): string {
  const parts = [...settings.sources];
  if (options.ignore.length) parts.push(`--ignore ${options.ignore.join(' ')}`);
  return parts.length ? `settings: ${parts.join(', ')}` : '';
}
