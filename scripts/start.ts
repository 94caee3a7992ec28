/**
 * `npm start`: build the vault's graph when it is missing or stale, then run
 * the Vite dev server and print its URL; while it runs, a change in the
 * vault reaches the open page as a diff (src/serve/live-session.ts), no reload. `npm run build` (`--build`) writes
 * the static site to dist/ instead, graph.json included.
 *
 *   npm start [-- --vault <path>] [--port <n>] [--host <name>] [--no-watch]
 *   npm run build [-- --vault <path>] [--out-dir <dir>]
 *   NOTEMAP_VAULT=<path> npm start
 */
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VAULT } from '../src/extract/cli-args.js';
import { escapeControl } from '../src/extract/terminal-text.js';
import { ensureGraph, graphCachePath, newestMtime } from './start-graph.js';
import { markSiteOutDir, siteOutDirProblem } from '../src/serve/site-out-dir.js';
import { vaultCacheDir } from '../src/serve/cache-dir.js';
import { CACHE_FILE } from '../src/serve/incremental-cache.js';
import { createLiveHub, LIVE_EVENT } from '../src/serve/live-hub.js';
import { startLiveSession, type LiveSession } from '../src/serve/live-session.js';
import { loadVaultSettings } from '../src/config/load.js';
import { isSettingsFile, SETTINGS_FOLDERS } from '../src/cli/settings-files.js';

// Vault paths and messages may hold control characters: shown escaped, never sent to the terminal raw.
const say = (text: string): void => console.log(escapeControl(text, true));
const complain = (text: string): void => console.error(escapeControl(text, true));

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_VAULT = path.join(ROOT, DEFAULT_VAULT);

const HELP = `notemap: see a folder of Markdown notes as a map.

Usage:
  npm start [-- options]        build the graph if needed, start the dev server
  npm run build [-- options]    build the graph if needed, write the static site

Options:
  --vault <path>     the vault folder (default: env NOTEMAP_VAULT, else ${DEFAULT_VAULT})
  --port <n>         dev server port (default 5173; the next free one if taken)
  --host <name>      dev server host (default localhost; 0.0.0.0 for all interfaces)
  --build            write the static site instead of starting the dev server
  --out-dir <dir>    where --build writes the site (default dist)
  --force            rebuild the graph even when it is up to date; with --build,
                     also write into a non-empty --out-dir notemap did not
                     write (its files are deleted; never the vault or project)
  --no-watch         do not rebuild the graph when a note changes (dev server)
  --help             show this help
`;

export interface StartOptions {
  vault: string;
  port?: number;
  host?: string;
  build: boolean;
  outDir: string;
  force: boolean;
  /** Dev server: keep the graph in step with the vault and send the open page each change. */
  watch: boolean;
  help: boolean;
}

/** Parse argv (without node and script); throws with a message naming the bad option. */
export function parseStartArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  const options: StartOptions = {
    vault: env.NOTEMAP_VAULT || SAMPLE_VAULT,
    build: false,
    outDir: 'dist',
    force: false,
    watch: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--vault': options.vault = value(); break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got "${raw}"`);
        options.port = port;
        break;
      }
      case '--host': options.host = value(); break;
      case '--out-dir': options.outDir = value(); break;
      case '--build': options.build = true; break;
      case '--force': options.force = true; break;
      case '--no-watch': options.watch = false; break;
      case '--help': case '-h': options.help = true; break;
      default:
        // A bare path is taken as the vault, like `npm run graph -- <vault>`.
        if (!arg.startsWith('-')) options.vault = arg;
        else throw new Error(`unknown option ${arg} (see --help)`);
    }
  }
  options.vault = path.resolve(options.vault);
  return options;
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (err) {
    complain(`notemap: ${(err as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }

  // Vite empties the output folder: refuse one holding the user's files before anything runs.
  const outDir = path.resolve(options.outDir);
  const outProblem = options.build ? siteOutDirProblem(outDir, { vault: options.vault, root: ROOT, force: options.force }) : null;
  if (outProblem) {
    complain(`notemap: ${outProblem}`);
    process.exitCode = 2;
    return;
  }

  const graphPath = graphCachePath(options.vault);
  // Live (the dev server, watching): the incremental builder builds graph.json from its cache and keeps it
  // in step with the vault, sending the open page a diff over Vite's HMR channel (no reload).
  const live = !options.build && options.watch;
  const hub = createLiveHub();
  let session: LiveSession | null = null;
  if (live) {
    const cacheFile = path.join(vaultCacheDir(options.vault), CACHE_FILE);
    if (options.force) fs.rmSync(cacheFile, { force: true });
    // The vault's Obsidian/Foam/notemap settings, as the notemap command reads them, followed while it runs.
    const settings = loadVaultSettings(options.vault);
    session = await startLiveSession({
      vault: options.vault,
      settings,
      extensions: settings.extensions,
      settingsWatch: {
        folders: SETTINGS_FOLDERS,
        isSettingsFile,
        reload: () => {
          const next = loadVaultSettings(options.vault);
          return { settings: next, extensions: next.extensions };
        },
      },
      out: graphPath,
      cacheFile,
      codeVersion: String(newestMtime(path.join(ROOT, 'src'))),
      hub,
      log: (line) => say(`notemap: ${line}`),
    });
    const first = session.first;
    const how = first.full ? `full build${first.cacheProblem ? ` (${first.cacheProblem})` : ''}` : `from the cache, ${first.notesChanged} note(s) read again`;
    say(`notemap: graph ready in ${first.seconds.toFixed(1)} s, ${how}: ${graphPath}`);
  } else {
    const built = await ensureGraph({ root: ROOT, vault: options.vault, graphPath, force: options.force });
    say(built ? `notemap: graph built: ${graphPath}` : `notemap: graph up to date: ${graphPath}`);
  }

  // The plugin reads these when Vite resolves its config.
  process.env.NOTEMAP_GRAPH = graphPath;
  process.env.NOTEMAP_VAULT = options.vault;
  const configFile = path.join(ROOT, 'vite.config.ts');
  const vite = await import('vite');

  if (options.build) {
    await vite.build({ root: ROOT, configFile, logLevel: 'warn', build: { outDir } });
    markSiteOutDir(outDir);
    const shown = path.relative(process.cwd(), outDir);
    const where = shown && !shown.startsWith('..') ? shown : outDir;
    const serve = where === 'dist' ? 'npx vite preview' : `npx vite preview --outDir ${where}`;
    say(`notemap: static site written to ${where} (serve it with \`${serve}\` or any static file host)`);
    return;
  }

  const server = await vite.createServer({
    root: ROOT,
    configFile,
    server: { port: options.port, host: options.host },
  });
  await server.listen();
  say(`notemap: ${path.basename(options.vault)} (${options.vault})`);
  server.printUrls();

  hub.subscribe((message) => server.ws.send({ type: 'custom', event: LIVE_EVENT, data: message }));
  const close = (): void => {
    void (session?.close() ?? Promise.resolve())
      .then(() => server.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

// Run only as a script, so tests can import parseStartArgs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    complain(`notemap: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
