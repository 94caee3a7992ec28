/**
 * The command line of `npm run graph`: parsed and validated once, here, into
 * one typed options object; every error message names the flag at fault.
 */
import { closeSync, mkdirSync, opendirSync, openSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { BuildWarning } from '../core/contract.js';
import { layoutTicks } from '../core/forces.js';
import { DEFAULT_NOTE_EXTENSIONS, errorText, VaultUnreadableError } from './scan.js';
import { escapeControl } from './terminal-text.js';

export interface GraphCliOptions {
  /** Vault folder. Default `data/vault`. */
  vault: string;
  /** Output file. Default `data/graph.json`. */
  out: string;
  /** No progress bar and no warnings on stderr (the summary line stays). */
  quiet: boolean;
  /** Note extensions, lower case with the dot. Default .md, .markdown, .txt. */
  extensions: string[];
  /** Fixed `builtAt` (ISO string) instead of now; also from SOURCE_DATE_EPOCH. */
  builtAt: string | null;
  /** Build-time layout ticks; null = `layoutTicks(node count)`, 0 = none (d3's starting spiral; the map lays out). */
  layoutTicks: number | null;
  /** Keep per-note results in the vault's cache folder and rebuild only what changed (src/serve/incremental-*). */
  incremental: boolean;
  help: boolean;
}

export const DEFAULT_VAULT = 'data/vault';
export const DEFAULT_OUT = 'data/graph.json';

export const HELP = `Usage: npm run graph -- [vault] [options]

Turns a folder of Markdown notes into graph.json (graphology's serialized
form) for the map: notes, links, dangling targets, tags, metrics, layout.

Arguments:
  vault              the notes folder (default: ${DEFAULT_VAULT})

Options:
  --incremental      keep each note's results in the vault's cache folder and
                     read, parse and resolve again only what changed (positions
                     of notes already placed are kept)
  --out <file>       where to write the graph (default: ${DEFAULT_OUT});
                     written atomically: a failed build keeps the old file
  --ext <list>       note file extensions, comma-separated
                     (default: ${DEFAULT_NOTE_EXTENSIONS.map((e) => e.slice(1)).join(',')})
  --built-at <iso>   the builtAt timestamp to record instead of now, for
                     byte-identical rebuilds (SOURCE_DATE_EPOCH works too)
  --layout-ticks <n> most refinement ticks of the build-time layout, which
                     stops sooner once it has converged (default: ${layoutTicks(1)} for a
                     small vault, ${layoutTicks(10_000)} at 10,000 nodes); 0 runs none: nodes
                     start on a spiral, the map lays them out
  --quiet, -q        no progress bar and no warning lines; the one-line
                     summary is still printed
  --help, -h         this help

Exit codes: 0 built (content warnings included), 1 unexpected failure,
2 bad arguments or a vault that is missing or not a folder.`;

export class CliUsageError extends Error {}

/** Parses `--ext md,.TXT` into ['.md', '.txt']. */
export function parseExtensions(value: string): string[] {
  const list = value
    .split(',')
    .map((e) => e.trim().toLowerCase().replace(/^\.*/, ''))
    .filter(Boolean);
  if (list.length === 0) throw new CliUsageError('--ext needs at least one extension, e.g. --ext md,txt');
  for (const e of list) {
    if (!/^[a-z0-9]{1,10}$/.test(e)) throw new CliUsageError(`--ext: "${e}" is not a file extension (letters and digits only)`);
  }
  return [...new Set(list)].map((e) => '.' + e);
}

/** `SOURCE_DATE_EPOCH` (seconds) or `--built-at` to an ISO string. */
function parseBuiltAt(value: string, source: string): string {
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new CliUsageError(`${source}: "${value}" is not a date (ISO 8601 or epoch seconds)`);
  return date.toISOString();
}

/** Parses argv (without `node script`); throws CliUsageError on a bad flag. */
export function parseGraphArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): GraphCliOptions {
  const options: GraphCliOptions = {
    vault: DEFAULT_VAULT,
    out: DEFAULT_OUT,
    quiet: false,
    incremental: false,
    extensions: [...DEFAULT_NOTE_EXTENSIONS],
    builtAt: env.SOURCE_DATE_EPOCH ? parseBuiltAt(env.SOURCE_DATE_EPOCH, 'SOURCE_DATE_EPOCH') : null,
    layoutTicks: null,
    help: false,
  };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new CliUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--quiet':
      case '-q':
        options.quiet = true;
        break;
      case '--incremental':
        options.incremental = true;
        break;
      case '--out':
      case '-o':
        options.out = value();
        break;
      case '--ext':
        options.extensions = parseExtensions(value());
        break;
      case '--built-at':
        options.builtAt = parseBuiltAt(value(), '--built-at');
        break;
      case '--layout-ticks': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) > 100_000) throw new CliUsageError(`--layout-ticks: "${v}" is not a whole number from 0 to 100000`);
        options.layoutTicks = Number(v);
        break;
      }
      case '--':
        positionals.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new CliUsageError(`unknown option ${flag} (see --help)`);
        positionals.push(arg);
    }
  }
  if (positionals.length > 1) throw new CliUsageError(`one vault folder expected, got ${positionals.length}: ${positionals.join(' ')}`);
  if (positionals.length === 1) options.vault = positionals[0];
  if (!options.out.trim()) throw new CliUsageError('--out needs a file name');
  return options;
}

/**
 * Why `vault` cannot be built, as the one line both CLIs print (exit 2), or
 * null when it is a folder.
 */
export function vaultFolderProblem(vault: string): string | null {
  try {
    if (!statSync(vault).isDirectory()) return `vault is not a folder: ${vault}`;
  } catch {
    return `vault folder not found: ${vault}`;
  }
  // A folder that cannot be listed is not an empty vault (the scan would see no note and overwrite the graph).
  try {
    opendirSync(vault).closeSync();
  } catch (err) {
    return new VaultUnreadableError(vault, err).message;
  }
  return null;
}

/**
 * Why the graph cannot be written to `out`, found before the build (one
 * line, exit 2), or null. Creates missing parent folders, as the write would,
 * and proves the folder writable by creating and removing the temporary file.
 */
export function outFileProblem(out: string): string | null {
  if (/[\\/]$/.test(out) || ['.', '..'].includes(path.basename(out))) return `--out must name a file, not a folder: ${out}`;
  const abs = path.resolve(out);
  try {
    if (statSync(abs).isDirectory()) return `--out is a folder: ${out} (name a file in it, e.g. ${path.join(out, 'graph.json')})`;
  } catch {
    // Missing: written below.
  }
  const dir = path.dirname(abs);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    return `--out: cannot create the folder ${path.dirname(out)} (${errorText(err)})`;
  }
  // Not the write's own `.tmp-` name: a watcher (or a test) waiting for the write must not take this for it.
  const probe = `${abs}.probe-${process.pid}`;
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    return `--out: cannot write in ${path.dirname(out)} (${errorText(err)})`;
  }
  return null;
}

/** A warning as both CLIs print it on stderr: `file:line: message`. */
export function formatWarning(w: BuildWarning): string {
  return escapeControl(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
}

/** Print `notemap <command>: message` on stderr and exit with `code`. */
export function cliFail(command: string, message: string, code: number): never {
  process.stderr.write(`notemap ${command}: ${escapeControl(message, true)}\n`);
  process.exit(code);
}

/**
 * The common start of both CLIs: parse the arguments (a usage error or a
 * vault that is not a folder: one line, exit 2), print `help` and return
 * null for `--help`, else the options.
 */
export function startCli<T extends { help: boolean; vault: string }>(command: string, parse: () => T, help: string): T | null {
  let options: T;
  try {
    options = parse();
  } catch (err) {
    if (err instanceof CliUsageError) cliFail(command, err.message, 2);
    throw err;
  }
  if (options.help) {
    process.stdout.write(help + '\n');
    return null;
  }
  const problem = vaultFolderProblem(options.vault);
  if (problem) cliFail(command, problem, 2);
  return options;
}
