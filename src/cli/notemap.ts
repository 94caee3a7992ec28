#!/usr/bin/env node
/**
 * `notemap`: the installed command. Parses the command line, answers --help
 * and --version at once, and only then imports the one command asked for
 * (each in its own chunk), so every command prints its first line quickly.
 */
import { parseCliArgs, UsageError, type CliOptions, type Command } from './args.js';

const HELP = `notemap: see a folder of Markdown notes (an Obsidian or Foam vault) as a map.

Usage:
  notemap [vault] [options]                serve the map of the vault (default: this folder)
                                           and open it in the browser; rebuilds on change
  notemap build [vault] --out-dir site/    write the map as a static site (drafts left out)
  notemap graph [vault] --out graph.json   write the graph (graphology JSON, GEXF or GraphML) for other tools
  notemap check [vault] [--json|--strict|--mentions]  link health: orphans, dangling links, one-way notes,
                                           unlinked mentions

Options for every command:
  --vault <dir>       the vault (a positional vault wins)
  --ignore <glob>     leave out matching files or folders (repeatable; gitignore-like)
  --config <file>     a notemap.config.json to use (default: the vault's, if any)
  --ext <list>        note file extensions (default md,markdown,txt)
  --quiet, -q         no warning lines
  --help, -h          this help; --version, -v  the version

serve:  --port <n> (default 4173, the next free one if taken)  --host <name>
        --no-open (do not open a browser)  --no-watch  --drafts/--no-drafts
build:  --out-dir <dir> (default site)  --drafts (keep draft: true and
        publish: false notes)  --force (write into a folder holding other files)
graph:  --out <file> (default graph.json)  --built-at <iso>  --incremental (keep
        each note's results in the cache; the next run reads only what changed)
        --format json|gexf|graphml (GEXF and GraphML for Gephi, Cytoscape, yEd;
        an --out ending in .json takes the format's extension)
check:  --json (the report as JSON)  --strict (exit 1 on any dangling link)
        --mentions (notes that name another note without linking to it,
        orphans most mentioned first; in --json too)

notemap reads .obsidian/app.json (excluded files), .obsidian/graph.json (color
groups, filters), Foam's .vscode/settings.json (foam.files.ignore) and
notemap.config.json; it never writes inside the vault (its cache is under
$XDG_CACHE_HOME or ~/.cache).

Exit codes: 0 done, 1 check --strict found dangling links or a build failed,
2 bad usage, a vault that is not a folder or a bad configuration.`;

declare const NOTEMAP_VERSION: string | undefined;

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`notemap: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  if (options.version) {
    process.stdout.write((typeof NOTEMAP_VERSION === 'string' ? NOTEMAP_VERSION : 'dev') + '\n');
    return;
  }
  const run: Record<Command, () => Promise<{ run(o: CliOptions): Promise<void> }>> = {
    serve: () => import('./cmd-serve.js'),
    build: () => import('./cmd-build.js'),
    graph: () => import('./cmd-graph.js'),
    check: () => import('./cmd-check.js'),
  };
  const command = await run[options.command]();
  await command.run(options);
}

main().catch((err: unknown) => {
  process.stderr.write(`notemap: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
