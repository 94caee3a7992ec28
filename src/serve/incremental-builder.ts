/**
 * The incremental builder shared by `npm run graph` (one run, the cache on
 * disk) and `npm start` (kept in memory by the dev server): files
 * (incremental-files.ts) -> notes -> graph (incremental-core.ts) -> unlinked
 * mentions (incremental-mentions.ts), with the cache (incremental-cache.ts)
 * in the vault's cache folder.
 *
 *   const { builder, report } = await IncrementalBuilder.open({ vault, cacheFile, out });
 *   const next = await builder.update(['notes/a.md']);   // or update() to rescan all
 *   next.diff   // what the open page applies
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { BuildWarning } from '../core/contract.js';
import type { NotemapGraph } from '../extract/build-graph.js';
import { DEFAULT_NOTE_EXTENSIONS } from '../extract/scan.js';
import { serializeGraph, writeFileAtomic } from '../extract/write.js';
import { writeCompactFiles } from '../extract/compact.js';
import type { GraphDiff } from './graph-diff.js';
import { loadCache, saveCache, type CacheBody, type CacheSlices } from './incremental-cache.js';
import { IncrementalCore, type CoreResult, type CoreTimings } from './incremental-core.js';
import { IncrementalMentions, sameMentions } from './incremental-mentions.js';
import { VaultFiles, type FileCheck, type VaultSettings } from './incremental-files.js';

export interface BuilderOptions {
  vault: string;
  /** Note extensions, lower case with the dot. */
  extensions?: readonly string[];
  /** The cache file; null: no cache (a full build every open, nothing kept on disk). */
  cacheFile?: string | null;
  /** Where graph.json goes; null: in memory only. */
  out?: string | null;
  /** Layout ticks of a build from scratch (default from the node count; tests use 0). */
  ticks?: number;
  /** What is building (package version, or a fingerprint of the source): a cache from other code is not used. Default ''. */
  codeVersion?: string;
  /** The vault's settings (src/config/load.ts), as runPipeline takes them. */
  settings?: VaultSettings;
  /** `builtAt` to record (tests); default now. */
  builtAt?: () => string;
  /** Find unlinked mentions (graph attribute `mentions`), as the pipeline does. Default true. */
  mentions?: boolean;
  /**
   * A one-off build (`notemap graph --incremental`): one open, one save, no update. The cache's bytes
   * as read are kept for the save (unchanged slices written as they were), and what only later
   * updates need is not prepared. Default false (a live session: it would hold the bytes, hundreds
   * of MB at 100,000 notes, until its first save, and its first update would pay for the rest).
   */
  oneOff?: boolean;
}

export interface BuildReport {
  graph: NotemapGraph;
  /** The change to the previous graph; null for the first build. */
  diff: GraphDiff | null;
  /** True when nothing was reused: no cache, or one that could not be used (see cacheProblem). */
  full: boolean;
  /** Why the cache was not used, or null. */
  cacheProblem: string | null;
  /** Note files read again (changed, added or removed). */
  notesChanged: number;
  /** Files that could not be read this time (their last good version is kept). */
  errors: string[];
  /** Seconds from the call to the graph being ready (graph.json written after, see `written`). */
  seconds: number;
  /** Seconds per step (files: stat, read and parse; then the core's steps; then the mentions). */
  timings: { cache?: number; files: number } & CoreTimings & { mentions: number };
  /** Resolves when graph.json has been written (immediately when `out` is null). */
  written: Promise<void>;
}

/** The parse options as a key: notes parsed under other options (a title rule, date keys) are parsed again. */
const parseKey = (settings?: VaultSettings): string => JSON.stringify(settings?.parse ?? {});

const now = (): bigint => process.hrtime.bigint();
const since = (start: bigint): number => Number(now() - start) / 1e9;

export class IncrementalBuilder {
  private writing: Promise<void> = Promise.resolve();
  private writeWanted = false;
  /** The cache's slices as read, for the first save to reuse where unchanged (then let go: memory). */
  private readSlices: CacheSlices | null = null;

  private constructor(
    private readonly options: BuilderOptions,
    readonly files: VaultFiles,
    readonly core: IncrementalCore,
    readonly mentions: IncrementalMentions | null,
  ) {}

  /** Brings the graph's `mentions` up to date with `result`; returns the seconds it took. */
  private async updateMentions(result: CoreResult, changed: readonly { path: string }[]): Promise<number> {
    if (!this.mentions) return 0;
    const start = now();
    const { graph, diff } = result;
    const before = graph.getAttribute('mentions');
    const mentions = await this.mentions.update({ notes: result.notes, links: result.links, index: this.core.resolver.live.index, changed: changed.map((n) => n.path), namesHash: result.namesHash });
    graph.setAttribute('mentions', mentions);
    // The core's diff was taken before: the page gets the mentions when they changed.
    if (diff && !sameMentions(before, mentions)) diff.attributes.mentions = mentions;
    return since(start);
  }

  /** Loads the cache (when usable), scans the vault, builds the graph and writes it. */
  static async open(options: BuilderOptions): Promise<{ builder: IncrementalBuilder; report: BuildReport }> {
    const start = now();
    const extensions = options.extensions ?? DEFAULT_NOTE_EXTENSIONS;
    const root = await realpath(options.vault);
    const vault = path.resolve(options.vault);
    const files = new VaultFiles(root, extensions, options.settings);
    // The vault's folders are listed while the cache is read (the listing waits on the disk, the cache on the CPU).
    const listing = files.listVault();
    listing.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
    const cache = options.cacheFile ? await loadCache(options.cacheFile, { vault, extensions, codeVersion: options.codeVersion ?? '' }) : { body: null, problem: null, slices: undefined };
    const cacheSeconds = since(start);
    const positions = new Map<string, { x: number; y: number }>();
    // Records parsed under other settings are read again; positions stay good either way.
    const records = cache.body && (cache.body.parseKey ?? '{}') === parseKey(options.settings);
    if (cache.body) {
      if (records) for (const [file, record] of cache.body.records) files.records.set(file, record);
      for (const file of cache.body.others) files.others.add(file);
      for (const [key, x, y] of cache.body.positions) positions.set(key, { x, y });
    }
    const check = await files.scanAll(listing);
    for (const { from, to } of check.change.moved ?? []) {
      const p = positions.get(from);
      if (p) positions.set(to, p);
    }
    const filesSeconds = since(start);
    const core = new IncrementalCore({
      vault,
      extensions,
      positions,
      layoutTicks: cache.body?.layoutTicks,
      ticks: options.ticks,
      settings: options.settings,
      metrics: cache.body?.metrics,
      suggestions: cache.body?.suggestions,
      oneOff: options.oneOff,
    });
    const fileWarnings = new Map<string, BuildWarning[]>();
    for (const [file, record] of files.records) fileWarnings.set(file, record.warnings);
    const result = core.apply(
      {
        upsert: [...files.records.values()].flatMap((r) => (r.note ? [r.note] : [])),
        remove: [],
        addFiles: [...files.others],
        removeFiles: [],
        fileWarnings,
        scanWarnings: check.change.scanWarnings,
      },
      options.builtAt?.(),
    );
    const { graph, timings } = result;
    const mentions = options.mentions === false ? null : new IncrementalMentions(root, options.oneOff);
    if (records) mentions?.restore(cache.body?.mentions);
    const builder = new IncrementalBuilder(options, files, core, mentions);
    if (options.oneOff) builder.readSlices = cache.slices ?? null;
    const mentionsSeconds = await builder.updateMentions(result, check.change.upsert);
    const seconds = since(start);
    return {
      builder,
      report: {
        graph,
        diff: null,
        full: !cache.body,
        cacheProblem: cache.problem,
        notesChanged: records ? check.changedNotes : files.records.size,
        errors: check.errors,
        seconds,
        timings: { cache: cacheSeconds, files: filesSeconds - cacheSeconds, ...timings, mentions: mentionsSeconds },
        written: builder.write(graph),
      },
    };
  }

  /** Takes in what changed: the named vault paths, or (no argument, or a folder among them) a scan of the whole vault. */
  async update(paths?: Iterable<string>): Promise<BuildReport> {
    const start = now();
    let check: FileCheck = paths ? await this.files.checkPaths(paths) : await this.files.scanAll();
    if (check.needsScan) {
      const scan = await this.files.scanAll();
      // Changes already taken from the named paths are in the records now; add the scan's.
      check = mergeChecks(check, scan);
    }
    const filesSeconds = since(start);
    const result = this.core.apply(check.change, this.options.builtAt?.());
    const { graph, diff, timings } = result;
    const mentionsSeconds = await this.updateMentions(result, check.change.upsert);
    const seconds = since(start);
    return {
      graph,
      diff,
      full: false,
      cacheProblem: null,
      notesChanged: check.changedNotes,
      errors: check.errors,
      seconds,
      timings: { files: filesSeconds, ...timings, mentions: mentionsSeconds },
      written: this.write(graph),
    };
  }

  /** What the cache file keeps. */
  cacheBody(): CacheBody {
    const graph = this.core.graph!;
    const positions: [string, number, number][] = [];
    graph.forEachNode((key, a) => positions.push([key, a.x, a.y]));
    return {
      vault: path.resolve(this.options.vault),
      codeVersion: this.options.codeVersion ?? '',
      extensions: this.files.extensions,
      parseKey: parseKey(this.options.settings),
      records: [...this.files.records],
      others: [...this.files.others],
      positions,
      layoutTicks: graph.getAttribute('layoutTicks') ?? 0,
      mentions: this.mentions?.toCache(),
      ...this.core.cacheParts(),
    };
  }

  /** Writes the cache (when there is a cache file). */
  async saveCache(): Promise<void> {
    if (!this.options.cacheFile) return;
    const previous = this.readSlices;
    this.readSlices = null;
    await saveCache(this.options.cacheFile, this.cacheBody(), previous);
  }

  /**
   * graph.json and the compact files, one write at a time. The graph is serialized on a later
   * turn of the event loop, so the caller (the live session) sends the page its diff first; a
   * write still waiting when the next build ends is folded into that one (it writes the newer graph).
   */
  private write(graph: NotemapGraph): Promise<void> {
    const out = this.options.out;
    if (!out) return Promise.resolve();
    this.writeWanted = true;
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.writeWanted) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.writeWanted = false;
      await writeFileAtomic(out, serializeGraph(graph));
      await writeCompactFiles(out, graph); // the map's compact files beside it, never stale (viewer)
    });
    return this.writing;
  }
}

function mergeChecks(a: FileCheck, b: FileCheck): FileCheck {
  const change = {
    upsert: [...a.change.upsert, ...b.change.upsert],
    remove: [...a.change.remove, ...b.change.remove],
    addFiles: [...a.change.addFiles, ...b.change.addFiles],
    removeFiles: [...a.change.removeFiles, ...b.change.removeFiles],
    fileWarnings: new Map([...a.change.fileWarnings, ...b.change.fileWarnings]),
    scanWarnings: b.change.scanWarnings,
    moved: [...(a.change.moved ?? []), ...(b.change.moved ?? [])],
  };
  return { change, errors: [...a.errors, ...b.errors], changedNotes: a.changedNotes + b.changedNotes, needsScan: false };
}
