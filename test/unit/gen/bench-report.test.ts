/**
 * The bench's arithmetic (medians, per-run sums, ratios to the floor, the
 * verdict line) and its floor measurement on real files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureFloor } from '../../../scripts/lib/bench-floor.js';
import { floorRatio, formatSizeTable, formatVerdict, median, medianOfSum, runRatios, type SizeResult } from '../../../scripts/lib/bench-report.js';
import { generateVault } from '../../../scripts/lib/vault-generator.js';
import { writeVault } from '../../../scripts/lib/write-vault.js';

const result: SizeResult = {
  notes: 10000,
  links: 34000,
  runs: 3,
  floor: [0.5, 0.4, 0.6],
  stages: {
    scan: [0.1, 0.1, 0.1],
    read: [0.3, 0.2, 0.4],
    parse: [0.6, 0.5, 0.9],
    resolve: [0.2, 0.2, 0.2],
    build: [0.1, 0.1, 0.1],
    measure: [0.3, 0.3, 0.3],
    health: [0, 0, 0],
    layout: [2, 2, 2],
    write: [0.2, 0.2, 0.2],
  },
  peakRss: 300 * 1024 * 1024,
  peakHeap: 120 * 1024 * 1024,
  graphBytes: 9_000_000,
  vaultBytes: 15 * 1024 * 1024,
  cpu: [1, 2, 3],
  wall: [4, 4, 4],
};

describe('bench report', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('sums the stages of each run before taking the median', () => {
    // Runs: 1.2, 1.0, 1.6 -> median 1.2 (the median of each stage summed would be 1.1).
    expect(medianOfSum(result, ['scan', 'read', 'parse', 'resolve'])).toBeCloseTo(1.2);
  });

  it('divides each run by its own floor, then takes the median', () => {
    // Runs 1.2/0.5, 1.0/0.4, 1.6/0.6 = 2.4, 2.5, 2.67 -> 2.5 (the ratio of the medians, 1.2/0.5, would be 2.4).
    const ratios = runRatios(result, ['scan', 'read', 'parse', 'resolve']);
    expect(ratios.map((r) => Number(r.toFixed(2)))).toEqual([2.4, 2.5, 2.67]);
    expect(floorRatio(result)).toBeCloseTo(2.5);
    // A run where the machine slowed everything down by half keeps its ratio.
    const drift = { ...result, floor: [0.4, 0.4, 0.8], stages: { ...result.stages, scan: [0, 0, 0], read: [0.2, 0.2, 0.4], parse: [0.8, 0.8, 1.6], resolve: [0.2, 0.2, 0.4] } };
    expect(runRatios(drift, ['scan', 'read', 'parse', 'resolve']).map((r) => Number(r.toFixed(6)))).toEqual([3, 3, 3]);
  });

  it('says yes under the limit and no over it, with every run\'s ratio', () => {
    expect(formatVerdict(result)).toBe('scan+parse+resolve within 3x floor at 10,000 notes: yes (2.50x; runs: 2.40, 2.50, 2.67)');
    expect(formatVerdict({ ...result, floor: [0.2, 0.2, 0.2] })).toBe('scan+parse+resolve within 3x floor at 10,000 notes: no (6.00x; runs: 6.00, 5.00, 8.00)');
  });

  it('prints one row per stage with seconds, notes per second and the floor ratio', () => {
    const table = formatSizeTable(result);
    expect(table).toContain('10,000 notes, 34,000 links, 15.0 MB of notes; median of 3 run(s), each run against its own floor');
    expect(table).toMatch(/floor \(read \+ regex\)\s+0\.500\s+20,000\s+1\.00/);
    expect(table).toMatch(/scan\+parse\+resolve\s+1\.200\s+8,333\s+2\.50/);
    expect(table).toMatch(/layout\s+2\.000\s+5,000\s+4\.00/);
    expect(table).toContain('where the time goes: layout 53%, parse 16%, measure 8%');
    expect(table).toContain('process CPU / wall time during the pipeline: 0.50 (the machine was busy');
    expect(table).toContain('peak RSS 300.0 MB, peak heap used 120.0 MB, graph.json 9,000,000 bytes');
  });
});

describe('measureFloor', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-floor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every note file once and counts its wiki links', async () => {
    const files = generateVault({ notes: 150, seed: 5 });
    await writeVault(dir, files, 'floor test');
    const floor = await measureFloor(dir, ['.md', '.markdown', '.txt'], 8);
    expect(floor.files).toBe(150);
    expect(floor.bytes).toBe(files.reduce((s, f) => s + Buffer.byteLength(f.text), 0));
    const expected = files.reduce((s, f) => s + (f.text.match(/\[\[[^[\]\n]*\]\]/g)?.length ?? 0), 0);
    expect(floor.links).toBe(expected);
    expect(floor.seconds).toBeGreaterThan(0);
  });
});
