/** The work of `notemap [vault]` (see cmd-serve.ts): build, serve, open, watch. */
import fs from 'node:fs';
import path from 'node:path';
import { createRebuildScheduler } from '../../scripts/start-watch.js';
import { watchVault, type VaultWatcher } from '../serve/watch-vault.js';
import { isSkippedFolder } from '../extract/scan.js';
import { runPipeline } from '../extract/pipeline.js';
import { vaultCacheDir } from '../serve/cache-dir.js';
import type { CliOptions } from './args.js';
import { formatWarning, settingsLine, vaultSettings } from './common.js';
import { openBrowser } from './open-browser.js';
import { appDir } from './package-paths.js';
import { startMapServer } from './static-server.js';

/** Builds the graph into `graphPath`; returns the one-line summary. */
async function build(vault: string, graphPath: string, options: CliOptions, quietWarnings: boolean): Promise<string> {
  const started = Date.now();
  // Settings are read again on every build: an edit to .obsidian/graph.json shows on the next one.
  const settings = vaultSettings(vault, options);
  const result = await runPipeline(vault, {
    extensions: settings.extensions,
    settings,
    omitDrafts: (options.drafts ?? true) === false,
    // graph.json and the map's compact files beside it, written atomically.
    out: graphPath,
  });
  if (!quietWarnings && !options.quiet) for (const w of result.warnings) process.stderr.write(formatWarning(w) + '\n');
  const s = result.stats;
  return `${s.notes} notes, ${s.links} links, ${s.danglingTargets} dangling targets, ${s.orphans} orphans (${((Date.now() - started) / 1000).toFixed(1)} s)`;
}

/** True when a change at `rel` (vault-relative, from fs.watch) can change the map: notes, folders, and the settings files. */
function mattersToMap(rel: string): boolean {
  const segments = rel.split(/[\\/]/);
  if (segments[0] === '.obsidian') return segments[1] === 'app.json' || segments[1] === 'graph.json';
  if (segments[0] === '.vscode') return segments[1] === 'settings.json';
  return !segments.slice(0, -1).some(isSkippedFolder);
}

export async function serve(vault: string, options: CliOptions): Promise<void> {
  const settings = vaultSettings(vault, options);
  const line = settingsLine(settings, options);
  if (line && !options.quiet) process.stdout.write(`notemap: ${line}\n`);
  const app = appDir();
  const graphPath = path.join(vaultCacheDir(vault), 'graph.json');
  fs.mkdirSync(path.dirname(graphPath), { recursive: true });
  process.stdout.write(`notemap: ${await build(vault, graphPath, options, false)}\n`);

  const map = await startMapServer({ appDir: app, graphPath, vaultPath: vault, port: options.port, host: options.host });
  process.stdout.write(`notemap: the map is at ${map.url}  (Ctrl-C to stop)\n`);
  if (options.open) openBrowser(map.url);

  let watcher: VaultWatcher | null = null;
  const scheduler = createRebuildScheduler(
    async () => {
      const summary = await build(vault, graphPath, options, true);
      process.stdout.write(`notemap: vault changed, map rebuilt: ${summary}; reload the page to see it\n`);
    },
    300,
    (err) => process.stderr.write(`notemap: rebuild failed: ${err instanceof Error ? err.message : String(err)}\n`),
  );
  if (options.watch) {
    try {
      // watchVault (safety): the scan's folders by real path only; fs.watch's recursive mode watched a symlink's outside target.
      const realVault = fs.realpathSync(vault);
      watcher = watchVault(vault, (file) => {
        if (mattersToMap(path.relative(realVault, file))) scheduler.schedule();
      }, {
        extraFolders: ['.obsidian', '.vscode'],
        onError: (err) => process.stderr.write(`notemap: watching stopped: ${err.message}\n`),
      });
    } catch (err) {
      process.stderr.write(`notemap: cannot watch the vault (${(err as Error).message}); restart to see changes\n`);
    }
  }
  const stop = (): void => {
    watcher?.close();
    scheduler.dispose();
    void map.close().then(() => process.exit(0));
    // Open connections (a browser's keep-alive) must not hold the exit.
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
