/**
 * The bench across sizes: how each stage grows with the vault (the claim:
 * at most n log n), the scale targets of issue 8 (the whole build within 18x
 * the floor at 10,000 notes; 100,000 notes within 60 s and 1.5 GB), and the
 * JSON the bench writes (bench-results.json). Pure, so tested apart from timing.
 */
import { ALL_STAGES, BENCH_ROWS, cpuView, median, medianFloorRatio, medianOfSum, mentionsShare, MENTIONS_SHARE_LIMIT, type SizeResult } from './bench-report.js';
import { EMPTY_EXTRAS, type BenchExtras } from './bench-hooks.js';

/** Whole build at 10,000 notes: at most this many floors. */
export const BUILD_FLOOR_LIMIT = 18;
/** 100,000 notes: at most this many seconds and bytes of peak RSS. */
export const LARGE_SECONDS_LIMIT = 60;
export const LARGE_RSS_LIMIT = 1.5 * 1024 ** 3;

/**
 * The exponent k in seconds ~ notes^k between two sizes: 1 for linear; n log n
 * gives 1.10 from 10,000 to 100,000 notes (10 x ln 1e5 / ln 1e4 = 12.5 = 10^1.10)
 * and 1.12 from 1,000 to 10,000; quadratic gives 2.
 */
export function growthExponent(notesA: number, secondsA: number, notesB: number, secondsB: number): number {
  if (notesA === notesB || secondsA <= 0 || secondsB <= 0) return NaN;
  return Math.log(secondsB / secondsA) / Math.log(notesB / notesA);
}

/** Above this exponent a stage grows faster than n log n (with room for a shared machine's noise). */
export const SUPERLINEAR_EXPONENT = 1.25;

/** One stage row across sizes: median seconds and floor ratio per size, and its growth exponent. */
export interface GrowthRow {
  label: string;
  seconds: number[];
  ratios: number[];
  /** k in time ~ notes^k, relative to the floor (see growthRows), between the smallest and the largest size; NaN with one size. */
  exponent: number;
}

/**
 * Rows across sizes. The exponent is judged against the floor (which reads every
 * file once: linear by definition): k = 1 + log(ratio growth) / log(size growth),
 * on CPU seconds when every size has them. On a shared machine wall seconds
 * grow with the load of the moment (the floor itself seemed to grow as n^1.45
 * in one busy run); the floor ratio and CPU time cancel most of that.
 */
export function growthRows(results: readonly SizeResult[]): GrowthRow[] {
  const sorted = [...results].sort((a, b) => a.notes - b.notes);
  const cpu = sorted.map(cpuView);
  const judged = cpu.every((c) => c !== null) ? (cpu as SizeResult[]) : sorted;
  const first = 0;
  const last = sorted.length - 1;
  const rows: [string, readonly string[]][] = [['floor', []], ...BENCH_ROWS.map(([label, keys]) => [label.trim(), keys] as [string, readonly string[]])];
  return rows.map(([label, keys]) => {
    const secondsOf = (r: SizeResult): number => (keys.length === 0 ? median(r.floor) : medianOfSum(r, keys));
    const ratioOf = (r: SizeResult): number => (keys.length === 0 ? 1 : medianFloorRatio(r, keys));
    const a = ratioOf(judged[first]);
    const b = ratioOf(judged[last]);
    return {
      label,
      seconds: sorted.map(secondsOf),
      ratios: sorted.map(ratioOf),
      exponent: sorted.length > 1 && a > 0 && b > 0 ? 1 + growthExponent(sorted[first].notes, a, sorted[last].notes, b) : NaN,
    };
  });
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The growth table: per row, seconds (and x floor) at each size, then the exponent. */
export function formatGrowthTable(results: readonly SizeResult[]): string {
  const sizes = [...results].sort((a, b) => a.notes - b.notes).map((r) => r.notes);
  const head = `${'stage'.padEnd(22)}${sizes.map((n) => `${fmtInt(n)} notes: s (x floor)`.padStart(30)).join('')}${'growth k'.padStart(10)}`;
  const lines = [`time ~ notes^k between ${fmtInt(sizes[0])} and ${fmtInt(sizes[sizes.length - 1])} notes, judged by the ratio to the floor (CPU when measured; n log n: k <= ${SUPERLINEAR_EXPONENT})`, head];
  for (const row of growthRows(results)) {
    const cells = row.seconds.map((s, i) => `${s.toFixed(3)} (${row.ratios[i].toFixed(2)})`.padStart(30)).join('');
    const k = Number.isNaN(row.exponent) ? '-' : `${row.exponent.toFixed(2)}${row.exponent > SUPERLINEAR_EXPONENT ? ' !' : ''}`;
    lines.push(`${row.label.padEnd(22)}${cells}${k.padStart(10)}`);
  }
  return lines.join('\n');
}

export interface Verdict {
  claim: string;
  ok: boolean;
  detail: string;
}

/** The scale targets that the measured sizes can judge (none for a size not measured). */
export function scaleVerdicts(results: readonly SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const at10k = results.find((r) => r.notes === 10_000);
  if (at10k) {
    const ratio = medianFloorRatio(at10k, ALL_STAGES);
    verdicts.push({ claim: `whole build within ${BUILD_FLOOR_LIMIT}x floor at 10,000 notes`, ok: ratio <= BUILD_FLOOR_LIMIT, detail: `${ratio.toFixed(2)}x` });
  }
  const at100k = results.find((r) => r.notes === 100_000);
  if (at100k) {
    const total = medianOfSum(at100k, ALL_STAGES);
    verdicts.push({ claim: `100,000 notes built within ${LARGE_SECONDS_LIMIT} s`, ok: total <= LARGE_SECONDS_LIMIT, detail: `${total.toFixed(1)} s (${medianFloorRatio(at100k, ALL_STAGES).toFixed(2)}x floor)` });
    // On a machine shared with other work, the wall clock counts their time too; the process's CPU time does not.
    const cpu = cpuView(at100k);
    if (cpu) {
      const cpuTotal = medianOfSum(cpu, ALL_STAGES);
      verdicts.push({
        claim: `100,000 notes built within ${LARGE_SECONDS_LIMIT} s of CPU time (the wall clock of an idle machine)`,
        ok: cpuTotal <= LARGE_SECONDS_LIMIT,
        detail: `${cpuTotal.toFixed(1)} s (${medianFloorRatio(cpu, ALL_STAGES).toFixed(2)}x the floor's CPU)`,
      });
    }
    verdicts.push({ claim: '100,000 notes built within 1.5 GB peak RSS', ok: at100k.peakRss <= LARGE_RSS_LIMIT, detail: `${(at100k.peakRss / 1024 ** 3).toFixed(2)} GB` });
  }
  // Issue 14.1: unlinked mentions add at most 20% to the build at 10,000 and 100,000 notes.
  for (const r of results.filter((r) => r.notes === 10_000 || r.notes === 100_000)) {
    const share = mentionsShare(r);
    if (Number.isNaN(share)) continue;
    verdicts.push({
      claim: `unlinked mentions add at most ${MENTIONS_SHARE_LIMIT * 100}% to the build at ${r.notes.toLocaleString('en-US')} notes`,
      ok: share <= MENTIONS_SHARE_LIMIT,
      detail: `${(share * 100).toFixed(1)}%`,
    });
  }
  // Growth is judged from 10,000 notes up: below, fixed costs and a busy machine's noise dominate.
  const large = results.filter((r) => r.notes >= 10_000);
  for (const row of large.length > 1 ? growthRows(large) : []) {
    if (row.label === 'floor' || !(ALL_STAGES as readonly string[]).includes(row.label) || Number.isNaN(row.exponent)) continue;
    if (row.exponent > SUPERLINEAR_EXPONENT) verdicts.push({ claim: `${row.label} grows at most n log n`, ok: false, detail: `k = ${row.exponent.toFixed(2)}` });
  }
  return verdicts;
}

export const formatVerdicts = (verdicts: readonly Verdict[]): string =>
  verdicts.map((v) => `${v.claim}: ${v.ok ? 'yes' : 'no'} (${v.detail})`).join('\n');

/** One size in the JSON: medians and ratios ready to read, plus every run's raw numbers. */
export interface SizeJson {
  notes: number;
  links: number;
  runs: number;
  floorSeconds: number;
  stages: Record<string, { seconds: number; ratio: number }>;
  totalSeconds: number;
  totalRatio: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  graphBytes: number;
  vaultBytes: number;
  extras: BenchExtras;
  extrasErrors: string[];
  /** The same medians in process CPU seconds (null when not measured). */
  cpu: { floorSeconds: number; stages: Record<string, { seconds: number; ratio: number }>; totalSeconds: number; totalRatio: number } | null;
  raw: { floor: number[]; stages: Record<string, number[]>; cpu: number[]; wall: number[]; floorCpu?: number[]; cpuStages?: Record<string, number[]> };
}

export interface BenchJson {
  generatedAt: string;
  node: string;
  cpus: number;
  seed: number;
  sizes: SizeJson[];
  verdicts: Verdict[];
}

function stageMedians(r: SizeResult): SizeJson['stages'] {
  const stages: SizeJson['stages'] = {};
  for (const stage of ALL_STAGES) stages[stage] = { seconds: medianOfSum(r, [stage]), ratio: medianFloorRatio(r, [stage]) };
  return stages;
}

export function sizeJson(r: SizeResult): SizeJson {
  const stages = stageMedians(r);
  const cpu = cpuView(r);
  return {
    notes: r.notes,
    links: r.links,
    runs: r.runs,
    floorSeconds: median(r.floor),
    stages,
    totalSeconds: medianOfSum(r, ALL_STAGES),
    totalRatio: medianFloorRatio(r, ALL_STAGES),
    peakRssBytes: r.peakRss,
    peakHeapBytes: r.peakHeap,
    graphBytes: r.graphBytes,
    vaultBytes: r.vaultBytes,
    extras: { ...EMPTY_EXTRAS, ...r.extras },
    extrasErrors: r.extrasErrors ?? [],
    cpu: cpu && {
      floorSeconds: median(cpu.floor),
      stages: stageMedians(cpu),
      totalSeconds: medianOfSum(cpu, ALL_STAGES),
      totalRatio: medianFloorRatio(cpu, ALL_STAGES),
    },
    raw: { floor: r.floor, stages: r.stages, cpu: r.cpu, wall: r.wall, floorCpu: r.floorCpu, cpuStages: r.cpuStages },
  };
}

export function benchJson(results: readonly SizeResult[], meta: { generatedAt: string; node: string; cpus: number; seed: number }): BenchJson {
  return { ...meta, sizes: results.map(sizeJson), verdicts: scaleVerdicts(results) };
}
