/**
 * The `notemap` command line, parsed once into one options object for every
 * command. No imports beyond Node's: this module is on the start-up path of
 * every command (`--help` answers before anything heavy loads).
 *
 * A later flag wins over an earlier one and a positional vault over
 * `--vault`, so the repository's npm scripts can pass their defaults first
 * (`notemap graph --vault data/vault --out data/graph.json`) and a user's own
 * `npm run graph -- ~/notes --out x.json` still decides.
 */
export const COMMANDS = ['serve', 'build', 'graph', 'check'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  command: Command;
  /** The vault folder, as given (default `.`). */
  vault: string;
  /** graph: where graph.json goes. */
  out: string;
  /** build: the site's folder. */
  outDir: string;
  json: boolean;
  strict: boolean;
  /** check: also list unlinked mentions. */
  mentions: boolean;
  /** graph: keep per-note results in the vault's cache folder and build again only what changed. */
  incremental: boolean;
  /** graph: json (graph.json), gexf or graphml. */
  format: GraphFormat;
  quiet: boolean;
  /** `--ignore <glob>`, repeatable. */
  ignore: string[];
  config: string | null;
  /** `--ext md,txt`, lower case with the dot; null = the configuration's or the defaults. */
  extensions: string[] | null;
  /** Keep drafts and `publish: false` notes: `--drafts` true, `--no-drafts` false, null = the command's default. */
  drafts: boolean | null;
  open: boolean;
  watch: boolean;
  force: boolean;
  port: number;
  host: string;
  builtAt: string | null;
  help: boolean;
  version: boolean;
}

export const GRAPH_FORMATS = ['json', 'gexf', 'graphml'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export class UsageError extends Error {}

const BOOLEAN_FLAGS: Record<string, (o: CliOptions) => void> = {
  '--json': (o) => (o.json = true),
  '--strict': (o) => (o.strict = true),
  '--mentions': (o) => (o.mentions = true),
  '--quiet': (o) => (o.quiet = true),
  '-q': (o) => (o.quiet = true),
  '--drafts': (o) => (o.drafts = true),
  '--no-drafts': (o) => (o.drafts = false),
  '--open': (o) => (o.open = true),
  '--no-open': (o) => (o.open = false),
  '--no-watch': (o) => (o.watch = false),
  '--force': (o) => (o.force = true),
  '--incremental': (o) => (o.incremental = true),
  '--help': (o) => (o.help = true),
  '-h': (o) => (o.help = true),
  '--version': (o) => (o.version = true),
  '-v': (o) => (o.version = true),
};

/** Flags that apply to a command (others are refused, so a typo is not silently ignored). */
const FLAGS_OF: Record<Command, string[]> = {
  serve: ['--port', '--host', '--open', '--no-open', '--no-watch', '--drafts', '--no-drafts'],
  build: ['--out-dir', '--drafts', '--no-drafts', '--force', '--built-at'],
  graph: ['--out', '-o', '--built-at', '--format', '--incremental'],
  check: ['--json', '--strict', '--mentions'],
};
const COMMON = ['--vault', '--ignore', '--config', '--ext', '--quiet', '-q', '--help', '-h', '--version', '-v'];

function parseExtensions(value: string): string[] {
  const list = value
    .split(',')
    .map((e) => e.trim().toLowerCase().replace(/^\.*/, ''))
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('--ext needs at least one extension, e.g. --ext md,txt');
  const bad = list.find((e) => !/^[a-z0-9]{1,10}$/.test(e));
  if (bad !== undefined) throw new UsageError(`--ext: "${bad}" is not a file extension (letters and digits only)`);
  return [...new Set(list)].map((e) => '.' + e);
}

function parseBuiltAt(value: string, source: string): string {
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${source}: "${value}" is not a date (ISO 8601 or epoch seconds)`);
  return date.toISOString();
}

/** Parses argv (without `node notemap`); throws UsageError naming the flag at fault. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): CliOptions {
  let rest = [...argv];
  let command: Command = 'serve';
  if (rest.length > 0 && (COMMANDS as readonly string[]).includes(rest[0])) command = rest.shift() as Command;
  const options: CliOptions = {
    command,
    vault: '.',
    out: 'graph.json',
    outDir: 'site',
    json: false,
    strict: false,
    mentions: false,
    incremental: false,
    format: 'json',
    quiet: false,
    ignore: [],
    config: null,
    extensions: null,
    drafts: null,
    open: true,
    watch: true,
    force: false,
    port: 4173,
    host: 'localhost',
    builtAt: env.SOURCE_DATE_EPOCH ? parseBuiltAt(env.SOURCE_DATE_EPOCH, 'SOURCE_DATE_EPOCH') : null,
    help: false,
    version: false,
  };
  const positionals: string[] = [];
  let flagVault: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!COMMON.includes(flag) && !FLAGS_OF[command].includes(flag)) {
      const owner = COMMANDS.find((c) => FLAGS_OF[c].includes(flag));
      throw new UsageError(owner ? `${flag} is an option of \`notemap ${owner}\`, not of \`notemap ${command}\`` : `unknown option ${flag} (see notemap --help)`);
    }
    const setBool = BOOLEAN_FLAGS[flag];
    if (setBool) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      setBool(options);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case '--vault': flagVault = value; break;
      case '--ignore': options.ignore.push(value); break;
      case '--config': options.config = value; break;
      case '--ext': options.extensions = parseExtensions(value); break;
      case '--out': case '-o': options.out = value; break;
      case '--out-dir': options.outDir = value; break;
      case '--format':
        if (!(GRAPH_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${GRAPH_FORMATS.join(', ')}, got "${value}"`);
        options.format = value as GraphFormat;
        break;
      case '--built-at': options.builtAt = parseBuiltAt(value, '--built-at'); break;
      case '--host': options.host = value; break;
      case '--port': {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
        options.port = port;
        break;
      }
    }
  }
  rest = positionals;
  if (rest.length > 1) throw new UsageError(`one vault folder expected, got ${rest.length}: ${rest.join(' ')}`);
  options.vault = rest[0] ?? flagVault ?? '.';
  return options;
}
