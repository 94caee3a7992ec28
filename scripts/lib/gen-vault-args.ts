/**
 * Command-line arguments of `npm run gen-vault`, parsed into the
 * generator's options (pure, so the CLI's edge cases are unit-tested).
 */
import { resolveGeneratorOptions, type GeneratorOptions } from './vault-generator.js';

export const GEN_VAULT_HELP = `Usage: npm run gen-vault -- <outDir> --notes N [options]

Writes a deterministic test vault of N notes in the seed note's format
(frontmatter, prose with [[wiki links]] to titles, a linkage section),
shaped like a real vault: communities, hubs, daily notes, islands, orphans.

Options:
  --notes N            number of notes, 1 to 1,000,000 (required)
  --seed S             random seed, an integer (default 1); same seed, same files
  --orphan-rate r      share of notes with no link in or out, 0 <= r < 1 (default 0.15;
                       real vaults: 8% to 40%)
  --dangling-rate r    share of links to notes that do not exist, 0 <= r < 1 (default 0.05)
  --daily-rate r       share of daily notes, named by date, 0 <= r < 1 (default 0.1)
  --tags K             size of the tag pool, nested tags included, 1 to 1000 (default 12)
  --force              replace <outDir> if it holds a vault this command generated before
  -h, --help           show this help

<outDir> must not exist, be empty, or (with --force) be a previous output of
this command (it holds a .notemap-generated marker); nothing else is deleted.`;

export class GenVaultUsageError extends Error {}

export interface GenVaultArgs {
  help: boolean;
  outDir: string;
  force: boolean;
  options: GeneratorOptions;
}

const FLAGS: Record<string, keyof GeneratorOptions> = {
  '--notes': 'notes',
  '--seed': 'seed',
  '--orphan-rate': 'orphanRate',
  '--dangling-rate': 'danglingRate',
  '--daily-rate': 'dailyRate',
  '--tags': 'tags',
};

/** Parses argv (without node and the script); throws GenVaultUsageError with a one-line reason. */
export function parseGenVaultArgs(argv: readonly string[]): GenVaultArgs {
  const values: Partial<Record<keyof GeneratorOptions, number>> = {};
  const positional: string[] = [];
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: true, outDir: '', force: false, options: resolveGeneratorOptions({ notes: 1 }) };
    if (arg === '--force') {
      force = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag in FLAGS) {
      const raw = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (raw === undefined || raw === '') throw new GenVaultUsageError(`${flag} needs a value`);
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new GenVaultUsageError(`${flag} must be a number, got "${raw}"`);
      values[FLAGS[flag]] = value;
      continue;
    }
    if (arg.startsWith('-')) throw new GenVaultUsageError(`unknown option ${arg} (see --help)`);
    positional.push(arg);
  }
  if (positional.length !== 1) throw new GenVaultUsageError(positional.length === 0 ? 'missing <outDir>' : `one <outDir> expected, got ${positional.length}`);
  if (values.notes === undefined) throw new GenVaultUsageError('--notes N is required');
  let options: GeneratorOptions;
  try {
    options = resolveGeneratorOptions({ ...values, notes: values.notes });
  } catch (err) {
    // Report the flag as the user typed it, not the option's field name.
    const field = Object.entries(FLAGS).find(([, name]) => err instanceof Error && err.message.startsWith(name + ' '));
    throw new GenVaultUsageError(field && err instanceof Error ? err.message.replace(field[1], field[0]) : String(err));
  }
  return { help: false, outDir: positional[0], force, options };
}
