/**
 * The work of `notemap [vault]` (see cmd-serve.ts): build, serve, open, and
 * follow the vault live, as the dev server does: the shared live session
 * (src/serve/live-session.ts: the incremental builder from the vault's
 * cache, the watcher, coalesced builds) publishes each change on a hub, and
 * the server streams it to the open page (LIVE_SSE_PATH), which applies it
 * in place. `--no-drafts` keeps the one-shot pipeline (the incremental
 * builder does not leave notes out): the page then shows changes on reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runPipeline } from '../extract/pipeline.js';
import { vaultCacheDir } from '../serve/cache-dir.js';
import { CACHE_FILE } from '../serve/incremental-cache.js';
import { createLiveHub, type LiveHub } from '../serve/live-hub.js';
import { startLiveSession, type LiveSession } from '../serve/live-session.js';
import type { CliOptions } from './args.js';
import { briefWarnings, safeText, settingsLine, vaultSettings } from './common.js';
import { openBrowser } from './open-browser.js';
import { appDir, codeFingerprint } from './package-paths.js';
import { isSettingsFile, SETTINGS_FOLDERS } from './settings-files.js';
import { startMapServer } from './static-server.js';

const summaryOf = (s: { notes: number; links: number; danglingTargets: number; orphans: number }, seconds: number): string =>
  `${s.notes} notes, ${s.links} links, ${s.danglingTargets} dangling targets, ${s.orphans} orphans (${seconds.toFixed(1)} s)`;

/** The live session for `vault`: the first build (from the cache when it has one), then every change. */
async function startLive(vault: string, graphPath: string, options: CliOptions, hub: LiveHub): Promise<LiveSession> {
  const settings = vaultSettings(vault, options);
  const session = await startLiveSession({
    vault,
    extensions: settings.extensions,
    settings,
    out: graphPath,
    cacheFile: path.join(path.dirname(graphPath), CACHE_FILE),
    codeVersion: codeFingerprint(),
    watch: options.watch,
    hub,
    log: (line) => process.stdout.write(`notemap: ${safeText(line)}\n`),
    settingsWatch: {
      folders: SETTINGS_FOLDERS,
      isSettingsFile,
      // Read again on each change: an edit to .obsidian/graph.json shows without a restart.
      reload: () => {
        const next = vaultSettings(vault, options);
        return { settings: next, extensions: next.extensions };
      },
    },
  });
  const first = session.first;
  if (!options.quiet) for (const line of briefWarnings(first.graph.getAttribute('warnings'), vault)) process.stderr.write(line + '\n');
  const how = first.full ? 'full build' : `from the cache, ${first.notesChanged} note(s) read again`;
  process.stdout.write(`notemap: ${summaryOf(first.graph.getAttribute('stats'), first.seconds)}, ${how}\n`);
  return session;
}

/** `--no-drafts`: one pipeline build, drafts left out (no live updates). */
async function buildOnce(vault: string, graphPath: string, options: CliOptions): Promise<void> {
  const started = Date.now();
  const settings = vaultSettings(vault, options);
  const result = await runPipeline(vault, { extensions: settings.extensions, settings, omitDrafts: true, out: graphPath });
  if (!options.quiet) for (const line of briefWarnings(result.warnings, vault)) process.stderr.write(line + '\n');
  process.stdout.write(`notemap: ${summaryOf(result.stats, (Date.now() - started) / 1000)}; drafts left out, so changes show when notemap starts again\n`);
}

export async function serve(vault: string, options: CliOptions): Promise<void> {
  const line = settingsLine(vaultSettings(vault, options), options);
  if (line && !options.quiet) process.stdout.write(`notemap: ${line}\n`);
  const app = appDir();
  const graphPath = path.join(vaultCacheDir(vault), 'graph.json');
  fs.mkdirSync(path.dirname(graphPath), { recursive: true });
  const live = options.drafts !== false;
  const hub = createLiveHub();
  let session: LiveSession | null = null;
  if (live) session = await startLive(vault, graphPath, options, hub);
  else await buildOnce(vault, graphPath, options);

  const map = await startMapServer({ appDir: app, graphPath, vaultPath: vault, port: options.port, host: options.host, live: live ? hub : undefined });
  const following = live && options.watch ? 'follows the vault as you edit it; ' : '';
  process.stdout.write(`notemap: the map is at ${map.url}  (${following}Ctrl-C to stop)\n`);
  if (options.open) openBrowser(map.url);

  const stop = (): void => {
    // The cache is saved on the way out, so the next start reads no note again.
    void (session?.close() ?? Promise.resolve())
      .then(() => map.close())
      .then(() => process.exit(0));
    // Open connections (a browser's keep-alive) must not hold the exit.
    setTimeout(() => process.exit(0), 1500).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
