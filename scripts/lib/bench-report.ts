/**
 * Pure helpers of the bench: medians over runs, the per-stage table and the
 * 3x-floor verdict, so the numbers' arithmetic is tested apart from timing.
 * Across sizes (growth, the scale targets, the JSON): bench-summary.ts.
 */
import { EXTRA_COLUMNS, type BenchExtras } from './bench-hooks.js';

/** What one child process measured on one vault, over several runs. */
export interface SizeResult {
  notes: number;
  links: number;
  runs: number;
  /** Per run, seconds: floor and every pipeline stage (keyed as the pipeline's StageTimings). */
  floor: number[];
  stages: Record<string, number[]>;
  /** Peak resident set of the measuring process over the timed runs, bytes (resourceUsage().maxRSS). */
  peakRss: number;
  /** Highest heapUsed sampled at stage boundaries, every 256th progress update and every 25 ms, bytes. */
  peakHeap: number;
  /** graph.json size, bytes. */
  graphBytes: number;
  vaultBytes: number;
  /** Per run: process CPU seconds and wall seconds of the pipeline (CPU/wall well below 1 means a busy machine). */
  cpu: number[];
  wall: number[];
  /** Per run, process CPU seconds of the floor and of every stage (steadier than wall times on a busy machine). */
  floorCpu?: number[];
  cpuStages?: Record<string, number[]>;
  /** Figures other parts provide (bench-hooks.ts); null where their provider has not landed. */
  extras?: BenchExtras;
  /** Providers that threw, with their message. */
  extrasErrors?: string[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Listing, reading and parsing the notes. */
const READ_STAGES = ['scan', 'read', 'parse'] as const;
/** Stages the 3x target is about. */
export const TARGET_STAGES = [...READ_STAGES, 'resolve'] as const;
/** Building the graph, its metrics and its health report. */
const GRAPH_STAGES = ['build', 'measure', 'health'] as const;
/** Every pipeline stage, in pipeline order (mentions: unlinked mentions, part of every build). */
export const ALL_STAGES = [...TARGET_STAGES, ...GRAPH_STAGES, 'mentions', 'layout', 'write'] as const;

/** The rows the bench prints, as [label, stage keys summed]. */
export const BENCH_ROWS: readonly (readonly [string, readonly string[]])[] = [
  ['scan+read+parse', READ_STAGES],
  ...READ_STAGES.map((stage) => [`  ${stage}`, [stage]] as const),
  ['resolve', ['resolve']],
  ['scan+parse+resolve', TARGET_STAGES],
  ['build+metrics+health', GRAPH_STAGES],
  ...GRAPH_STAGES.map((stage) => [`  ${stage}`, [stage]] as const),
  ['mentions', ['mentions']],
  ['layout', ['layout']],
  ['write', ['write']],
  ['total', ALL_STAGES],
];

/** Per run, the sum of the stages `keys` (in seconds). */
function runSums(result: SizeResult, keys: readonly string[]): number[] {
  return Array.from({ length: result.runs }, (_, i) => keys.reduce((s, k) => s + (result.stages[k]?.[i] ?? 0), 0));
}

/** Median over runs of the per-run sum of `keys` (summing first keeps a run's stages together). */
export function medianOfSum(result: SizeResult, keys: readonly string[]): number {
  return median(runSums(result, keys));
}

/**
 * How many floors the stages `keys` took in each run: the run's sum over the
 * floor measured just before it in the same process. Pairing a run with its
 * own floor cancels the drift of a shared machine (both slow down together),
 * which a ratio of two medians does not.
 */
export function runRatios(result: SizeResult, keys: readonly string[]): number[] {
  return runSums(result, keys).map((seconds, i) => seconds / result.floor[i]);
}

/** The median over runs of runRatios. */
export function medianFloorRatio(result: SizeResult, keys: readonly string[]): number {
  return median(runRatios(result, keys));
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The same result with CPU seconds in place of wall seconds (null when not measured). */
export function cpuView(result: SizeResult): SizeResult | null {
  if (!result.cpuStages || !result.floorCpu) return null;
  return { ...result, floor: result.floorCpu, stages: result.cpuStages };
}

/** The CPU columns of a row: CPU seconds and CPU ratio to the floor's CPU (keys null: the floor). */
function cpuCells(result: SizeResult, keys: readonly string[] | null): string {
  const cpu = cpuView(result);
  if (!cpu) return '';
  const s = keys ? medianOfSum(cpu, keys) : median(cpu.floor);
  const ratio = keys ? medianFloorRatio(cpu, keys) : 1;
  return `${s.toFixed(3).padStart(9)}${ratio.toFixed(2).padStart(13)}`;
}

/** The table for one vault size. */
export function formatSizeTable(result: SizeResult): string {
  const floor = median(result.floor);
  const lines = [
    `${fmtInt(result.notes)} notes, ${fmtInt(result.links)} links, ${mb(result.vaultBytes)} of notes; median of ${result.runs} run(s), each run against its own floor`,
    `${'stage'.padEnd(22)}${'seconds'.padStart(9)}${'notes/s'.padStart(12)}${'x floor'.padStart(9)}${'cpu s'.padStart(9)}${'cpu x floor'.padStart(13)}`,
    `${'floor (read + regex)'.padEnd(22)}${floor.toFixed(3).padStart(9)}${fmtInt(result.notes / floor).padStart(12)}${'1.00'.padStart(9)}${cpuCells(result, null)}`,
  ];
  for (const [label, keys] of BENCH_ROWS) {
    const s = medianOfSum(result, keys);
    const ratio = medianFloorRatio(result, keys);
    lines.push(`${label.padEnd(22)}${s.toFixed(3).padStart(9)}${(s > 0 ? fmtInt(result.notes / s) : '-').padStart(12)}${ratio.toFixed(2).padStart(9)}${cpuCells(result, keys)}`);
  }
  lines.push(`where the time goes: ${timeShares(result).slice(0, 3).map(([stage, share]) => `${stage} ${(share * 100).toFixed(0)}%`).join(', ')}`);
  const added = mentionsShare(result);
  if (!Number.isNaN(added)) lines.push(`unlinked mentions add ${(added * 100).toFixed(1)}% to the rest of the build (${cpuView(result) ? 'CPU' : 'wall'} seconds; at most ${MENTIONS_SHARE_LIMIT * 100}%)`);
  const share = median(result.cpu.map((c, i) => c / result.wall[i]));
  lines.push(`process CPU / wall time during the pipeline: ${share.toFixed(2)}${share < 0.8 ? ' (the machine was busy: wall times are inflated, ratios less so)' : ''}`);
  lines.push(`peak RSS ${mb(result.peakRss)}, peak heap used ${mb(result.peakHeap)}, graph.json ${fmtInt(result.graphBytes)} bytes (${mb(result.graphBytes)})`);
  for (const { key, label, owner, provider } of EXTRA_COLUMNS) {
    const value = result.extras?.[key] ?? null;
    lines.push(`${label}: ${value === null ? `- (not yet: ${owner} provides ${provider})` : Number.isInteger(value) ? fmtInt(value) : value.toFixed(3)}`);
  }
  for (const error of result.extrasErrors ?? []) lines.push(`provider failed: ${error}`);
  return lines.join('\n');
}

/** Issue 14.1: the unlinked-mentions stage adds at most this much to the rest of the build. */
export const MENTIONS_SHARE_LIMIT = 0.2;

/**
 * What the mentions stage adds to the build: per run, its seconds over the
 * other stages' (CPU seconds when measured: steadier on a busy machine), the
 * median over runs. NaN without a mentions stage.
 */
export function mentionsShare(result: SizeResult): number {
  const view = cpuView(result) ?? result;
  const mentions = view.stages.mentions;
  if (!mentions) return NaN;
  const others = Object.keys(view.stages).filter((s) => s !== 'mentions');
  return median(runSums(view, others).map((rest, i) => (rest > 0 ? mentions[i] / rest : NaN)));
}

/** Each pipeline stage's share of the total (medians), largest first. */
export function timeShares(result: SizeResult): [string, number][] {
  const stages = Object.keys(result.stages);
  const total = medianOfSum(result, stages);
  return stages
    .map((stage): [string, number] => [stage, total > 0 ? median(result.stages[stage]) / total : 0])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Ratio of scan+parse+resolve to the floor (median of the per-run ratios). */
export function floorRatio(result: SizeResult): number {
  return medianFloorRatio(result, TARGET_STAGES);
}

/** The target line: "scan+parse+resolve within 3x floor at 10,000 notes: yes (2.41x; runs: 2.38, 2.41, 2.60)". */
export function formatVerdict(result: SizeResult, limit = 3): string {
  const ratio = floorRatio(result);
  const runs = runRatios(result, TARGET_STAGES).map((r) => r.toFixed(2)).join(', ');
  return `scan+parse+resolve within ${limit}x floor at ${fmtInt(result.notes)} notes: ${ratio <= limit ? 'yes' : 'no'} (${ratio.toFixed(2)}x; runs: ${runs})`;
}
