/**
 * `npm run check -- [vault] [--json] [--strict] [--ext list] [--quiet] [--help]`:
 * link health of a vault (orphans, dangling targets with every reference and
 * a "did you mean", notes linked one way only), as text or JSON. A thin CLI
 * over src/extract/check-vault.ts; `--strict` makes it a CI gate.
 */
import { checkVault } from '../src/extract/check-vault.js';
import { cliFail, CliUsageError, DEFAULT_VAULT, formatWarning, parseExtensions, startCli } from '../src/extract/cli-args.js';
import { formatHealth } from '../src/extract/health-format.js';
import { loadVaultSettings } from '../src/config/load.js';
import { ConfigError } from '../src/config/notemap-config.js';
import { DEFAULT_NOTE_EXTENSIONS, VaultUnreadableError } from '../src/extract/scan.js';
import { escapeControl, escapeStrings, terminalJson } from '../src/extract/terminal-text.js';

const HELP = `Usage: npm run check -- [vault] [options]

Link health of a folder of notes: orphans (no link to or from another note),
dangling targets ranked by how many notes reference them (each reference as
path:line, with "did you mean ...?" when an existing title, alias or file
name is close), and notes with only outgoing or only incoming links.

Arguments:
  vault              the notes folder (default: ${DEFAULT_VAULT})

Options:
  --json             print the report as JSON on stdout (fields: vault, stats,
                     orphans, dangling, onlyOutgoing, onlyIncoming, warnings);
                     to pipe it, silence npm's own banner: npm run -s check -- --json
  --strict           exit 1 when any dangling link exists (for a vault's CI)
  --ext <list>       note file extensions, comma-separated
                     (default: ${DEFAULT_NOTE_EXTENSIONS.map((e) => e.slice(1)).join(',')})
  --quiet, -q        no warning lines on stderr
  --help, -h         this help

Exit codes: 0 done (orphans and dangling links are reported, not failures),
1 --strict and a dangling link exists, 2 bad arguments, a vault that is
missing or not a folder, or an unexpected failure.`;

interface CheckCliOptions {
  vault: string;
  json: boolean;
  strict: boolean;
  quiet: boolean;
  extensions: string[];
  help: boolean;
}

function parseArgs(argv: readonly string[]): CheckCliOptions {
  const options: CheckCliOptions = {
    vault: DEFAULT_VAULT,
    json: false,
    strict: false,
    quiet: false,
    extensions: [...DEFAULT_NOTE_EXTENSIONS],
    help: false,
  };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--quiet' || arg === '-q') options.quiet = true;
    else if (arg === '--ext' || arg.startsWith('--ext=')) {
      const value = arg === '--ext' ? argv[++i] : arg.slice('--ext='.length);
      if (value === undefined) throw new CliUsageError('--ext needs a value, e.g. --ext md,txt');
      options.extensions = parseExtensions(value);
    } else if (arg === '--') positionals.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg.startsWith('-') && arg !== '-') throw new CliUsageError(`unknown option ${arg} (see --help)`);
    else positionals.push(arg);
  }
  if (positionals.length > 1) throw new CliUsageError(`one vault folder expected, got ${positionals.length}: ${positionals.join(' ')}`);
  if (positionals.length === 1) options.vault = positionals[0];
  return options;
}

const fail = (message: string, code: number): never => cliFail('check', message, code);

async function main(): Promise<void> {
  const options = startCli('check', () => parseArgs(process.argv.slice(2)), HELP);
  if (!options) return;

  // The vault's Obsidian/Foam/notemap settings (src/config), as the notemap command reads them.
  let settings;
  try {
    settings = loadVaultSettings(options.vault, { extensions: options.extensions });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  const { health, stats, warnings } = await checkVault(options.vault, { extensions: options.extensions, settings });
  if (!options.quiet) for (const w of warnings) process.stderr.write(formatWarning(w) + '\n');

  if (options.json) {
    const json = { vault: options.vault, stats: { ...stats, warnings: warnings.length }, ...health, warnings };
    process.stdout.write(terminalJson(json) + '\n');
  } else {
    if (stats.notes === 0) process.stdout.write(`notemap check: no notes found in ${escapeControl(options.vault)} (extensions ${options.extensions.join(' ')})\n`);
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    // Titles, paths and targets come from the vault: escaped before the formatter adds its own colors.
    process.stdout.write(formatHealth(escapeStrings(health), stats, { color, vault: escapeControl(options.vault) }));
  }
  if (options.strict && stats.danglingTargets > 0) {
    process.stderr.write(`notemap check: --strict: ${stats.danglingLinks} dangling links to ${stats.danglingTargets} targets\n`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  if (err instanceof VaultUnreadableError) fail(err.message, 2);
  fail(`check failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, 2);
});
