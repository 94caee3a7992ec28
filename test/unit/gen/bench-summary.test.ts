/**
 * The bench across sizes: growth exponents, the scale verdicts of issue 8,
 * the JSON it writes, and the optional figures' empty state (arithmetic
 * only: no timing is measured here).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { compactBytes, EXTRA_COLUMNS, layoutFigures } from '../../../scripts/lib/bench-hooks.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';
import { formatSizeTable, type SizeResult } from '../../../scripts/lib/bench-report.js';
import { benchJson, formatGrowthTable, growthExponent, growthRows, scaleVerdicts } from '../../../scripts/lib/bench-summary.js';

const STAGES = ['scan', 'read', 'parse', 'resolve', 'build', 'measure', 'health', 'mentions', 'layout', 'write'];

/** A one-run result whose every stage takes `perStage` seconds against a floor of `floor`. */
function sized(notes: number, floor: number, perStage: Record<string, number>, peakRss = 100e6): SizeResult {
  return {
    notes,
    links: notes * 3,
    runs: 1,
    floor: [floor],
    stages: Object.fromEntries(STAGES.map((s) => [s, [perStage[s] ?? 0.1]])),
    peakRss,
    peakHeap: peakRss / 2,
    graphBytes: notes * 1200,
    vaultBytes: notes * 2000,
    cpu: [1],
    wall: [1],
  };
}

describe('growth across sizes', () => {
  it('is 1 for linear, 2 for quadratic', () => {
    expect(growthExponent(10_000, 1, 100_000, 10)).toBeCloseTo(1);
    expect(growthExponent(10_000, 1, 100_000, 100)).toBeCloseTo(2);
    expect(growthExponent(10_000, 1, 10_000, 3)).toBeNaN();
  });

  it('judges growth against the floor: a busy machine slowing both does not count', () => {
    // The floor took 20x longer at 10x the notes (load), and so did layout: linear against the floor.
    const rows = growthRows([sized(10_000, 0.5, { layout: 1 }), sized(100_000, 10, { layout: 20 })]);
    expect(rows.find((r) => r.label === 'layout')!.exponent).toBeCloseTo(1);
  });

  it('flags a stage that grows faster than n log n, and no other', () => {
    const small = sized(10_000, 0.5, { health: 1 });
    const large = sized(100_000, 5, { health: 100, layout: 1.2 });
    const rows = growthRows([large, small]);
    const health = rows.find((r) => r.label === 'health')!;
    expect(health.seconds).toEqual([1, 100]);
    expect(health.ratios).toEqual([2, 20]);
    expect(health.exponent).toBeCloseTo(2);
    const failed = scaleVerdicts([small, large]).filter((v) => !v.ok).map((v) => v.claim);
    expect(failed).toContain('health grows at most n log n');
    expect(failed).toContain('100,000 notes built within 60 s');
    expect(failed.filter((c) => c.endsWith('n log n'))).toEqual(['health grows at most n log n']);
    expect(formatGrowthTable([small, large])).toMatch(/health\s+1\.000 \(2\.00\)\s+100\.000 \(20\.00\)\s+2\.00 !/);
  });
});

describe('scale verdicts', () => {
  it('judges the whole build against 18x floor at 10,000 notes', () => {
    // 10 stages of 0.1 s = 1 s over a 0.0625 s floor = 16x: within; over 0.05 s = 20x: not.
    expect(scaleVerdicts([sized(10_000, 0.0625, {})])[0]).toEqual({ claim: 'whole build within 18x floor at 10,000 notes', ok: true, detail: '16.00x' });
    expect(scaleVerdicts([sized(10_000, 0.05, {})])[0]).toMatchObject({ ok: false, detail: '20.00x' });
  });

  it('judges 100,000 notes on 60 s and 1.5 GB', () => {
    const ok = scaleVerdicts([sized(100_000, 2, { layout: 30 }, 1.4 * 1024 ** 3)]);
    expect(ok.map((v) => [v.claim, v.ok])).toEqual([
      ['100,000 notes built within 60 s', true],
      ['100,000 notes built within 1.5 GB peak RSS', true],
      ['unlinked mentions add at most 20% to the build at 100,000 notes', true],
    ]);
    expect(ok[0].detail).toBe('30.9 s (15.45x floor)');
    const heavy = scaleVerdicts([sized(100_000, 2, {}, 1.6 * 1024 ** 3)]);
    expect(heavy[1]).toMatchObject({ ok: false, detail: '1.60 GB' });
  });

  it('judges what unlinked mentions add to the rest of the build at 10,000 and 100,000 notes, on CPU seconds when measured', () => {
    // Mentions 0.1 s against 9 other stages of 0.1 s: 11.1%; 0.2 s: 22.2%.
    const claim = (n: string) => `unlinked mentions add at most 20% to the build at ${n} notes`;
    expect(scaleVerdicts([sized(10_000, 1, {})]).find((v) => v.claim === claim('10,000'))).toEqual({ claim: claim('10,000'), ok: true, detail: '11.1%' });
    expect(scaleVerdicts([sized(100_000, 1, { mentions: 0.2 })]).find((v) => v.claim === claim('100,000'))).toMatchObject({ ok: false, detail: '22.2%' });
    expect(scaleVerdicts([sized(1_000, 1, { mentions: 1 })]).some((v) => v.claim.startsWith('unlinked'))).toBe(false);
    // The CPU seconds decide where both were measured (wall times inflated by a busy machine do not).
    const busy = { ...sized(100_000, 1, { mentions: 0.5 }), floorCpu: [1], cpuStages: Object.fromEntries(STAGES.map((s) => [s, [0.1]])) };
    expect(scaleVerdicts([busy]).find((v) => v.claim === claim('100,000'))).toMatchObject({ ok: true, detail: '11.1%' });
    expect(formatSizeTable(busy)).toContain('unlinked mentions add 11.1% to the rest of the build (CPU seconds; at most 20%)');
  });

  it('judges 100,000 notes on CPU time too, where a busy machine inflated the wall clock', () => {
    const busy = { ...sized(100_000, 2, { layout: 100 }), floorCpu: [1], cpuStages: Object.fromEntries(STAGES.map((s) => [s, [s === 'layout' ? 25 : 1]])) };
    const verdicts = scaleVerdicts([busy]);
    expect(verdicts.find((v) => v.claim === '100,000 notes built within 60 s')).toMatchObject({ ok: false });
    expect(verdicts.find((v) => v.claim.startsWith('100,000 notes built within 60 s of CPU time'))).toEqual({
      claim: '100,000 notes built within 60 s of CPU time (the wall clock of an idle machine)',
      ok: true,
      detail: '34.0 s (34.00x the floor\'s CPU)',
    });
  });

  it('judges nothing it did not measure', () => {
    expect(scaleVerdicts([sized(1000, 0.1, {})])).toEqual([]);
  });
});

describe('bench JSON', () => {
  it('holds, per size, the floor, every stage with its ratio, the total, memory, bytes and the extras', () => {
    const json = benchJson([sized(10_000, 0.5, { layout: 2 })], { generatedAt: 'now', node: 'v20', cpus: 2, seed: 1 });
    const size = JSON.parse(JSON.stringify(json)).sizes[0];
    expect(Object.keys(size.stages)).toEqual(STAGES);
    expect(size.stages.layout).toEqual({ seconds: 2, ratio: 4 });
    expect(size.floorSeconds).toBe(0.5);
    expect(size.totalSeconds).toBeCloseTo(2.9);
    expect(size.totalRatio).toBeCloseTo(5.8);
    expect(size).toMatchObject({ notes: 10_000, links: 30_000, peakRssBytes: 100e6, graphBytes: 12_000_000, extrasErrors: [] });
    // Every optional figure is a named field, null until its provider lands.
    expect(Object.keys(size.extras).sort()).toEqual(EXTRA_COLUMNS.map((c) => c.key).sort());
    expect(Object.values(size.extras).every((v) => v === null)).toBe(true);
    expect(json.verdicts[0].claim).toBe('whole build within 18x floor at 10,000 notes');
  });

  it('gives CPU seconds beside wall seconds when measured, each against the floor\'s CPU', () => {
    const r = { ...sized(10_000, 2, { layout: 8 }), floorCpu: [0.5], cpuStages: Object.fromEntries(STAGES.map((s) => [s, [s === 'layout' ? 4 : 0.05]])) };
    const size = benchJson([r], { generatedAt: '', node: '', cpus: 1, seed: 1 }).sizes[0];
    expect(size.stages.layout).toEqual({ seconds: 8, ratio: 4 });
    expect(size.cpu?.stages.layout).toEqual({ seconds: 4, ratio: 8 });
    expect(size.cpu?.totalSeconds).toBeCloseTo(4.45);
    expect(formatSizeTable(r)).toMatch(/layout\s+8\.000\s+1,250\s+4\.00\s+4\.000\s+8\.00/);
    expect(benchJson([sized(1000, 1, {})], { generatedAt: '', node: '', cpus: 1, seed: 1 }).sizes[0].cpu).toBeNull();
  });

  it('prints each missing figure with who provides it, and a provided one as a number', () => {
    const r = sized(10_000, 0.5, {});
    expect(formatSizeTable(r)).toContain('(lower is better): - (not yet: layout provides layoutQuality(graph) in src/extract/layout-quality.ts)');
    const withQuality = { ...r, extras: { ...benchJson([r], { generatedAt: '', node: '', cpus: 1, seed: 1 }).sizes[0].extras, layoutQuality: 0.4321 } };
    expect(formatSizeTable(withQuality)).toContain('(lower is better): 0.432');
  });
});

describe('layoutFigures', () => {
  it('gives the layout quality hook two finite numbers (the JSON of a NaN would read as not measured)', () => {
    const graph = new Graph() as unknown as NotemapGraph;
    const note = (key: string, x: number, y: number, component: number, orphan = false) =>
      graph.addNode(key, { kind: 'note', x, y, component, orphan } as never);
    // Two linked pairs, close together, far from each other, and an orphan.
    note('a', 0, 0, 0);
    note('b', 1, 0, 0);
    note('c', 100, 0, 1);
    note('d', 100, 1, 1);
    note('o', 200, 50, 2, true);
    graph.addEdge('a', 'b');
    graph.addEdge('c', 'd');
    const figures = layoutFigures(graph);
    expect(figures.layoutQuality).toBeGreaterThan(0);
    expect(figures.layoutQuality).toBeLessThan(0.05);
    // The main component (a, b) spans 1 x 1 of a 200 x 50 drawing.
    expect(figures.layoutMainShare).toBeCloseTo(1 / (200 * 50), 4);
    const json = JSON.parse(JSON.stringify(figures));
    expect(json).toEqual(figures);
  });
});

describe('compactBytes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-compact-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sums the served files beside graph.json that exist, graph.json left out', () => {
    writeFileSync(path.join(dir, 'graph.json'), 'x'.repeat(1000));
    expect(compactBytes(dir, ['graph.json', 'graph.bin'])).toBeNull();
    writeFileSync(path.join(dir, 'graph.bin'), 'x'.repeat(30));
    writeFileSync(path.join(dir, 'graph-text.json'), 'x'.repeat(12));
    expect(compactBytes(dir, ['graph.json', 'graph.bin', 'graph-text.json', 'missing.json'])).toBe(42);
    // Numbered files by pattern, as SERVED_GRAPH_FILES lists them.
    writeFileSync(path.join(dir, 'graph.details.0.json'), 'x'.repeat(100));
    writeFileSync(path.join(dir, 'graph.details.1.json'), 'x'.repeat(200));
    expect(compactBytes(dir, ['graph.json', 'graph.bin', /^graph\.details\.\d+\.json$/])).toBe(330);
  });
});
