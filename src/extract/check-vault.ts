/**
 * What `npm run check` runs: only the stages link health needs (scan, read,
 * parse, resolve; no graph, metrics or layout), then the health report.
 * The stages are the pipeline's own (./pipeline.ts), never copies.
 */
import type { BuildWarning, HealthReport, MentionsReport } from '../core/contract.js';
import { mentionsStage } from './mentions-stage.js';
import { buildHealth, healthStats, type HealthStats } from './health.js';
import { readParseStage, resolveStage, scanStage } from './pipeline.js';
import { DEFAULT_NOTE_EXTENSIONS } from './scan.js';
import type { PipelineOptions } from './pipeline.js';

export interface CheckOptions {
  /** Note extensions, lower case with the dot. Default .md, .markdown, .txt. */
  extensions?: readonly string[];
  /** Files open at once while reading. Default: read.ts's default. */
  concurrency?: number;
  /** The vault's settings (what the scan leaves out, parse options); their warnings come first. */
  settings?: PipelineOptions['settings'];
  /** Also find unlinked mentions (a second read of the notes). Default false. */
  mentions?: boolean;
}

export interface CheckResult {
  health: HealthReport;
  stats: HealthStats;
  /** Scan, read and parse warnings, in the order found. */
  warnings: BuildWarning[];
  /** Unlinked mentions, when asked for. */
  mentions?: MentionsReport;
}

/** The health of the vault at `vault` (a folder that exists: the caller checks). */
export async function checkVault(vault: string, options: CheckOptions = {}): Promise<CheckResult> {
  const extensions = options.extensions ?? DEFAULT_NOTE_EXTENSIONS;
  const settings = options.settings ?? {};
  const scan = await scanStage(vault, extensions, settings.ignore);
  // Batch by batch, as the build reads: a big vault's texts are never all in memory at once.
  const { notes, warnings } = await readParseStage(scan.notes, { concurrency: options.concurrency, parse: settings.parse });
  const { links } = resolveStage(notes, scan, extensions);
  const health = buildHealth(notes, links);
  const result: CheckResult = { health, stats: healthStats(notes, links, health), warnings: [...(settings.warnings ?? []), ...scan.warnings, ...warnings] };
  if (options.mentions) result.mentions = await mentionsStage(notes, links, scan, extensions, { concurrency: options.concurrency });
  return result;
}
