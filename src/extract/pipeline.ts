/**
 * The extraction pipeline as named, timed stages:
 * scan -> read+parse (in batches) -> resolve -> build -> measure -> health -> layout -> write.
 * `scripts/build-graph.ts` (the CLI) and `scripts/bench.ts` both call
 * `runPipeline`; the stages are exported too for tests that need to act
 * between them (e.g. delete a file after the scan).
 */
import path from 'node:path';
import type { BuildWarning, GraphStats, HealthReport, VaultView } from '../core/contract.js';
import { buildGraph, type NotemapGraph } from './build-graph.js';
import { assignHealth, buildHealth } from './health.js';
import { layoutTicks } from '../core/forces.js';
import { detectVaultApp } from './vault-app.js';
import { layoutGraph } from './layout.js';
import { measureGraph } from './metrics.js';
import { mentionsStage } from './mentions-stage.js';
import { addFileCreatedDates } from './file-created.js';
import { parseNote, titleFromFileName } from './parse-note.js';
import { createProgress, type Progress } from './progress.js';
import { readFiles, type ReadFile } from './read.js';
import { buildResolveIndex, resolveLinks, type ResolveIndex, type ResolveResult } from './resolve.js';
import { DEFAULT_NOTE_EXTENSIONS, scanVault, type ScanResult } from './scan.js';
import type { ParsedNote, ParseOptions, ScannedFile } from './types.js';
import type { PathMatcher } from '../config/glob.js';
import { omitUnpublished } from './publish.js';
import { serializeGraphChunks, writeFileAtomic } from './write.js';
import { detachNote } from './detach.js';
import { writeCompactFiles } from './compact.js';

export interface PipelineOptions {
  /** Note extensions, lower case with the dot. Default .md, .markdown, .txt. */
  extensions?: readonly string[];
  /** `builtAt` to record. Default: now. */
  builtAt?: string;
  /** Where to write graph.json; null or absent: build in memory only. */
  out?: string | null;
  /** Files open at once while reading. Default 64. */
  concurrency?: number;
  /** Layout ticks; default from `layoutTicks(node count)`; 0 keeps d3's starting spiral (no force run). */
  layoutTicks?: number;
  /** Find unlinked mentions (graph attribute `mentions`). Default true. */
  mentions?: boolean;
  /** Progress display; default none. */
  progress?: Progress;
  /** The vault's settings (src/config/load.ts): what the scan leaves out, parse options, the map's view defaults. */
  settings?: { ignore?: PathMatcher; parse?: ParseOptions; view?: VaultView; warnings?: readonly BuildWarning[] };
  /** Leave out drafts and `publish: false` notes with every link to or from them (the static site). */
  omitDrafts?: boolean;
}

/** Seconds spent in each stage. */
export interface StageTimings {
  scan: number;
  read: number;
  parse: number;
  resolve: number;
  build: number;
  measure: number;
  health: number;
  /** Unlinked mentions (mentions-stage.ts): a second read of the notes and one automaton pass. */
  mentions: number;
  layout: number;
  write: number;
}

export interface PipelineResult {
  graph: NotemapGraph;
  notes: ParsedNote[];
  resolved: ResolveResult;
  stats: GraphStats;
  health: HealthReport;
  /** Every warning, sorted (the same list as the graph's `warnings` attribute). */
  warnings: BuildWarning[];
  timings: StageTimings;
  /**
   * Process CPU seconds in each stage (every thread: the reads' thread pool
   * included). On a busy machine wall times grow with the load, CPU times
   * hardly: the bench reports both.
   */
  cpuTimings: StageTimings;
  /** Bytes of graph.json (0 when not written). */
  bytes: number;
  /** Notes left out as drafts or `publish: false` (options.omitDrafts), else 0. */
  omitted: number;
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** The scan stage. */
export function scanStage(vault: string, extensions: readonly string[], ignore?: PathMatcher): Promise<ScanResult> {
  return scanVault(vault, { extensions, ignore });
}

/**
 * One read file through `parseNote`: its note (null when the file could not
 * be read) and its warnings, read warnings first. A parser exception (a bug,
 * not bad content) still keeps the note, under its file name, with a warning.
 */
function parseRead(read: ReadFile, parse?: ParseOptions): { note: ParsedNote | null; warnings: BuildWarning[] } {
  if (read.text === null) return { note: null, warnings: read.warnings };
  const warnings = [...read.warnings];
  let note: ParsedNote;
  try {
    note = parseNote(read.text, read.file.path, parse);
  } catch (err) {
    note = fallbackNote(read.file.path);
    warnings.push({ file: read.file.path, message: `could not be parsed, kept without links: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (read.tooLarge) note = { ...note, links: [] };
  warnings.push(...note.warnings);
  // Copies out the strings that would otherwise keep the whole text alive (detach.ts).
  return { note: detachNote(note), warnings };
}

/** Parses `files` into `notes` and `warnings` (appended); a file that could not be read is left out. */
function parseInto(files: readonly ReadFile[], notes: ParsedNote[], warnings: BuildWarning[], parse?: ParseOptions): void {
  for (const read of files) {
    const parsed = parseRead(read, parse);
    warnings.push(...parsed.warnings);
    if (parsed.note) notes.push(parsed.note);
  }
}

/** The parse stage on files read beforehand, all at once (readParseStage does it batch by batch). */
export function parseStage(files: readonly ReadFile[], parse?: ParseOptions): { notes: ParsedNote[]; warnings: BuildWarning[] } {
  const notes: ParsedNote[] = [];
  const warnings: BuildWarning[] = [];
  parseInto(files, notes, warnings, parse);
  return { notes, warnings };
}

/** The resolve stage: the lookup index of `notes` and the vault's other files, then every link through it. */
export function resolveStage(notes: readonly ParsedNote[], scan: ScanResult, extensions: readonly string[], keepIndex?: (index: ResolveIndex) => void): ResolveResult {
  const index = buildResolveIndex(notes, scan.others.map((f) => f.path), extensions);
  keepIndex?.(index); // the mentions stage resolves with it too (mentions, 14.1)
  return resolveLinks(notes, index);
}

/** Files read, then parsed, per batch in runPipeline. */
export const READ_PARSE_BATCH = 2048;

/**
 * The read and parse stages in batches: read `batch` files (with bounded concurrency),
 * parse them, go on with the next batch, so that at most one batch of texts
 * is alive at a time. Same notes and warnings, in the same (scan) order, as
 * readFiles then parseStage over all files, and each stage's seconds.
 *
 * Why not parse each file as soon as it is read, inside the reader: measured
 * on a 10,000-note vault, that was 15-30% slower than reading then parsing
 * (the reads wait while the parser holds the thread), batches are not.
 */
export async function readParseStage(
  files: readonly ScannedFile[],
  options: { concurrency?: number; progress?: Progress; batch?: number; parse?: ParseOptions } = {},
): Promise<{ notes: ParsedNote[]; warnings: BuildWarning[]; readSeconds: number; parseSeconds: number; readCpu: number; parseCpu: number }> {
  const batch = Math.max(1, options.batch ?? READ_PARSE_BATCH);
  const progress = options.progress;
  const notes: ParsedNote[] = [];
  const warnings: BuildWarning[] = [];
  let readSeconds = 0;
  let parseSeconds = 0;
  let readCpu = 0;
  let parseCpu = 0;
  for (let from = 0; from < files.length; from += batch) {
    let start = process.hrtime.bigint();
    let cpu = process.cpuUsage();
    const read = await readFiles(files.slice(from, from + batch), {
      concurrency: options.concurrency,
      onFile: (done) => progress?.update(from + done),
    });
    readSeconds += seconds(start);
    readCpu += cpuSeconds(cpu);
    start = process.hrtime.bigint();
    cpu = process.cpuUsage();
    parseInto(read, notes, warnings, options.parse);
    parseSeconds += seconds(start);
    parseCpu += cpuSeconds(cpu);
  }
  return { notes, warnings, readSeconds, parseSeconds, readCpu, parseCpu };
}

/** A note with nothing but its file name, for a file the parser choked on. */
function fallbackNote(file: string): ParsedNote {
  return {
    path: file,
    title: titleFromFileName(file),
    tags: [],
    aliases: [],
    summary: '',
    created: null,
    updated: null,
    draft: false,
    words: 0,
    links: [],
    warnings: [],
  };
}

/** Runs every stage on `vault` and, when `options.out` is set, writes graph.json. */
export async function runPipeline(vault: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const extensions = options.extensions ?? DEFAULT_NOTE_EXTENSIONS;
  const progress = options.progress ?? createProgress({ enabled: false });
  const timings: StageTimings = { scan: 0, read: 0, parse: 0, resolve: 0, build: 0, measure: 0, health: 0, mentions: 0, layout: 0, write: 0 };
  const cpuTimings: StageTimings = { ...timings };
  const timed = async <T>(stage: keyof StageTimings, run: () => T | Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const result = await run();
    timings[stage] += seconds(start);
    cpuTimings[stage] += cpuSeconds(cpu);
    return result;
  };

  const settings = options.settings ?? {};
  const scan = await timed('scan', () => scanStage(vault, extensions, settings.ignore));
  progress.stage('read', scan.notes.length);
  // Read and parse batch by batch (see readParseStage), each stage timed on its own.
  const parsed = await readParseStage(scan.notes, { concurrency: options.concurrency, progress, parse: settings.parse });
  timings.read += parsed.readSeconds;
  timings.parse += parsed.parseSeconds;
  cpuTimings.read += parsed.readCpu;
  cpuTimings.parse += parsed.parseCpu;
  let notes = parsed.notes;
  // Notes the frontmatter does not date get their file's creation time (counted as reading: a stat each).
  await timed('read', () => addFileCreatedDates(notes, vault, options.concurrency));
  let resolveIndex: ResolveIndex | undefined;
  let resolved = await timed('resolve', () => resolveStage(notes, scan, extensions, (index) => (resolveIndex = index)));
  let buildWarnings = [...(settings.warnings ?? []), ...scan.warnings, ...parsed.warnings];
  let omitted = 0;
  if (options.omitDrafts) ({ notes, resolved, warnings: buildWarnings, omitted } = omitUnpublished(notes, resolved, buildWarnings));
  const graph = await timed('build', () =>
    buildGraph({
      notes,
      resolved,
      vault: path.basename(path.resolve(vault)),
      builtAt: options.builtAt ?? new Date().toISOString(),
      warnings: buildWarnings,
    }),
  );
  // Which "Open in ..." the map offers (mapread, issue 10.8).
  graph.setAttribute('vaultApp', detectVaultApp(vault));
  if (settings.view && Object.keys(settings.view).length) graph.setAttribute('view', settings.view);
  const stats = await timed('measure', () => measureGraph(graph));
  const health = await timed('health', () => {
    const report = buildHealth(notes, resolved.links);
    assignHealth(graph, report);
    return report;
  });
  if (options.mentions !== false) {
    // With drafts left out the names resolve otherwise: then the stage builds its own index.
    const index = omitted === 0 ? resolveIndex : undefined;
    const mentions = await timed('mentions', () => mentionsStage(notes, resolved.links, scan, extensions, { concurrency: options.concurrency, index }));
    graph.setAttribute('mentions', mentions);
  }
  resolveIndex = undefined;
  await timed('layout', () => {
    const planned = options.layoutTicks ?? layoutTicks(graph.order);
    progress.stage('layout', planned);
    const ticks = layoutGraph(graph, { ticks: planned, onTick: (done) => progress.update(done) });
    // The map's worker goes on from the alpha these ticks cooled to.
    graph.setAttribute('layoutTicks', ticks);
    return ticks;
  });
  progress.done();
  let bytes = 0;
  if (options.out) {
    const out = options.out;
    // Streamed: the chunks are made as they are written, never all held at once.
    bytes = await timed('write', () => writeFileAtomic(out, serializeGraphChunks(graph)));
    await timed('write', () => writeCompactFiles(out, graph)); // the map's compact files beside it (viewer)
  }
  return { graph, notes, resolved, stats, health, warnings: graph.getAttribute('warnings'), timings, cpuTimings, bytes, omitted };
}
