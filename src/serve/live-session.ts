/**
 * The live map: the incremental builder kept in memory, the vault watched
 * (watchVault: the scan's rules, nothing outside the vault), changes
 * coalesced (a burst of saves, a checkout of 500 files: one build once the
 * burst pauses; a sync client's stream with pauses: builds spaced out, see
 * build-pacing.ts; never two builds at once; a note gone or emptied given a
 * moment, as editors save in two steps; editors' swap and lock files
 * ignored), each build's diff published
 * on the hub for the open page, graph.json rewritten atomically and the
 * cache saved a little later. A change to a settings file (settingsWatch:
 * `.obsidian/graph.json`, a notemap.config.json) opens the builder again
 * with the settings read anew, from the cache, and sends the difference.
 * Used by `npm start` and the installed CLI.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isEditorTempFile } from '../extract/editor-files.js';
import { isSkippedFolder } from '../extract/scan.js';
import { IncrementalBuilder, type BuildReport, type BuilderOptions } from './incremental-builder.js';
import { buildAt, nextGap, noteChange, type PacingState } from './build-pacing.js';
import { diffGraph, isEmptyDiff, snapshotGraph, type GraphDiff } from './graph-diff.js';
import type { LiveHub } from './live-hub.js';
import { watchVault, type VaultWatcher } from './watch-vault.js';

export interface LiveSessionOptions extends BuilderOptions {
  hub: LiveHub;
  /** Watch the vault (default true); false: build once, then nothing. */
  watch?: boolean;
  /** Quiet time that ends a burst of changes, ms (default 60). */
  delayMs?: number;
  /**
   * The cache is saved this long after the last build, ms (default 15000). Writing it holds the
   * event loop (~0.3 s at 10,000 notes, seconds at 100,000), and a cache a few edits old only
   * makes the next start read those notes again: so not after every save of a note.
   */
  saveDelayMs?: number;
  /** One line per build for the terminal. */
  log?: (line: string) => void;
  /** The vault's settings files: a change to one opens the builder again with `reload()`'s options. */
  settingsWatch?: SettingsWatch;
}

export interface SettingsWatch {
  /** Vault-relative folders the scan skips that hold settings (`.obsidian`), watched one level deep. */
  folders: readonly string[];
  /** True for a vault-relative path (POSIX) that is a settings file. */
  isSettingsFile(rel: string): boolean;
  /** The builder's options from the settings as they are now; throws to keep the current ones (the error is shown). */
  reload(): Partial<BuilderOptions>;
}

export interface LiveSession {
  /** The builder now (a settings change replaces it). */
  readonly builder: IncrementalBuilder;
  /** The first build's report. */
  first: BuildReport;
  /** Resolves when no change is waiting or being built (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops watching, saves the cache; idempotent. */
  close(): Promise<void>;
}

/** Retries of a file that could not be read, before it is left to the next change. */
const MAX_RETRIES = 5;

/**
 * A note gone or emptied is looked at again this much later before the map loses it, ms: a
 * save in two steps (truncate then write; vim's rename to note~ then write) shows the note
 * as it ends, never removed in between (its selection, position and links kept).
 */
const GRACE_MS = 300;

/**
 * What a watcher's path is to the session: a settings file, nothing the scan reads (an
 * editor's swap, backup or lock file; a file in a skipped folder such as `.obsidian`, which
 * Obsidian writes on every click), or a vault path to check.
 */
export function classifyPath(rel: string, isSettingsFile: (rel: string) => boolean): 'settings' | 'ignored' | 'vault' {
  if (isSettingsFile(rel)) return 'settings';
  const parts = rel.split('/');
  if (isEditorTempFile(parts[parts.length - 1]) || parts.slice(0, -1).some(isSkippedFolder)) return 'ignored';
  return 'vault';
}

/** "updated 3 notes in 0.2 s" (the terminal's and the page's status line). */
export function statusLine(notes: number, seconds: number): string {
  return `updated ${notes} note${notes === 1 ? '' : 's'} in ${seconds < 0.1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** The vault path of a read error ("path: reason"). */
const errorPath = (error: string): string => error.slice(0, error.indexOf(': '));

export async function startLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const log = options.log ?? (() => undefined);
  let builderOptions: BuilderOptions = options;
  const opened = await IncrementalBuilder.open(builderOptions);
  const first = opened.report;
  let builder = opened.builder;
  await first.written;
  await builder.saveCache().catch((err: unknown) => log(`could not save the cache: ${String(err)}`));

  const root = builder.files.root;
  let pending = new Set<string>();
  let rescan = false;
  let reopen = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let retries = 0;
  let graced = false;

  /**
   * True when a pending path is a note with text that is now missing or empty (maybe a save in
   * two steps) and no new file came with it (a new one makes it a move: taken at once).
   */
  const inFlux = (): boolean => {
    let flux = false;
    for (const rel of pending) {
      const record = builder.files.records.get(rel);
      let size = -1;
      try {
        size = statSync(path.join(root, rel)).size;
      } catch {
        // Gone.
      }
      if (!record && size >= 0) return false;
      if (record?.note && record.size > 0 && size <= 0) flux = true;
    }
    return flux;
  };

  let graceUntil = 0;
  const pacing: PacingState = { lastEnd: 0, gap: 0, firstAt: null, lastChange: 0 };
  const schedule = (delay = options.delayMs ?? 60): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    const now = Date.now();
    pacing.firstAt ??= now;
    // Spaced while builds follow each other (build-pacing.ts); a change during the grace wait never cuts it short.
    timer = setTimeout(run, Math.max(buildAt(pacing, now, delay), graceUntil) - now);
  };

  const run = (): void => {
    timer = null;
    if (running || closed) {
      if (!closed) schedule();
      return;
    }
    // Once per burst: a real deletion waits GRACE_MS more, a two-step save is seen as it ends.
    if (!graced && !reopen && inFlux()) {
      graced = true;
      graceUntil = Date.now() + GRACE_MS;
      schedule(GRACE_MS);
      return;
    }
    graced = false;
    pacing.gap = nextGap(pacing, Date.now());
    pacing.firstAt = null;
    const paths = pending;
    const all = rescan;
    const settings = reopen;
    pending = new Set();
    rescan = false;
    reopen = false;
    running = (settings ? reopenBuilder() : build(paths, all)).finally(() => {
      running = null;
      pacing.lastEnd = Date.now();
      if (pending.size > 0 || rescan || reopen) schedule(0);
    });
  };

  /** Files whose read failed in the last build, by vault path. */
  let failing = new Set<string>();
  const publish = (diff: GraphDiff | null, report: BuildReport): void => {
    const shown = diff && !isEmptyDiff(diff) ? diff : null;
    // A file readable again with the text it had is no changed note, but it is news: the page
    // clears its error line only on an update that counts a note (mount-live.ts).
    const now = new Set(report.errors.map(errorPath));
    const recovered = [...failing].filter((file) => !now.has(file)).length;
    failing = now;
    const notes = Math.max(report.notesChanged, recovered);
    options.hub.publish({ diff: shown, notes, seconds: report.seconds, errors: report.errors });
    if (notes > 0 || shown) log(statusLine(notes, report.seconds));
  };

  const saveLater = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void builder.saveCache().catch(() => undefined), options.saveDelayMs ?? 15_000);
  };

  /** The settings changed: a new builder from the cache (what the scan and parse see may differ), the change sent as one diff. */
  const reopenBuilder = async (): Promise<void> => {
    try {
      const next = { ...builderOptions, ...options.settingsWatch!.reload() };
      const before = snapshotGraph(builder.core.graph!);
      await builder.saveCache();
      const opened = await IncrementalBuilder.open(next);
      builderOptions = next;
      builder = opened.builder;
      log('settings changed: read again');
      publish(diffGraph(before, opened.report.graph), opened.report);
      await opened.report.written;
      saveLater();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      options.hub.publish({ diff: null, notes: 0, seconds: 0, errors: [`settings: ${message}`] });
      log(`settings not applied: ${message}`);
    }
  };

  const build = async (paths: Set<string>, all: boolean): Promise<void> => {
    try {
      const report = await builder.update(all ? undefined : paths);
      publish(report.diff, report);
      for (const error of report.errors) log(`could not read ${error} (kept as it was; trying again)`);
      if (report.errors.length > 0 && retries++ < MAX_RETRIES) {
        for (const error of report.errors) pending.add(errorPath(error));
        schedule(250 * retries);
      } else if (report.errors.length === 0) retries = 0;
      await report.written;
      saveLater();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      options.hub.publish({ diff: null, notes: 0, seconds: 0, errors: [message] });
      log(`update failed: ${message}`);
    }
  };

  let watcher: VaultWatcher | null = null;
  if (options.watch !== false) {
    watcher = watchVault(
      options.vault,
      (file) => {
        const rel = path.relative(root, file).split(path.sep).join('/');
        if (!rel || rel.startsWith('..')) rescan = true;
        else {
          const kind = classifyPath(rel, (r) => options.settingsWatch?.isSettingsFile(r) ?? false);
          if (kind === 'ignored') return;
          if (kind === 'settings') reopen = true;
          else pending.add(rel);
        }
        noteChange(pacing, Date.now());
        schedule();
      },
      { onError: (err) => log(`watching the vault: ${err.message}`), extraFolders: options.settingsWatch?.folders },
    );
  }

  const session: LiveSession = {
    get builder() {
      return builder;
    },
    first,
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (saveTimer) clearTimeout(saveTimer);
      await running;
      await builder.saveCache().catch(() => undefined);
    },
  };
  return session;
}
