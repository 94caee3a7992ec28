/**
 * Figures for the bench (issue 9): one note changed in a vault, rebuilt by
 * the incremental builder in process (as the dev server does: until the
 * diff is ready to send, graph.json is written after) and, when `cli` is
 * given, through the compiled `notemap graph --incremental` (what `npm run
 * graph -- --incremental` runs, minus npm's own start) as a whole process;
 * each against a floor measured in the same run (reading every note file
 * once), so the ratio means something on a busy machine. The note is
 * restored afterwards. scripts/lib/bench-live.ts reports them in `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readFiles } from '../extract/read.js';
import { DEFAULT_NOTE_EXTENSIONS, scanVault } from '../extract/scan.js';
import { IncrementalBuilder } from './incremental-builder.js';

export interface IncrementalFigures {
  notes: number;
  /** Seconds to read every note file once (the floor). */
  floor: number;
  /** The first build (no cache: a full build). */
  fullBuild: number;
  /** One note edited, in process (median of `runs`). */
  oneNote: number;
  /** One note edited, `npm run graph -- --incremental` as a whole process (null when not measured). */
  oneNoteCli: number | null;
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface BenchIncrementalOptions {
  /** Timed one-note rebuilds (the median is reported). Default 3. */
  runs?: number;
  /** Measure the compiled CLI too: `root` holds dist-node/notemap.js; its cache goes under `cacheHome`. */
  cli?: { root: string; cacheHome: string };
}

export async function benchIncremental(vault: string, options: BenchIncrementalOptions = {}): Promise<IncrementalFigures> {
  const runs = options.runs ?? 3;
  const scan = await scanVault(vault, { extensions: DEFAULT_NOTE_EXTENSIONS });
  let start = process.hrtime.bigint();
  await readFiles(scan.notes);
  const floor = seconds(start);
  start = process.hrtime.bigint();
  const { builder } = await IncrementalBuilder.open({ vault, cacheFile: null });
  const fullBuild = seconds(start);
  const note = scan.notes[Math.floor(scan.notes.length / 2)];
  const original = readFileSync(note.absPath);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      appendFileSync(note.absPath, `\nA new line linking [[bench link ${i}]].\n`);
      start = process.hrtime.bigint();
      await builder.update([note.path]);
      times.push(seconds(start));
    }
  } finally {
    writeFileSync(note.absPath, original);
  }
  let oneNoteCli: number | null = null;
  if (options.cli) {
    const { root, cacheHome } = options.cli;
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
    const run = (): number => {
      const t = process.hrtime.bigint();
      const out = path.join(cacheHome, 'bench-graph.json');
      const r = spawnSync(process.execPath, [path.join(root, 'dist-node/notemap.js'), 'graph', vault, '--out', out, '--incremental', '--quiet'], { cwd: root, env, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`notemap graph --incremental failed (exit ${r.status})`);
      return seconds(t);
    };
    run(); // fills the cache
    const cliTimes: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        appendFileSync(note.absPath, `\nA new line linking [[bench link ${i}]].\n`);
        cliTimes.push(run());
      }
    } finally {
      writeFileSync(note.absPath, original);
    }
    oneNoteCli = median(cliTimes);
  }
  return { notes: scan.notes.length, floor, fullBuild, oneNote: median(times), oneNoteCli };
}
