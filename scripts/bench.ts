/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--runs N] [--dir bench-vaults] [--seed 1] [--json file]`:
 * builds generated vaults (scripts/lib/vault-generator.ts, shaped like real
 * ones) with the real pipeline (src/extract/pipeline.ts) and prints, per
 * stage, seconds, notes per second and the ratio to a floor measured in the
 * same run (read every note file + one wiki-link regex; each run is divided
 * by the floor measured just before it), with peak memory, graph.json bytes
 * and the figures other parts provide (scripts/lib/bench-hooks.ts); then how
 * each stage grows across the sizes and the scale targets' verdicts, and
 * writes it all as JSON (default bench-results.json, gitignored).
 *
 * Each size is measured in its own child process (started with
 * --expose-gc), so peak RSS belongs to that size alone and the garbage of
 * one run is collected before the next. Vaults are generated once into
 * --dir (gitignored) and reused while their options match.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../src/extract/pipeline.js';
import { DEFAULT_CONCURRENCY } from '../src/extract/read.js';
import { DEFAULT_NOTE_EXTENSIONS } from '../src/extract/scan.js';
import { measureFloor } from './lib/bench-floor.js';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureExtras } from './lib/bench-hooks.js';
import { formatSizeTable, formatVerdict, type SizeResult } from './lib/bench-report.js';
import { benchJson, formatGrowthTable, formatVerdicts, scaleVerdicts } from './lib/bench-summary.js';
import { GENERATOR_VERSION, generateVault } from './lib/vault-generator.js';
import { GENERATED_MARKER, OutDirError, prepareOutDir, writeVault } from './lib/write-vault.js';

const HELP = `Usage: npm run bench [-- options]

  --sizes a,b,...   vault sizes in notes (default 1000,10000; the scale claims need 10000,100000)
  --runs N          timed runs per size, each divided by a floor measured just before it,
                    after one untimed warm-up (none above 20,000 notes); medians are
                    reported (default 3, and 1 above 20,000 notes)
  --dir PATH        where generated vaults are kept and reused (default bench-vaults)
  --seed S          generator seed (default 1)
  --json PATH       where the results go as JSON (default bench-results.json)
  -h, --help        show this help`;

interface BenchArgs {
  sizes: number[];
  /** null: the default by size (runsFor). */
  runs: number | null;
  json: string;
  dir: string;
  seed: number;
  /** Internal: measure this vault and print a SizeResult as JSON. */
  child: string | null;
}

function parseArgs(argv: readonly string[]): BenchArgs | null {
  const args: BenchArgs = { sizes: [1000, 10000], runs: null, json: 'bench-results.json', dir: 'bench-vaults', seed: 1, child: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '-h' || flag === '--help') return null;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const int = (name: string, min: number): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${value}"`);
      return n;
    };
    if (flag === '--sizes') args.sizes = value.split(',').map((s) => (Number.isInteger(Number(s)) && Number(s) > 0 ? Number(s) : NaN));
    else if (flag === '--runs') args.runs = int('--runs', 1);
    else if (flag === '--dir') args.dir = value;
    else if (flag === '--json') args.json = value;
    else if (flag === '--seed') args.seed = int('--seed', 0);
    else if (flag === '--child') args.child = value;
    else throw new Error(`unknown option ${flag} (see --help)`);
  }
  if (args.sizes.length === 0 || args.sizes.some((n) => Number.isNaN(n))) throw new Error('--sizes must be positive integers separated by commas');
  return args;
}

/** Generates the vault unless `vault` already holds one made with the same options. */
async function ensureVault(vault: string, notes: number, seed: number): Promise<void> {
  const description = `bench vault ${JSON.stringify({ notes, seed, generator: GENERATOR_VERSION })}`;
  try {
    if (readFileSync(path.join(vault, GENERATED_MARKER), 'utf8').trim() === description) return;
  } catch {
    // No marker: generate below.
  }
  process.stderr.write(`generating ${notes.toLocaleString('en-US')} notes in ${vault} ...\n`);
  await prepareOutDir(vault, true);
  await writeVault(vault, generateVault({ notes, seed }), description);
}

/** Above this size a run is long enough to warm the JIT by itself, and one run is the default. */
const LARGE = 20_000;
const runsFor = (notes: number, asked: number | null): number => asked ?? (notes > LARGE ? 1 : 3);

/**
 * In the child: floor, then the pipeline, `runs` times, with heap samples at
 * stage boundaries; then the optional figures (bench-hooks.ts) on the last
 * build, after peak RSS is read so that they do not count in it.
 */
async function measure(vault: string, runs: number, notes: number): Promise<SizeResult> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const outDir = mkdtempSync(path.join(tmpdir(), 'notemap-bench-'));
  const out = path.join(outDir, 'graph.json');
  let peakHeap = 0;
  let calls = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  // The pipeline reports progress per file; sampling every 256th call keeps the probe's cost out of the timings.
  const progress = { stage: sample, update: () => (++calls % 256 === 0 ? sample() : undefined), done: sample };
  const timer = setInterval(sample, 25);
  const result: SizeResult = { notes: 0, links: 0, runs, floor: [], stages: {}, peakRss: 0, peakHeap: 0, graphBytes: 0, vaultBytes: 0, cpu: [], wall: [] };
  try {
    // One untimed pass first: the parser's regexes and hot functions reach the optimising JIT only after a
    // few thousand notes, and a cold first run measured that, not the steady state. Layout and write are
    // skipped here (their loops warm up within themselves). A large vault warms up within its own run.
    if (notes <= LARGE) {
      await runPipeline(vault, { layoutTicks: 0 });
      await measureFloor(vault, DEFAULT_NOTE_EXTENSIONS, DEFAULT_CONCURRENCY);
    }
    let last: Awaited<ReturnType<typeof runPipeline>> | null = null;
    for (let run = 0; run < runs; run++) {
      gc();
      const floorCpu = process.cpuUsage();
      const floor = await measureFloor(vault, DEFAULT_NOTE_EXTENSIONS, DEFAULT_CONCURRENCY);
      const floorUsed = process.cpuUsage(floorCpu);
      result.floor.push(floor.seconds);
      (result.floorCpu ??= []).push((floorUsed.user + floorUsed.system) / 1e6);
      result.vaultBytes = floor.bytes;
      gc();
      const cpuStart = process.cpuUsage();
      const wallStart = process.hrtime.bigint();
      const built = await runPipeline(vault, { out, progress, builtAt: '2000-01-01T00:00:00.000Z', concurrency: DEFAULT_CONCURRENCY });
      result.wall.push(Number(process.hrtime.bigint() - wallStart) / 1e9);
      const cpu = process.cpuUsage(cpuStart);
      result.cpu.push((cpu.user + cpu.system) / 1e6);
      sample();
      for (const [stage, seconds] of Object.entries(built.timings)) (result.stages[stage] ??= []).push(seconds);
      for (const [stage, seconds] of Object.entries(built.cpuTimings)) ((result.cpuStages ??= {})[stage] ??= []).push(seconds);
      result.notes = built.stats.notes;
      result.links = built.stats.links;
      result.graphBytes = built.bytes;
      // Only the last build is kept (for the optional figures): an earlier one would weigh on the next run.
      if (run === runs - 1) last = built;
    }
    result.peakHeap = peakHeap;
    result.peakRss = process.resourceUsage().maxRSS * 1024;
    clearInterval(timer);
    if (last) {
      const floorSeconds = [...result.floor].sort((a, b) => a - b)[result.floor.length >> 1];
      const { extras, errors } = await measureExtras({ vault, graphPath: out, graph: last.graph, floorSeconds });
      result.extras = extras;
      result.extrasErrors = errors;
    }
  } finally {
    clearInterval(timer);
    rmSync(outDir, { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<void> {
  let args: BenchArgs | null;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    process.exit(2);
  }
  if (!args) {
    process.stdout.write(HELP + '\n');
    return;
  }
  if (args.child) {
    const notes = Number(/notes-(\d+)-/.exec(path.basename(args.child))?.[1] ?? 0);
    process.stdout.write(JSON.stringify(await measure(args.child, runsFor(notes, args.runs), notes)) + '\n');
    return;
  }

  const self = fileURLToPath(import.meta.url);
  const results: SizeResult[] = [];
  for (const size of args.sizes) {
    const vault = path.resolve(args.dir, `notes-${size}-seed-${args.seed}`);
    await ensureVault(vault, size, args.seed);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', vault, '--runs', String(runsFor(size, args.runs))], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`measuring ${vault} failed (exit ${child.status})`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as SizeResult;
    results.push(result);
    process.stdout.write('\n' + formatSizeTable(result) + '\n');
  }
  if (results.length > 1) process.stdout.write('\n' + formatGrowthTable(results) + '\n');
  // The parse target is stated at 10,000 notes; without that size, judge the largest measured.
  const target = results.find((r) => r.notes === 10000) ?? results.reduce((a, b) => (b.notes > a.notes ? b : a));
  process.stdout.write('\n' + formatVerdict(target) + '\n');
  const verdicts = scaleVerdicts(results);
  if (verdicts.length > 0) process.stdout.write(formatVerdicts(verdicts) + '\n');
  const json = benchJson(results, { generatedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, seed: args.seed });
  writeFileSync(args.json, JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(`results written to ${args.json}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof OutDirError ? err.message : err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
